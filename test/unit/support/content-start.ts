// A stand-in browser for starting the content script (src/content/index.ts) in happy-dom: storage
// whose one read the test answers when it likes, and whose change events the test sends. The
// script runs once per test file (modules are evaluated once), so each file starts it once.
//
//   vi.mock('webextension-polyfill', async () => (await import('../support/content-start')).polyfill);
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseList, type RuleList } from '../../../src/core';
import { installHighlightStandIns } from './highlight-api';

type Changes = Record<string, { newValue?: unknown }>;

export const storage = {
  listeners: [] as ((changes: Changes, area: string) => void)[],
  /** Answers the read the script started. */
  answer: undefined as ((stored: Record<string, unknown>) => void) | undefined,
  /** Sends a change of local storage to every listener. */
  change(changes: Changes): void {
    for (const listener of this.listeners) listener(changes, 'local');
  },
};

export const polyfill = {
  default: {
    runtime: { id: 'wortlupe-test', sendMessage: async () => undefined, onMessage: { addListener: () => {}, removeListener: () => {} } },
    storage: {
      local: { get: () => new Promise((resolve) => (storage.answer = resolve)) },
      onChanged: { addListener: (listener: (changes: Changes, area: string) => void) => storage.listeners.push(listener), removeListener: () => {} },
    },
  },
};

const registry = new Map<string, Set<AbstractRange>>();

/** The highlight API and idle callbacks the script needs; call before importing it. */
export function installPage(): void {
  installHighlightStandIns();
  // happy-dom makes a new CSS object at every access: the test's stands in for it.
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true });
  const g = globalThis as Record<string, unknown>;
  g.requestIdleCallback = (callback: IdleRequestCallback) => setTimeout(() => callback({ timeRemaining: () => 8, didTimeout: false }));
  g.cancelIdleCallback = (id: number) => clearTimeout(id);
}

/** The highlight of every painted range, one entry per range (the focus highlight left out). */
export const painted = () => [...registry].filter(([name]) => name !== 'wortlupe-focus').flatMap(([name, h]) => [...h].map(() => name));

export const krieg = (parseList(readFileSync(join(import.meta.dirname, '../../../rules/de-krieg.json'), 'utf8'), 'de-krieg.json') as { list: RuleList }).list;
