// What lives in extension storage, under which key, in which shape. Every read is validated.
import browser from 'webextension-polyfill';
import { listSchema, type RuleList } from '../core';
import { z } from '../core/zod';
import { styleSchema } from './store/settings';
import { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY } from './storage-keys';

export { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY };

// Built on first use: the content script reads the lists only when a card is shown.
export const activeListsSchema = z.lazy(() => z.object({ lists: z.array(listSchema) }));

// Read at start in every frame, and built then (z.lazy), not while the content script is evaluated:
// the evaluation is one task with the compile, the longest the extension has (next-task.ts).
export const pageSettingsSchema = z.lazy(() =>
  z.object({
    disabledSites: z.array(z.string()),
    style: styleSchema,
    /** Colour index (0–7) of each enabled list, for colouring by list. */
    listColours: z.record(z.string(), z.int().check(z.minimum(0), z.maximum(7))),
  }),
);
export type PageSettings = z.infer<typeof pageSettingsSchema>;
export const DEFAULT_PAGE_SETTINGS: PageSettings = { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} };

export function parsePageSettings(value: unknown): PageSettings {
  const parsed = pageSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_PAGE_SETTINGS;
}

// Built on first use, when the tab first reads: evaluating the content script builds no schema.
const publishedIdSchema = z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));

/** The id of a publish (PUBLISHED_KEY), or undefined for anything else: an older build wrote none. */
export function parsePublishedId(value: unknown): string | undefined {
  const parsed = publishedIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Per-tab finding counts, per frame (storage.session: gone when the browser closes). */
export const tabKey = (tabId: number) => `tab:${tabId}`;
// Built on first use: only the background and the popup read it.
export const tabStateSchema = z.lazy(() =>
  z.object({ frames: z.record(z.string(), z.object({ docId: z.string(), count: z.int().check(z.minimum(0)) })) }),
);
export type TabState = z.infer<typeof tabStateSchema>;

/**
 * The frames of a tab that reported findings, the top frame first and always, then in the order
 * of their ids: the order the popup lists them in and the keyboard shortcuts step through them.
 */
export function framesOf(state: TabState): number[] {
  const ids = Object.keys(state.frames)
    .map(Number)
    .filter((id) => id !== 0)
    .sort((a, b) => a - b);
  return [0, ...ids];
}

/**
 * The frame of a tab whose flag was revealed last (storage.session), by a keyboard shortcut or from
 * the popup: where the next shortcut goes on from. Forgotten with the tab's counts.
 */
export const stepFrameKey = (tabId: number) => `step:${tabId}`;

export async function readStepFrame(tabId: number): Promise<number | undefined> {
  const parsed = z.int().check(z.minimum(0)).safeParse((await browser.storage.session.get(stepFrameKey(tabId)))[stepFrameKey(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

export function writeStepFrame(tabId: number, frameId: number): Promise<void> {
  return browser.storage.session.set({ [stepFrameKey(tabId)]: frameId });
}

/**
 * Tabs the popup reloaded because Wortlupe had not read them (storage.session). A tab still unread
 * after that is closed to extensions (a browser page, a store), which another reload would not change.
 * It is forgotten once a page in the tab is read (a count is reported) or the tab navigates or closes.
 */
export const reloadedKey = (tabId: number) => `reloaded:${tabId}`;

export async function wasReloaded(tabId: number): Promise<boolean> {
  return (await browser.storage.session.get(reloadedKey(tabId)))[reloadedKey(tabId)] === true;
}

export function markReloaded(tabId: number): Promise<void> {
  return browser.storage.session.set({ [reloadedKey(tabId)]: true });
}

export function forgetReloaded(tabId: number): Promise<void> {
  return browser.storage.session.remove(reloadedKey(tabId));
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
