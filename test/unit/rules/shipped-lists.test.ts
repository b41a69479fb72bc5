// Every shipped list is valid, canonical, and its rules' examples hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, parseList } from '../../../src/core';

const dir = join(import.meta.dirname, '../../../rules');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('rules/%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const result = parseList(text, file);

  it('is a valid wortlupe-list/1', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is named after its id', () => {
    expect(result.ok && `${result.list.id}.json`).toBe(file);
  });

  it('is in canonical form (2-space JSON, trailing newline)', () => {
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it("flags every rule's examples.flag and none of its examples.ignore", () => {
    expect(result.ok && checkExamples(result.list, file)).toEqual([]);
  });

  it('gives every rule an explanation, a source and examples both ways', () => {
    const missing = result.ok
      ? result.list.rules.filter((r) => !r.examples?.flag.length || !r.examples.ignore.length).map((r) => r.id)
      : ['(invalid)'];
    expect(missing).toEqual([]);
  });
});

it('ships a German and an English list', () => {
  const languages = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).language);
  expect(new Set(languages)).toEqual(new Set(['de', 'en']));
});
