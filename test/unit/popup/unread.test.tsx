// @vitest-environment happy-dom
// The popup on a tab where no frame answered: still loading (asked again once loaded); without
// access to every website, that access asked back; with it, one reload offered (the page was open
// before Wortlupe started), and a tab still unread after that reload said to be closed to extensions.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let held: boolean | Error = true;
let granted = true;
let status = 'complete';
let reloadedBefore = false;
let reloadFails = false;
const checked: unknown[] = [];
const asked: unknown[] = [];
const reloaded: number[] = [];
const marked: number[] = [];
const forgotten: number[] = [];
const updated = new Set<(tabId: number, change: { status?: string }) => void>();
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: {
      contains: async (permissions: unknown) => {
        checked.push(permissions);
        if (held instanceof Error) throw held;
        return held;
      },
      request: async (permissions: unknown) => (asked.push(permissions), granted),
    },
    tabs: {
      get: async (tabId: number) => ({ id: tabId, status }),
      reload: async (tabId: number) => {
        if (reloadFails) throw new Error('No tab with id: 7.');
        reloaded.push(tabId);
      },
      onUpdated: { addListener: (f: never) => updated.add(f), removeListener: (f: never) => updated.delete(f) },
    },
  },
}));
vi.mock('../../../src/shared/storage', () => ({
  wasReloaded: async () => reloadedBefore,
  markReloaded: async (tabId: number) => void marked.push(tabId),
  forgetReloaded: async (tabId: number) => void forgotten.push(tabId),
}));
const { Unread } = await import('../../../src/popup/Unread');

let close: ReturnType<typeof vi.spyOn>;
let loaded = 0;
beforeEach(() => {
  held = true;
  granted = true;
  status = 'complete';
  reloadedBefore = false;
  reloadFails = false;
  loaded = 0;
  for (const list of [checked, asked, reloaded, marked, forgotten]) list.length = 0;
  updated.clear();
  close = vi.spyOn(window, 'close').mockImplementation(() => {});
});
afterEach(() => {
  act(() => render(null, document.body));
  close.mockRestore();
});

const show = async (tabId: number | undefined) => {
  await act(async () => render(<Unread tabId={tabId} onLoaded={() => loaded++} />, document.body));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
const said = () => [...document.querySelectorAll('.unread p')].map((p) => p.textContent).filter(Boolean);
const buttons = () => [...document.querySelectorAll('.unread button')].map((b) => b.textContent);
// The click starts a chain of browser calls: wait for it to settle before looking.
const press = (label: string) =>
  act(async () => {
    [...document.querySelectorAll<HTMLButtonElement>('.unread button')].find((b) => b.textContent === label)!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

it('with access to websites: says the page may have been open before Wortlupe started, and reloads it once', async () => {
  await show(7);
  expect(checked).toEqual([{ origins: ['*://*/*'] }]);
  expect(said()).toEqual([
    'Wortlupe has not read this page.',
    'If it was open before Wortlupe was installed, updated or switched on, reload it. Browser pages and extension stores stay closed to every extension; a reload does not change that.',
  ]);
  expect(buttons()).toEqual(['Reload page']);
  await press('Reload page');
  expect([marked, reloaded]).toEqual([[7], [7]]);
  expect(close).toHaveBeenCalledOnce();
});

it('says a tab still unread after that reload is closed to extensions, and offers nothing', async () => {
  reloadedBefore = true;
  await show(7);
  expect(said()).toEqual([
    'Wortlupe has not read this page.',
    'It stayed unread after a reload: this page is closed to extensions (a browser page, an extension store or another page the browser keeps to itself).',
  ]);
  expect(buttons()).toEqual([]);
});

it('waits for a page still loading, and has its frames asked again once it has loaded', async () => {
  status = 'loading';
  await show(7);
  expect(said()).toEqual(['Wortlupe has not read this page.', 'The page is still loading: Wortlupe reads it once it has loaded.']);
  expect(buttons()).toEqual([]);
  for (const listener of updated) listener(8, { status: 'complete' });
  for (const listener of updated) listener(7, { status: 'loading' });
  expect(loaded).toBe(0);
  for (const listener of updated) listener(7, { status: 'complete' });
  expect(loaded).toBe(1);
});

it('without access to every website: asks the browser for it, then offers the reload', async () => {
  held = false;
  await show(7);
  expect(said()).toEqual([
    'Wortlupe has not read this page.',
    "Wortlupe may not read every website: the browser's settings for extensions limit which sites it may read, perhaps not this one.",
  ]);
  expect(buttons()).toEqual(['Allow reading websites']);
  await press('Allow reading websites');
  expect(asked).toEqual([{ origins: ['*://*/*'] }]);
  // With access back, an earlier reload of the tab says nothing about the next one.
  expect(forgotten).toEqual([7]);
  expect(said()).toEqual(['Wortlupe has not read this page.', 'Allowed. Reload the page to have it read.']);
  expect(buttons()).toEqual(['Reload page']);
});

it('says so when the reader declines, and lets them ask again', async () => {
  held = false;
  granted = false;
  await show(7);
  await press('Allow reading websites');
  expect(said()).toEqual(['Wortlupe has not read this page.', 'Not allowed. Wortlupe reads only the sites you allow.']);
  expect(buttons()).toEqual(['Allow reading websites']);
});

it('reads a browser that cannot answer about access as access held', async () => {
  held = new Error('permissions unavailable');
  await show(7);
  expect(buttons()).toEqual(['Reload page']);
});

it('offers no reload without a tab, and says why a reload failed', async () => {
  await show(undefined);
  expect(buttons()).toEqual([]);
  await show(7);
  reloadFails = true;
  await press('Reload page');
  expect(said()).toContain('The page could not be reloaded: No tab with id: 7.');
  expect(close).not.toHaveBeenCalled();
  // A reload that did not happen does not count as one.
  expect([marked, forgotten]).toEqual([[7], [7]]);
});
