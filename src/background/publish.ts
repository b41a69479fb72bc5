// From the reader's state to what tabs use: the enabled lists (minus switched-off rules), their
// compiled matcher, and the page settings. One write, so tabs see all of it change together.
import browser from 'webextension-polyfill';
import { compileTables, MATCHER_FORMAT, serializeTables, type RuleList } from '../core';
import { shippedLists } from '../shared/shipped-lists';
import { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY, type PageSettings } from '../shared/storage';
import type { State } from '../shared/store/store';

export function enabledLists(state: State): RuleList[] {
  const { disabledLists, disabledRules } = state.settings;
  const off = new Set(disabledRules);
  return [...shippedLists(), ...state.userLists.lists.map((e) => e.list)]
    .filter((list) => !disabledLists.includes(list.id))
    .map((list) => ({ ...list, rules: list.rules.filter((rule) => !off.has(`${list.id}/${rule.id}`)) }));
}

export async function publish(state: State): Promise<void> {
  const lists = enabledLists(state);
  const pageSettings: PageSettings = {
    disabledSites: state.settings.disabledSites,
    style: state.settings.style,
    listColours: Object.fromEntries(lists.map((list, i) => [list.id, i % 8])),
  };
  // The same lists and settings again (Firefox, for one, runs onInstalled and a first settings
  // write together at start-up): no write, or every open tab would read its page once more.
  const stored = await browser.storage.local.get([ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY]);
  if (
    (stored[COMPILED_KEY] as { format?: unknown } | undefined)?.format === MATCHER_FORMAT &&
    JSON.stringify(stored[ACTIVE_KEY]) === JSON.stringify({ lists }) &&
    JSON.stringify(stored[PAGE_SETTINGS_KEY]) === JSON.stringify(pageSettings)
  ) {
    return;
  }
  await browser.storage.local.set({
    [ACTIVE_KEY]: { lists },
    [COMPILED_KEY]: serializeTables(compileTables(lists)),
    [PAGE_SETTINGS_KEY]: pageSettings,
    [PUBLISHED_KEY]: crypto.randomUUID(),
  });
}
