// @vitest-environment happy-dom
// The content script's start (src/content/index.ts): it listens to storage changes, then reads the
// stored matcher and page settings. A change published while that read is under way is newer than
// what the read brings, but only for what it changes: a change of the page settings alone (the
// reader picked another look in the options page while a tab was loading) must not leave the tab
// without its matcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';
import { compileTables, parseList, serializeTables, type RuleList } from '../../../src/core';
import { COMPILED_KEY, PAGE_SETTINGS_KEY } from '../../../src/shared/storage-keys';
import { installHighlightStandIns } from '../support/highlight-api';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const storage = vi.hoisted(() => ({
  listeners: [] as ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[],
  /** Answers the read the script started. */
  answer: undefined as ((stored: Record<string, unknown>) => void) | undefined,
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'wortlupe-test', sendMessage: async () => undefined, onMessage: { addListener: () => {}, removeListener: () => {} } },
    storage: {
      local: { get: () => new Promise((resolve) => (storage.answer = resolve)) },
      onChanged: { addListener: (listener: Listener) => storage.listeners.push(listener), removeListener: () => {} },
    },
  },
}));

const registry = new Map<string, Set<AbstractRange>>();
beforeAll(() => {
  installHighlightStandIns();
  const g = globalThis as Record<string, unknown>;
  // happy-dom makes a new CSS object at every access: the test's stands in for it.
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true });
  g.requestIdleCallback = (callback: IdleRequestCallback) => setTimeout(() => callback({ timeRemaining: () => 8, didTimeout: false }));
  g.cancelIdleCallback = (id: number) => clearTimeout(id);
});

const krieg = (parseList(readFileSync(join(import.meta.dirname, '../../../rules/de-krieg.json'), 'utf8'), 'de-krieg.json') as { list: RuleList }).list;
const tinted = { disabledSites: [], style: { colourBy: 'severity', look: 'background' }, listColours: {} };
const painted = () => [...registry].filter(([name]) => name !== 'wortlupe-focus').flatMap(([name, h]) => [...h].map(() => name));

it('keeps the matcher it reads when only the page settings change while it reads them', async () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<p>Die Rekruten sind Kanonenfutter.</p>';
  await import('../../../src/content/index');
  await vi.waitFor(() => expect(storage.answer).toBeDefined());
  expect(storage.listeners).toHaveLength(1);

  // The look changes while the script waits for its read …
  storage.listeners[0]!({ [PAGE_SETTINGS_KEY]: { newValue: tinted } }, 'local');
  // … which then brings the matcher (and the settings as they were when it was made).
  storage.answer!({ [COMPILED_KEY]: serializeTables(compileTables([krieg])), [PAGE_SETTINGS_KEY]: { ...tinted, style: { colourBy: 'severity', look: 'underline' } } });

  // Kanonenfutter is found, and painted in the newer look (a tinted background, severity 2).
  await vi.waitFor(() => expect(painted()).toEqual(['wortlupe-bg-s2']));
});
