// @vitest-environment happy-dom
// When a full scan paints (src/content/scanner.ts with painter.ts): what it reads at once until it
// has read past the bottom of the window, the slices after that together when the page has been
// read, and a change the reader makes meanwhile at once. Idle time is handed out by the test, so
// every step is seen; happy-dom lays nothing out, so each test says where its paragraphs are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { compile, parseList, type RuleList } from '../../../src/core';
import { FOCUS, Painter } from '../../../src/content/painter';
import { Scanner } from '../../../src/content/scanner';
import { installHighlightStandIns } from '../support/highlight-api';

const idle: IdleRequestCallback[] = [];
beforeAll(() => {
  installHighlightStandIns();
  const g = globalThis as Record<string, unknown>;
  g.requestIdleCallback = (callback: IdleRequestCallback) => idle.push(callback);
  g.cancelIdleCallback = () => {};
});

/** Where the element with an id of a letter and a number is (happy-dom's window is 1024 × 768 px). */
function layOut(box: (letter: string, i: number) => { top: number; height: number; left?: number }): void {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const at = /^([a-z])(\d+)$/.exec(this.id);
    const { top, height, left = 0 } = at ? box(at[1]!, Number(at[2])) : { top: 0, height: 0 };
    return { top, height, bottom: top + height, left, right: left + 600, width: 600, x: left, y: top } as DOMRect;
  };
}
const unlaid = Element.prototype.getBoundingClientRect;
afterEach(() => {
  Element.prototype.getBoundingClientRect = unlaid;
  idle.length = 0;
  performance.clearMarks();
});

const krieg = (parseList(readFileSync(join(import.meta.dirname, '../../../rules/de-krieg.json'), 'utf8'), 'de-krieg.json') as { list: RuleList }).list;
const PARAGRAPHS = 3000;

it('paints the first slice at once, the rest together at the end, and an edit during the scan at once', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">Die Rekruten sind Kanonenfutter.</p>`).join('');
  // Paragraphs 400 px tall: the first slice (four paragraphs at least) reads past the window.
  layOut((_, i) => ({ top: i * 400, height: 400 }));
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

it('paints slice after slice while what it has read is not yet below the window', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">Die Rekruten sind Kanonenfutter.</p>`).join('');
  // The first 2,000 paragraphs take no room (a menu kept closed, say); then 400 px each from the
  // top: p2000 and p2001 are in view, p2002 is the first wholly below the window.
  const FIRST_BELOW = 2002;
  layOut((_, i) => (i < 2000 ? { top: 0, height: 0 } : { top: (i - 2000) * 400, height: 400 }));
  const registry = new Map<string, Set<AbstractRange>>();
  const painted = () => [...registry].filter(([name]) => name !== FOCUS).reduce((n, [, h]) => n + h.size, 0);
  const scanner = new Scanner(compile([krieg]), new Painter(registry as unknown as HighlightRegistry), () => document.body, () => {}, () => {});

  scanner.scanAll();
  expect(scanner.count()).toBeLessThan(FIRST_BELOW); // one finding per paragraph read
  expect(painted()).toBe(scanner.count());
  let heldFrom: number | undefined;
  while (idle.length) {
    // A slice that starts with the last paragraph read below the window holds what it reads.
    const read = scanner.count();
    if (heldFrom === undefined && read - 1 >= FIRST_BELOW) heldFrom = read;
    idle.shift()!({ timeRemaining: () => 8, didTimeout: false });
    if (scanner.busy) expect(painted()).toBe(heldFrom ?? scanner.count());
  }
  expect(heldFrom).toBeDefined();
  expect(heldFrom!).toBeLessThan(PARAGRAPHS);
  expect(painted()).toBe(PARAGRAPHS);
  expect(performance.getEntriesByName('wortlupe:first-screen')).toHaveLength(1);
});

it('paints a block in view at once even after the rest is held: the order of the source is not that of the screen', () => {
  document.documentElement.lang = 'de';
  // A sidebar taller than the window comes first in the source; the article beside it starts at the top.
  const side = Array.from({ length: 2000 }, (_, i) => `<p id="s${i}">Ressort ${i}: Politik, Wirtschaft, Kultur</p>`).join('');
  // Long enough that reading it takes more than one slice after the one that reaches it.
  const main = Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="m${i}">Die Rekruten sind Kanonenfutter.</p>`).join('');
  document.body.innerHTML = `<nav>${side}</nav><main>${main}</main>`;
  layOut((letter, i) => (letter === 's' ? { top: i * 400, height: 400 } : { top: i * 400, height: 400, left: 300 }));
  const registry = new Map<string, Set<AbstractRange>>();
  const painted = () => [...registry].filter(([name]) => name !== FOCUS).reduce((n, [, h]) => n + h.size, 0);
  const scanner = new Scanner(compile([krieg]), new Painter(registry as unknown as HighlightRegistry), () => document.body, () => {}, () => {});

  scanner.scanAll();
  expect(scanner.count()).toBe(0); // the first slice ended in the sidebar
  let readWhileBusy = false;
  while (idle.length) {
    idle.shift()!({ timeRemaining: () => 8, didTimeout: false });
    if (!scanner.busy || scanner.count() === 0) continue;
    // m0 and m1 are in view (tops 0 and 400): painted as soon as read; the rest waits.
    readWhileBusy = true;
    expect(painted()).toBe(Math.min(scanner.count(), 2));
  }
  expect(readWhileBusy).toBe(true);
  expect(painted()).toBe(PARAGRAPHS);
});
