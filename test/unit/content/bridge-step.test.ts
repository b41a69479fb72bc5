// @vitest-environment happy-dom
// The content script's side of the keyboard shortcuts and the popup's clicks (src/content/bridge.ts):
// each answers whether it revealed a flag, so the background can go on to the next frame.
import { beforeAll, expect, it, vi } from 'vitest';
import type { Painted, Scanner } from '../../../src/content/scanner';
import type { Painter } from '../../../src/content/painter';
import { installHighlightStandIns } from '../support/highlight-api';

type Listener = (message: unknown, sender: { id: string; url: string }) => Promise<unknown> | undefined;
const runtime = vi.hoisted(() => ({
  listener: undefined as Listener | undefined,
  id: 'wortlupe-test',
  getURL: (path: string) => `chrome-extension://wortlupe-test${path}`,
  onMessage: { addListener: (l: Listener) => void (runtime.listener = l), removeListener: () => {} },
}));
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const fromPopup = { id: 'wortlupe-test', url: 'chrome-extension://wortlupe-test/src/popup/index.html' };
const focused: string[] = [];
let flags: Painted[] = [];

beforeAll(async () => {
  installHighlightStandIns();
  const { answerExtension } = await import('../../../src/content/bridge');
  document.body.innerHTML = '<p>erst a</p><p>dann b</p><p>zuletzt c</p>';
  flags = [...document.querySelectorAll('p')].map((p) => {
    const text = p.firstChild as Text;
    const range = new StaticRange({ startContainer: text, startOffset: text.length - 1, endContainer: text, endOffset: text.length });
    return { range, nodes: [text], paint: 'wortlupe-ul-s2', block: { key: p, text: text.data, nodes: [text], starts: [0], headline: false }, finding: { start: text.length - 1, end: text.length } } as unknown as Painted;
  });
  const scanner = { all: () => flags, language: () => 'de', signalsOf: () => [] } as unknown as Scanner;
  const painter = { setFocus: (range: AbstractRange) => focused.push((range.startContainer as Text).data.slice(range.startOffset, range.endOffset)) } as unknown as Painter;
  answerExtension(scanner, painter, () => {}, new AbortController().signal);
});

/** Sends a message as an extension page does; the flag it focused, if any, once the frame has drawn. */
async function send(message: object): Promise<{ answer: unknown; focused: string | undefined }> {
  const before = focused.length;
  const answer = await runtime.listener!(message, fromPopup);
  await new Promise((frame) => requestAnimationFrame(frame));
  return { answer, focused: focused.length > before ? focused.at(-1) : undefined };
}

it('steps to the next flag, passes over one whose text changed since it was read, and says when none is left', async () => {
  // "b"'s paragraph was edited: its range points past the end of its text until the next pass.
  (flags[1]!.range.startContainer as Text).data = 'b';
  expect(await send({ type: 'step', direction: 1, enter: true })).toEqual({ answer: { stepped: true }, focused: 'a' });
  expect(await send({ type: 'step', direction: 1 })).toEqual({ answer: { stepped: true }, focused: 'c' });
  expect(await send({ type: 'step', direction: 1 })).toEqual({ answer: { stepped: false }, focused: undefined });
  expect(await send({ type: 'step', direction: -1 })).toEqual({ answer: { stepped: true }, focused: 'a' });
  expect(await send({ type: 'step', direction: -1 })).toEqual({ answer: { stepped: false }, focused: undefined });
  expect(await send({ type: 'step', direction: -1, enter: true })).toEqual({ answer: { stepped: true }, focused: 'c' });
});

it("answers the popup's click with whether the flag was revealed, and the next step goes on from it", async () => {
  (flags[1]!.range.startContainer as Text).data = 'b'; // edited, as in the test above
  await runtime.listener!({ type: 'get-findings' }, fromPopup);
  expect(await send({ type: 'reveal', index: 2 })).toEqual({ answer: { stepped: true }, focused: 'c' });
  expect(await send({ type: 'reveal', index: 1 })).toEqual({ answer: { stepped: false }, focused: undefined });
  // The stale flag was not taken as revealed: the next step goes on from "c", the last one revealed.
  expect(await send({ type: 'step', direction: 1 })).toEqual({ answer: { stepped: false }, focused: undefined });
  expect(await send({ type: 'reveal', index: 0 })).toEqual({ answer: { stepped: true }, focused: 'a' });
  expect(await send({ type: 'step', direction: 1 })).toEqual({ answer: { stepped: true }, focused: 'c' });
});

it('answers nobody but the extension’s own pages', () => {
  expect(runtime.listener!({ type: 'step', direction: 1 }, { id: 'wortlupe-test', url: 'https://example.org/' })).toBeUndefined();
});
