// @vitest-environment happy-dom
// The content script's start (src/content/index.ts) in a frame with nothing to read (an ad slot, an
// empty frame the page writes into later): it reads nothing from storage and unpacks no matcher
// until the frame's DOM changes and it has text; then it reads and paints as any page does.
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, serializeTables } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY } from '../../../src/shared/storage-keys';
import { installPage, krieg, painted, storage } from '../support/content-start';

vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
// The check itself, counted: the test can tell when the script has looked again after a change.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/dom/readable-text', async (actual) => {
  const real = await actual<typeof import('../../../src/dom/readable-text')>();
  return { ...real, hasReadableText: (doc: Document) => (checks.count++, real.hasReadableText(doc)) };
});
beforeAll(() => {
  installPage();
  // A frame: its top window is another one.
  Object.defineProperty(globalThis, 'top', { value: {}, configurable: true });
});

const underline = { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} };
const marks = (name: string) => performance.getEntriesByName(name).length;

it('waits for text before it reads the matcher, and reads and paints once text comes', async () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<a href="#"><img alt="" width="300" height="250"></a><script>var slot = "Kanonenfutter";</script><p id="ad"> </p>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(marks('wortlupe:waiting-for-text')).toBe(1));
  expect(storage.answer).toBeUndefined();

  // Changes that bring no text: looked at again, and still nothing read.
  const looked = checks.count;
  document.body.append(document.createElement('img'), document.createTextNode('  \n'));
  await vi.waitFor(() => expect(checks.count).toBe(looked + 1));
  expect(storage.answer).toBeUndefined();
  expect(marks('wortlupe:unpack')).toBe(0);

  // A publish while waiting is not taken (a matcher of no rules here): the read at waking brings
  // what is stored then. Were it taken, it would stand, and nothing would be painted below.
  storage.change({ [COMPILED_KEY]: { newValue: serializeTables(compileTables([])) } });

  // The ad's text comes into the paragraph that was white space (a change of character data).
  (document.getElementById('ad')!.firstChild as Text).data = 'Die Rekruten seien Kanonenfutter.';
  await vi.waitFor(() => expect(storage.answer).toBeDefined());
  storage.answer!({ [COMPILED_KEY]: serializeTables(compileTables([krieg])), [PAGE_SETTINGS_KEY]: underline });
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-ul-s2']));
  expect(marks('wortlupe:unpack')).toBe(1);
});
