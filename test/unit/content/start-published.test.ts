// @vitest-environment happy-dom
// The content script's start (src/content/index.ts), when its first read already holds what a
// publish wrote and that publish's change event comes after it (storage answers reads and sends
// events on separate ways): the page is read once, not once more for the event. Under load this
// read the seed article twice in Firefox (14 findings counted instead of 7).
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, serializeTables } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY } from '../../../src/shared/storage-keys';
import { installPage, krieg, painted, storage } from '../support/content-start';

vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
beforeAll(installPage);

const underline = { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} };
const passes = () => performance.getEntriesByName('wortlupe:scan').length;

it('reads the page once for a publish its first read brought, and again for the next publish', async () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<p>Die Rekruten sind Kanonenfutter.</p>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(storage.answer).toBeDefined());

  const compiled = serializeTables(compileTables([krieg]));
  storage.answer!({ [COMPILED_KEY]: compiled, [PAGE_SETTINGS_KEY]: underline, [PUBLISHED_KEY]: 'publish-1' });
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-ul-s2']));
  await vi.waitFor(() => expect(performance.getEntriesByName('wortlupe:scan-complete')).toHaveLength(1));
  const read = passes();

  // The same publish's change event, late.
  storage.change({ [COMPILED_KEY]: { newValue: compiled }, [PAGE_SETTINGS_KEY]: { newValue: underline }, [PUBLISHED_KEY]: { newValue: 'publish-1' } });
  // What it would start (unpacking, then a full scan's first pass, measured as it ends) is done
  // within one turn of the event loop: after that turn, nothing was read.
  await new Promise((turn) => setTimeout(turn));
  expect(passes()).toBe(read);

  // The next publish (another look) is read.
  const tinted = { ...underline, style: { colourBy: 'severity', look: 'background' } };
  storage.change({ [PAGE_SETTINGS_KEY]: { newValue: tinted }, [PUBLISHED_KEY]: { newValue: 'publish-2' } });
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-bg-s2']));
  expect(passes()).toBeGreaterThan(read);
});
