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
      update: async (tabId: number, props: unknown) => void fake.calls.push(['update', tabId, props]),
    },
    windows: { update: async (windowId: number, props: unknown) => void fake.calls.push(['focus', windowId, props]) },
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
