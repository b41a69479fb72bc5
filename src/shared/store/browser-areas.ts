// The store's areas in the extension: storage.local, and storage.sync falling back to local.
import browser from 'webextension-polyfill';
import { withFallback, type Area, type Areas } from './area';

function wrap(area: browser.Storage.StorageArea): Area {
  return {
    get: (keys) => area.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

export function browserAreas(): Areas {
  const local = wrap(browser.storage.local);
  return { local, sync: withFallback(wrap(browser.storage.sync), local) };
}
