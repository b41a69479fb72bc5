// @vitest-environment happy-dom
// The language a block declares, as the scanner takes it (src/content/scanner.ts with
// DeclaredLanguages): asked once per parent within a pass, and asked again in every pass, since the
// page may change its `lang` attributes in between.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { compile, parseList, type RuleList } from '../../../src/core';
import { Painter } from '../../../src/content/painter';
import { Scanner } from '../../../src/content/scanner';
import { installHighlightStandIns } from '../support/highlight-api';

beforeAll(() => {
  installHighlightStandIns();
  const g = globalThis as Record<string, unknown>;
  g.requestIdleCallback = () => 0;
  g.cancelIdleCallback = () => {};
});

const krieg = (parseList(readFileSync(join(import.meta.dirname, '../../../rules/de-krieg.json'), 'utf8'), 'de-krieg.json') as { list: RuleList }).list;

it('reads a block in the language its parent declares now, not in the one it declared at the last pass', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<article><p id="a">Die Rekruten sind Kanonenfutter.</p><p id="b">Wieder Kanonenfutter.</p></article><p id="c" lang="en">Kanonenfutter, quoted.</p>';
  const scanner = new Scanner(compile([krieg]), new Painter(new Map() as unknown as HighlightRegistry), () => document.body, () => {}, () => {});
  scanner.scanAll();
  // The German list only: the English paragraph is not matched against it.
  expect(scanner.all().map((p) => (p.block.key as Element).id)).toEqual(['a', 'b']);

  // The page declares the article English and changes its second paragraph: read again, in English.
  document.querySelector('article')!.setAttribute('lang', 'en');
  const b = document.getElementById('b')!;
  b.firstChild!.nodeValue = 'Schon wieder Kanonenfutter.';
  scanner.rescan([b], []);
  expect(scanner.all().map((p) => (p.block.key as Element).id)).toEqual(['a']);

  // And back: the next pass asks again.
  document.querySelector('article')!.setAttribute('lang', 'de');
  scanner.rescan([b], []);
  expect(scanner.all().map((p) => (p.block.key as Element).id)).toEqual(['a', 'b']);
});
