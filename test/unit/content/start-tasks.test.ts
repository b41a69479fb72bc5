// @vitest-environment happy-dom
// The content script's start (src/content/index.ts) is three tasks, not one: the script's
// evaluation (here, the task that answers the storage read, as an early read done before the script
// runs would), unpacking the stored matcher, and reading the first slice of the page. Together
// they made the longest task the extension caused (src/content/next-task.ts).
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, serializeTables } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY } from '../../../src/shared/storage-keys';
import { installPage, krieg, painted, storage } from '../support/content-start';

vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
beforeAll(installPage);

/** Everything the current task has queued as microtasks (promise continuations) runs. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
/** One more task: the script's own timer, queued before this one, runs first. */
const task = () => new Promise((resolve) => setTimeout(resolve, 0));
const unpacked = () => performance.getEntriesByName('wortlupe:unpack').length;

it('unpacks the matcher in a task after the read came, and reads the page in the task after that', async () => {
  expect(typeof (globalThis as { scheduler?: unknown }).scheduler).toBe('undefined'); // the timer is what yields here
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<p>Die Rekruten sind Kanonenfutter.</p>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(storage.answer).toBeDefined());

  storage.answer!({
    [COMPILED_KEY]: serializeTables(compileTables([krieg])),
    [PAGE_SETTINGS_KEY]: { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} },
  });
  await microtasks();
  expect([unpacked(), painted()]).toEqual([0, []]);

  await task();
  await microtasks();
  expect([unpacked(), painted()]).toEqual([1, []]);

  await task();
  await microtasks();
  expect([unpacked(), painted()]).toEqual([1, ['wortlupe-ul-s2']]);
});
