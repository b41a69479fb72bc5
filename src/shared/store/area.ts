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

/**
 * `sync` when it works, else `local`: sync can be switched off, unavailable, or over its quota (Chrome
 * allows 8 KB per item). There is one current copy: a write that sync takes removes the local one, a
 * write it refuses goes to local — where reads look first, or the older synced copy would win.
 */
export function withFallback(sync: Area, local: Area): Area {
  return {
    async get(keys) {
      const fallback = await local.get(keys);
      if (keys.some((k) => k in fallback)) return fallback;
      try {
        return await sync.get(keys);
      } catch {
        return {}; // sync unavailable and nothing kept locally: nothing stored yet
      }
    },
    async set(items) {
      try {
        await sync.set(items);
        await local.remove(Object.keys(items));
      } catch {
        await local.set(items);
      }
    },
    async remove(keys) {
      await Promise.allSettled([sync.remove(keys), local.remove(keys)]);
    },
  };
}
