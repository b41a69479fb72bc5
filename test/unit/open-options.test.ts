// Opening the options page on a request (the popup's "Show its switch", the context menu's "Add to
// my list…"): an options tab already open is sent to the request and brought to the front, one in
// the window asked from first; otherwise, or where the browser cannot list its extension's tabs, a
// new tab opens.
import { beforeEach, expect, it, vi } from 'vitest';

const BASE = 'chrome-extension://wortlupe/';
const fake = vi.hoisted(() => ({
  contexts: [] as unknown[],
  calls: [] as unknown[][],
  getContexts: undefined as undefined | ((filter: unknown) => Promise<unknown[]>),
  /** Tabs (and then windows) closed since they were listed. */
  gone: [] as number[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getURL: (path: string) => `chrome-extension://wortlupe/${path}`,
      get getContexts() {
        return fake.getContexts;
      },
    },
    tabs: {
      create: async (props: unknown) => void fake.calls.push(['create', props]),
      update: async (tabId: number, props: unknown) => {
        fake.calls.push(['update', tabId, props]);
        if (fake.gone.includes(tabId)) throw new Error(`No tab with id: ${tabId}.`);
      },
    },
    windows: {
      update: async (windowId: number, props: unknown) => {
        fake.calls.push(['focus', windowId, props]);
        if (fake.gone.length) throw new Error(`No window with id: ${windowId}.`);
      },
    },
  },
}));
const { openOptionsAt } = await import('../../src/shared/open-options');

const tab = (tabId: number, windowId: number, path: string) => ({
  contextType: 'TAB',
  contextId: `c${tabId}`,
  documentUrl: `${BASE}${path}`,
  frameId: 0,
  tabId,
  windowId,
  incognito: false,
});
const REQUEST = 'find?term=Kanonenfutter&list=de-krieg&rule=kanonenfutter';
const AT = `${BASE}src/options/index.html#${REQUEST}`;

beforeEach(() => {
  fake.calls.length = 0;
  fake.contexts = [];
  fake.gone = [];
  fake.getContexts = async (filter) => {
    expect(filter).toEqual({ contextTypes: ['TAB'] });
    return fake.contexts;
  };
});

it('sends the options tab already open to the request, and brings its window to the front', async () => {
  fake.contexts = [tab(4, 2, 'src/popup/index.html?tab=9'), tab(5, 2, 'src/options/index.html')];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([
    ['update', 5, { url: AT, active: true }],
    ['focus', 2, { focused: true }],
  ]);
});

it('prefers an options tab in the window it was asked from, whatever the open one had in its address', async () => {
  fake.contexts = [tab(5, 2, 'src/options/index.html'), tab(8, 1, 'src/options/index.html#add?term=x&lang=de')];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([
    ['update', 8, { url: AT, active: true }],
    ['focus', 1, { focused: true }],
  ]);
});

it('takes the newest options tab: a page with an editor open hands requests on to a new one, which then gets the next', async () => {
  fake.contexts = [tab(5, 1, 'src/options/index.html'), tab(12, 1, 'src/options/index.html'), tab(9, 1, 'src/options/index.html')];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls[0]).toEqual(['update', 12, { url: AT, active: true }]);
});

it('passes over what is not the options page as the browser opens it: a frame, a page with a query, another page', async () => {
  fake.contexts = [
    { ...tab(5, 1, 'src/options/index.html'), frameId: 3 },
    { ...tab(-1, -1, 'src/options/index.html') },
    tab(6, 1, 'src/options/index.html?control'),
    tab(7, 1, 'src/options/index.html.bak'),
  ];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([['create', { url: AT, windowId: 1 }]]);
});

it('opens a new tab when the one found was closed meanwhile, and does not mind a window that cannot be focused', async () => {
  fake.contexts = [tab(5, 2, 'src/options/index.html')];
  fake.gone = [5];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([
    ['update', 5, { url: AT, active: true }],
    ['create', { url: AT, windowId: 1 }],
  ]);
  fake.calls.length = 0;
  fake.gone = [99];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([
    ['update', 5, { url: AT, active: true }],
    ['focus', 2, { focused: true }],
  ]);
});

it('opens a new tab in that window when no options tab is open', async () => {
  fake.contexts = [tab(4, 1, 'src/popup/index.html')];
  await openOptionsAt(REQUEST, 1);
  expect(fake.calls).toEqual([['create', { url: AT, windowId: 1 }]]);
});

it('opens a new tab where the browser cannot list its extension\'s tabs, or fails to', async () => {
  fake.getContexts = undefined;
  await openOptionsAt('add?term=Kanonenfutter&lang=de');
  fake.getContexts = async () => {
    throw new Error('getContexts is not available here');
  };
  await openOptionsAt('add?term=Kanonenfutter&lang=de');
  const url = `${BASE}src/options/index.html#add?term=Kanonenfutter&lang=de`;
  expect(fake.calls).toEqual([
    ['create', { url }],
    ['create', { url }],
  ]);
});
