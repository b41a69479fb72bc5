// @vitest-environment happy-dom
// The content script's start (src/content/index.ts) on a page (the top frame) with no text yet, as
// an app that renders after load has: unlike a frame, it reads what is stored at once, so text that
// comes a moment later is painted without waiting for the read.
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, serializeTables } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY } from '../../../src/shared/storage-keys';
import { installPage, krieg, painted, storage } from '../support/content-start';

vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
beforeAll(installPage);

const underline = { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} };

it('reads at once, and paints text that comes later', async () => {
  expect(globalThis.top).toBe(globalThis.self);
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<div id="app"></div>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(storage.answer).toBeDefined());
  expect(performance.getEntriesByName('wortlupe:waiting-for-text')).toHaveLength(0);
  storage.answer!({ [COMPILED_KEY]: serializeTables(compileTables([krieg])), [PAGE_SETTINGS_KEY]: underline });
  await vi.waitFor(() => expect(performance.getEntriesByName('wortlupe:scan-complete')).toHaveLength(1));
  document.getElementById('app')!.innerHTML = '<p>Die Rekruten seien Kanonenfutter.</p>';
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-ul-s2']));
});
