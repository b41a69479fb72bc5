// What lives in extension storage, under which key, in which shape. Every read is validated.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { listSchema, type RuleList } from '../core';

/** Small user settings. */
export const SETTINGS_KEY = 'settings';
export const settingsSchema = z.object({
  schema: z.literal(1),
  disabledLists: z.array(z.string().max(64)).max(1000),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { schema: 1, disabledLists: [] };

/**
 * The enabled lists, as the background last published them. Content scripts read only this key,
 * so a change of lists or switches reaches every open tab through storage.onChanged.
 */
export const ACTIVE_KEY = 'activeLists';
export const activeListsSchema = z.object({ lists: z.array(listSchema) });

/**
 * The enabled lists compiled into one matcher by the background (core/serialize.ts), so tabs do
 * not compile again. Published together with ACTIVE_KEY.
 */
export const COMPILED_KEY = 'compiledMatcher';

/** Per-tab finding counts, per frame (storage.session: gone when the browser closes). */
export const tabKey = (tabId: number) => `tab:${tabId}`;
export const tabStateSchema = z.object({
  frames: z.record(z.string(), z.object({ docId: z.string(), count: z.number().int().min(0) })),
});
export type TabState = z.infer<typeof tabStateSchema>;

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function parseActiveLists(value: unknown): RuleList[] {
  const parsed = activeListsSchema.safeParse(value);
  return parsed.success ? parsed.data.lists : [];
}

export async function readActiveLists(): Promise<RuleList[]> {
  return parseActiveLists((await browser.storage.local.get(ACTIVE_KEY))[ACTIVE_KEY]);
}

export async function readTabState(tabId: number): Promise<TabState> {
  const stored = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
  const parsed = tabStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : { frames: {} };
}
