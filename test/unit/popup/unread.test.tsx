// @vitest-environment happy-dom
// The popup on a tab where no frame answered: with access to websites, a reload (the page was open
// before Wortlupe started); without it, access asked back from the browser, then a reload.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let held = true;
let granted = true;
let reloadFails = false;
const asked: unknown[] = [];
const reloaded: number[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: {
      contains: async () => held,
      request: async (permissions: unknown) => (asked.push(permissions), granted),
    },
    tabs: {
      reload: async (tabId: number) => {
        if (reloadFails) throw new Error('No tab with id: 7.');
        reloaded.push(tabId);
      },
    },
  },
}));
const { Unread } = await import('../../../src/popup/Unread');

let close: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  held = true;
  granted = true;
  reloadFails = false;
  asked.length = 0;
  reloaded.length = 0;
  close = vi.spyOn(window, 'close').mockImplementation(() => {});
});
afterEach(() => {
  act(() => render(null, document.body));
  close.mockRestore();
});

const show = async (tabId: number | undefined) => {
  await act(async () => render(<Unread tabId={tabId} />, document.body));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
const said = () => [...document.querySelectorAll('.unread p')].map((p) => p.textContent).filter(Boolean);
const buttons = () => [...document.querySelectorAll('.unread button')].map((b) => b.textContent);
const press = (label: string) => act(async () => [...document.querySelectorAll<HTMLButtonElement>('.unread button')].find((b) => b.textContent === label)!.click());

it('with access to websites: says the page may have been open before Wortlupe started, and reloads it', async () => {
  await show(7);
  expect(said()).toEqual([
    'Wortlupe has not read this page.',
    'If it was open before Wortlupe was installed, updated or switched on, reload it. Browser pages and extension stores stay closed to every extension.',
  ]);
  expect(buttons()).toEqual(['Reload page']);
  await press('Reload page');
  expect(reloaded).toEqual([7]);
  expect(close).toHaveBeenCalledOnce();
});

it('without access: asks the browser for it, then offers the reload', async () => {
  held = false;
  await show(7);
  expect(said()).toEqual(['Wortlupe has not read this page.', "Wortlupe may not read websites: that access was taken away in the browser's settings for extensions."]);
  expect(buttons()).toEqual(['Allow reading websites']);
  await press('Allow reading websites');
  expect(asked).toEqual([{ origins: ['<all_urls>'] }]);
  expect(said()).toEqual(['Wortlupe has not read this page.', 'Allowed. Reload the page to have it read.']);
  expect(buttons()).toEqual(['Reload page']);
});

it('says so when the reader declines, and lets them ask again', async () => {
  held = false;
  granted = false;
  await show(7);
  await press('Allow reading websites');
  expect(said()).toEqual(['Wortlupe has not read this page.', 'Not allowed: Wortlupe reads only where the browser lets it.']);
  expect(buttons()).toEqual(['Allow reading websites']);
});

it('offers no reload without a tab, and says why a reload failed', async () => {
  await show(undefined);
  expect(buttons()).toEqual([]);
  await show(7);
  reloadFails = true;
  await press('Reload page');
  expect(said()).toContain('No tab with id: 7.');
  expect(close).not.toHaveBeenCalled();
});
