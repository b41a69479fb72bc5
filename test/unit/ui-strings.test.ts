// The checker behind i18n.test.ts's "writes nothing a reader sees into the code", held to two
// fixtures: one with every way of hard-coding a visible string it must find (each such line marked
// "// ← found"), one with literals a reader never sees, which it must let pass.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from 'typescript/unstable/ast';
import { beforeAll, expect, it } from 'vitest';
import { hardCodedStrings, parse, ROOT } from './support/ui-strings';

const FIXTURES = join(ROOT, 'test/fixtures/ui-strings');
const HARD_CODED = join(FIXTURES, 'hard-coded.tsx');
const CLEAN = join(FIXTURES, 'clean.tsx');

let sources: Map<string, SourceFile>;
beforeAll(() => {
  sources = parse([HARD_CODED, CLEAN]);
}, 60_000);

/** "file:line" of each line of `file` marked "// ← found" or "{/* ← found *\/}". */
function marked(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (/(\/\/ ← found|\{\/\* ← found \*\/\})$/.test(line) ? [`${relative(ROOT, file)}:${i + 1}`] : []));
}

const lines = (found: string[]) => [...new Set(found.map((entry) => entry.replace(/^([^:]+:\d+):.*$/, '$1')))];

it('finds a visible string however it is written in, and only on the lines marked', () => {
  const want = marked(HARD_CODED);
  expect(want.length).toBeGreaterThan(20);
  expect(lines(hardCodedStrings(HARD_CODED, sources.get(HARD_CODED)!))).toEqual(want);
});

it('reports each string once, with its text', () => {
  const found = hardCodedStrings(HARD_CODED, sources.get(HARD_CODED)!);
  expect(found).toHaveLength(new Set(found).size);
  expect(found).toContain('test/fixtures/ui-strings/hard-coded.tsx:6: \'Close\'');
  expect(found).toContain("test/fixtures/ui-strings/hard-coded.tsx:56: 'Through two helpers'");
});

it('lets class names, ids, CSS, event names, message types, keys and t() pass', () => {
  expect(hardCodedStrings(CLEAN, sources.get(CLEAN)!)).toEqual([]);
});
