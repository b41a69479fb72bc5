// Which lists are on, and publishing the enabled ones for content scripts.
import browser from 'webextension-polyfill';
import { shippedLists } from '../shared/shipped-lists';
import { ACTIVE_KEY, readSettings, SETTINGS_KEY } from '../shared/storage';

export async function publishActiveLists(): Promise<void> {
  const settings = await readSettings();
  const lists = shippedLists().filter((list) => !settings.disabledLists.includes(list.id));
  await browser.storage.local.set({ [ACTIVE_KEY]: { lists } });
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
