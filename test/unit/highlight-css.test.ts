import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { highlightCss, highlightName } from '../../src/content/highlight-style';

it('the shipped stylesheet is the generated one (npx tsx src/dev/highlight-css.ts)', () => {
  expect(readFileSync(join(import.meta.dirname, '../../src/content/highlights.css'), 'utf8')).toBe(highlightCss());
});

it('names a highlight for every look, severity and list colour, all styled', () => {
  const css = highlightCss();
  const settings = { disabledSites: [], listColours: { 'de-krieg': 5 } };
  const names = [
    highlightName({ ...settings, style: { colourBy: 'severity', look: 'underline' } }, 3, 'de-krieg'),
    highlightName({ ...settings, style: { colourBy: 'list', look: 'background' } }, 1, 'de-krieg'),
  ];
  expect(names).toEqual(['wortlupe-ul-s3', 'wortlupe-bg-s1-c5']);
  for (const name of names) expect(css).toContain(`::highlight(${name}) {`);
  expect(css).toContain('::highlight(wortlupe-ul-s3) { background-color: rgb(190 20 40 / 0.14); text-decoration: underline double 2px');
});
