// The storage the store works on: extension storage in the browser, a map in unit tests. Only the
// three operations the store needs.
export interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface Areas {
  /** Lists and everything large. */
  local: Area;
  /** Small settings that may follow the reader to other devices; falls back to `local`. */
  sync: Area;
}

/** `sync` when it works, else `local`: sync can be switched off, unavailable, or over its quota. */
export function withFallback(sync: Area, local: Area): Area {
  return {
    async get(keys) {
      try {
        const found = await sync.get(keys);
        if (keys.some((k) => k in found)) return found;
      } catch {
        // sync unavailable: read the local copy
      }
      return local.get(keys);
    },
    async set(items) {
      try {
        await sync.set(items);
        await local.remove(Object.keys(items)); // one copy only, so a stale one never wins
      } catch {
        await local.set(items);
      }
    },
    async remove(keys) {
      await Promise.allSettled([sync.remove(keys), local.remove(keys)]);
    },
  };
}
