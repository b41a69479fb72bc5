import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName, STYLESHEETS } from '../../src/content/highlight-style';
import { manifestFor } from '../../vite.config';

it.each(Object.entries(STYLESHEETS))('the %s stylesheet is the generated one (npx tsx src/dev/highlight-css.ts), and its build injects it', (target, { path, scope }) => {
  expect(readFileSync(join(import.meta.dirname, '../..', path), 'utf8')).toBe(highlightCss(scope));
  const manifest = manifestFor(target as keyof typeof STYLESHEETS) as { content_scripts: { css: string[] }[] };
  expect(manifest.content_scripts.map((c) => c.css)).toEqual([undefined, [path]]);
});

it('puts the rules on the root element for Chromium (which inherits highlight styles) and on every element for Firefox', () => {
  const rules = (css: string) => css.split('\n').filter((line) => line.includes('::highlight('));
  const chrome = rules(highlightCss(STYLESHEETS.chrome.scope));
  const firefox = rules(highlightCss(STYLESHEETS.firefox.scope));
  expect(chrome).toHaveLength(55);
  expect(chrome.every((line) => line.startsWith(':root::highlight('))).toBe(true);
  expect(firefox.every((line) => line.startsWith('::highlight('))).toBe(true);
  expect(chrome.map((line) => line.slice(':root'.length))).toEqual(firefox);
});

it('names a highlight for every look, severity and list colour, all styled', () => {
  const css = highlightCss('every-element');
  const settings = { disabledSites: [], listColours: { 'de-krieg': 5 } };
  const names = [
    highlightName({ ...settings, style: { colourBy: 'severity', look: 'underline' } }, 3, 'de-krieg'),
    highlightName({ ...settings, style: { colourBy: 'list', look: 'background' } }, 1, 'de-krieg'),
  ];
  expect(names).toEqual(['wortlupe-ul-s3', 'wortlupe-bg-s1-c5']);
  for (const name of names) expect(css).toContain(`::highlight(${name}) {`);
  expect(css).toContain('::highlight(wortlupe-ul-s3) { background-color: rgb(190 20 40 / 0.14); text-decoration: underline double 2px');
});

describe('severity never rests on colour alone', () => {
  const css = highlightCss('every-element');
  /** The declarations of `::highlight(name)`, with every colour taken out. */
  const withoutColour = (name: string) => {
    const body = new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`).exec(css)?.[1];
    if (body === undefined) throw new Error(`no rule for ${name}`);
    return body.replace(/rgba?\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  };
  const modes = (['underline', 'background'] as const).flatMap((look) =>
    (['severity', 'list'] as const).flatMap((colourBy) =>
      (colourBy === 'list' ? [0, 1, 2, 3, 4, 5, 6, 7] : [0]).map((colour) => ({ look, colourBy, colour })),
    ),
  );

  it.each(modes)('$look, coloured by $colourBy (list colour $colour): the three severities differ in line style', ({ look, colourBy, colour }) => {
    const settings = { disabledSites: [], listColours: { mine: colour }, style: { colourBy, look } };
    const rules = ([1, 2, 3] as const).map((severity) => withoutColour(highlightName(settings, severity, 'mine')));
    expect(new Set(rules).size).toBe(3);
    const lines = rules.map((r) => /text-decoration: underline (\w+) (\d+)px/.exec(r));
    expect(lines.map((m) => m?.[1])).toEqual(['dotted', 'solid', 'double']);
    // Thick enough that dotted, solid and double can be told apart at reading size.
    for (const m of lines) expect(Number(m![2])).toBeGreaterThanOrEqual(2);
  });
});
