// @vitest-environment happy-dom
// When a full scan paints (src/content/scanner.ts with painter.ts): its first slice at once, the
// slices after it together when the page has been read, and a change the reader makes meanwhile at
// once. Idle time is handed out by the test, so every step is seen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { compile, parseList, type RuleList } from '../../../src/core';
import { FOCUS, Painter } from '../../../src/content/painter';
import { Scanner } from '../../../src/content/scanner';

const idle: IdleRequestCallback[] = [];
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  // happy-dom has neither; the painter keeps ranges, a highlight is a set of them.
  g.Highlight = class extends Set<AbstractRange> {
    priority = 0;
  };
  g.StaticRange = class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
  g.requestIdleCallback = (callback: IdleRequestCallback) => idle.push(callback);
  g.cancelIdleCallback = () => {};
});

const krieg = (parseList(readFileSync(join(import.meta.dirname, '../../../rules/de-krieg.json'), 'utf8'), 'de-krieg.json') as { list: RuleList }).list;
const PARAGRAPHS = 3000;

it('paints the first slice at once, the rest together at the end, and an edit during the scan at once', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">Die Rekruten sind Kanonenfutter.</p>`).join('');
  const registry = new Map<string, Set<AbstractRange>>();
  const painted = () => [...registry].filter(([name]) => name !== FOCUS).reduce((n, [, h]) => n + h.size, 0);
  const scanner = new Scanner(compile([krieg]), new Painter(registry as unknown as HighlightRegistry), () => document.body, () => {}, () => {});

  scanner.scanAll();
  const firstSlice = scanner.count();
  expect(firstSlice).toBeGreaterThan(0);
  expect(firstSlice).toBeLessThan(PARAGRAPHS); // the rest waits for idle time
  expect(painted()).toBe(firstSlice);

  // One idle slice later: read, not yet painted.
  idle.shift()!({ timeRemaining: () => 8, didTimeout: false });
  expect(scanner.count()).toBeGreaterThan(firstSlice);
  expect(painted()).toBe(firstSlice);

  // The reader's page changes a paragraph meanwhile: that is painted at once.
  const edited = document.getElementById('p0')!;
  edited.textContent = 'Kanonenfutter, sagt er, nichts als Kanonenfutter.';
  scanner.rescan([edited], []);
  expect(painted()).toBe(firstSlice + 1);

  while (idle.length) idle.shift()!({ timeRemaining: () => 8, didTimeout: false });
  expect(scanner.busy).toBe(false);
  expect(scanner.count()).toBe(PARAGRAPHS + 1);
  expect(painted()).toBe(PARAGRAPHS + 1);
});
