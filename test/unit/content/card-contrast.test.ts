// The hover card lives in a closed shadow root, out of axe's reach in the browser tests: its text
// colours are held to WCAG's 4.5:1 here, in both colour schemes.
import { describe, expect, it } from 'vitest';
import { CARD_PALETTE, CARD_TEXT_ON } from '../../../src/content/card';

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

it('computes contrast as WCAG does', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  expect(contrast('#ffffff', '#777777')).toBe(contrast('#777777', '#ffffff'));
});

describe.each(['light', 'dark'] as const)('the card in the %s scheme', (scheme) => {
  const palette = CARD_PALETTE[scheme];

  it.each(Object.entries(CARD_TEXT_ON))('%s text on %s: at least 4.5:1', (text, background) => {
    const fg = palette[text as keyof typeof palette];
    const bg = palette[background as keyof typeof palette];
    expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('every colour is either text with a background named for it, a background, or a border', () => {
    const roles = new Set<string>([...Object.keys(CARD_TEXT_ON), ...Object.values(CARD_TEXT_ON), 'border', 'accent']);
    expect(Object.keys(palette).filter((name) => !roles.has(name))).toEqual([]);
  });
});
