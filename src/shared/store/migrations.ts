// Stored data has a schema version; every older version is brought up to date by ordered,
// idempotent steps (running one twice changes nothing), before anything else reads the store.
import type { Areas } from './area';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './settings';

export const META_KEY = 'meta';
export const CURRENT_VERSION = 2;

interface Migration {
  to: number;
  what: string;
  run(areas: Areas): Promise<void>;
}

const MIGRATIONS: Migration[] = [
  {
    to: 2,
    what: 'settings move to synced storage and gain per-rule, per-site and style fields',
    async run({ local, sync }) {
      const old = (await local.get([SETTINGS_KEY]))[SETTINGS_KEY] as { schema?: unknown; disabledLists?: unknown } | undefined;
      if (!old || old.schema !== 1) return; // nothing of version 1 left: already done
      const disabledLists = Array.isArray(old.disabledLists) ? old.disabledLists.filter((x) => typeof x === 'string') : [];
      await sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledLists } });
    },
  },
];

/** The version of what is stored: recorded, or inferred for data older than the record. */
export async function storedVersion(areas: Areas): Promise<number> {
  const meta = (await areas.local.get([META_KEY]))[META_KEY] as { version?: unknown } | undefined;
  if (typeof meta?.version === 'number') return meta.version;
  const old = (await areas.local.get([SETTINGS_KEY]))[SETTINGS_KEY] as { schema?: unknown } | undefined;
  return old?.schema === 1 ? 1 : 0;
}

/** Runs every step after the stored version, in order, then records the current version. */
export async function migrate(areas: Areas): Promise<string[]> {
  const from = await storedVersion(areas);
  const done: string[] = [];
  for (const step of MIGRATIONS) {
    if (step.to > from && from > 0) {
      await step.run(areas);
      done.push(`to version ${step.to}: ${step.what}`);
    }
  }
  if (from !== CURRENT_VERSION) await areas.local.set({ [META_KEY]: { version: CURRENT_VERSION } });
  return done;
}
