// @vitest-environment happy-dom
// The content script's start (src/content/index.ts): it listens to storage changes, then reads the
// stored matcher and page settings. A change published while that read is under way is newer than
// what the read brings, but only for what it changes: a change of the page settings alone (the
// reader picked another look in the options page while a tab was loading) must not leave the tab
// without its matcher.
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, serializeTables } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY } from '../../../src/shared/storage-keys';
import { installPage, krieg, painted, storage } from '../support/content-start';

vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
beforeAll(installPage);

const tinted = { disabledSites: [], style: { colourBy: 'severity', look: 'background' }, listColours: {} };

it('keeps the matcher it reads when only the page settings change while it reads them', async () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<p>Die Rekruten sind Kanonenfutter.</p>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(storage.answer).toBeDefined());
  expect(storage.listeners).toHaveLength(1);

  // The look changes while the script waits for its read …
  storage.change({ [PAGE_SETTINGS_KEY]: { newValue: tinted } });
  // … which then brings the matcher (and the settings as they were when it was made).
  storage.answer!({ [COMPILED_KEY]: serializeTables(compileTables([krieg])), [PAGE_SETTINGS_KEY]: { ...tinted, style: { colourBy: 'severity', look: 'underline' } } });

  // Kanonenfutter is found, and painted in the newer look (a tinted background, severity 2).
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-bg-s2']));
});
