// "Add to my list…": the click opens the options page's rule form with the selection and the
// language the page's content script reports, and copes with pages it cannot ask.
import type { Menus, Tabs } from 'webextension-polyfill';
import { beforeEach, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  sendMessage: vi.fn<(tabId: number, message: unknown, options: unknown) => Promise<unknown>>(),
  create: vi.fn<(props: { url: string; windowId?: number }) => Promise<unknown>>(),
  clicked: undefined as undefined | ((info: unknown, tab: unknown) => unknown),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    contextMenus: { onClicked: { addListener: (listener: typeof fake.clicked) => (fake.clicked = listener) } },
    tabs: { sendMessage: fake.sendMessage, create: fake.create },
    // No options tab open (open-options.ts): a new one, in the window of the page.
    runtime: { getURL: (path: string) => `chrome-extension://wortlupe/${path}`, getContexts: async () => [] },
  },
}));
const { MENU_ID, onMenuClick } = await import('../../src/background/context-menu');

const tab = { id: 7, windowId: 2 } as Tabs.Tab;
const click = (info: Partial<Menus.OnClickData>) => onMenuClick({ menuItemId: MENU_ID, editable: false, modifiers: [], ...info }, tab);
const opened = () => fake.create.mock.calls.map(([props]) => props.url);

beforeEach(() => {
  fake.sendMessage.mockReset();
  fake.create.mockReset();
});

it('is the listener the background registers', () => {
  expect(fake.clicked).toBeTypeOf('function');
});

it('opens the rule form with the selection and the language of the frame it was made in', async () => {
  fake.sendMessage.mockResolvedValueOnce({ lang: 'de' });
  await click({ selectionText: '  Kanonenfutter  ', frameId: 3 });
  expect(fake.sendMessage).toHaveBeenCalledWith(7, { type: 'page-language' }, { frameId: 3 });
  expect(opened()).toEqual(['chrome-extension://wortlupe/src/options/index.html#add?term=Kanonenfutter&lang=de']);
  expect(fake.create.mock.calls[0]![0].windowId).toBe(2);
});

it('leaves the language to the reader when the page cannot be asked or answers nonsense', async () => {
  fake.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
  await click({ selectionText: 'cannon fodder' });
  fake.sendMessage.mockResolvedValueOnce({ lang: '<script>' });
  await click({ selectionText: 'cannon fodder' });
  expect(opened()).toEqual([
    'chrome-extension://wortlupe/src/options/index.html#add?term=cannon+fodder&lang=',
    'chrome-extension://wortlupe/src/options/index.html#add?term=cannon+fodder&lang=',
  ]);
});

it('takes at most 200 characters of a long selection, and ignores other menus', async () => {
  fake.sendMessage.mockResolvedValueOnce({ lang: 'en' });
  await click({ selectionText: 'x'.repeat(5000) });
  expect(new URLSearchParams(opened()[0]!.split('#add?')[1]).get('term')).toBe('x'.repeat(200));
  await onMenuClick({ menuItemId: 'another-extension-item', editable: false, modifiers: [] }, tab);
  expect(opened()).toHaveLength(1);
});
