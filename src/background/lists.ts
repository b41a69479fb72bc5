// Which lists are on, and publishing the enabled ones for content scripts.
import browser from 'webextension-polyfill';
import { compileTables, serializeTables } from '../core';
import { shippedLists } from '../shared/shipped-lists';
import { ACTIVE_KEY, COMPILED_KEY, readSettings, SETTINGS_KEY } from '../shared/storage';

export async function publishActiveLists(): Promise<void> {
  const settings = await readSettings();
  const lists = shippedLists().filter((list) => !settings.disabledLists.includes(list.id));
  // One write, so tabs see the lists and their compiled matcher change together.
  await browser.storage.local.set({ [ACTIVE_KEY]: { lists }, [COMPILED_KEY]: serializeTables(compileTables(lists)) });
}

export async function setListEnabled(listId: string, enabled: boolean): Promise<{ ok: boolean }> {
  if (!shippedLists().some((list) => list.id === listId)) return { ok: false };
  const settings = await readSettings();
  const disabled = new Set(settings.disabledLists);
  if (enabled) disabled.delete(listId);
  else disabled.add(listId);
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, disabledLists: [...disabled] } });
  await publishActiveLists();
  return { ok: true };
}
