// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { liveRange } from '../../../src/content/ranges';

it('measures a painted range, and skips one the page has since shortened', () => {
  document.body.innerHTML = '<p>Ticker: Kanonenfutter 1</p>';
  const text = document.querySelector('p')!.firstChild as Text;
  // What the painter keeps: a StaticRange (happy-dom has none; the fields are what matter).
  const painted = { startContainer: text, startOffset: 8, endContainer: text, endOffset: 21, collapsed: false } as AbstractRange;
  expect(liveRange(painted)?.toString()).toBe('Kanonenfutter');
  text.data = 'Ticker: nichts 2';
  expect(liveRange(painted)).toBeNull();
});
