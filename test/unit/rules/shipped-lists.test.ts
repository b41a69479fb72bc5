// Every shipped list is valid, canonical, and its rules' examples hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, completenessProblems, duplicateForms, parseList, type RuleList } from '../../../src/core';

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

  it('gives every rule a full explanation and examples both ways', () => {
    expect(result.ok ? completenessProblems(result.list, file) : ['(invalid)']).toEqual([]);
  });
});

it('ships a German and an English list', () => {
  const languages = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).language);
  expect(new Set(languages)).toEqual(new Set(['de', 'en']));
});

it('claims no term twice within a language', () => {
  const lists = files.map((f) => parseList(readFileSync(join(dir, f), 'utf8'), f)).flatMap((r) => (r.ok ? [r.list] : [])) as RuleList[];
  expect(duplicateForms(lists)).toEqual([]);
});

it('ships at least 150 rules per language', () => {
  const counts: Record<string, number> = {};
  for (const f of files) {
    const list = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    counts[list.language] = (counts[list.language] ?? 0) + list.rules.length;
  }
  expect(counts.de).toBeGreaterThanOrEqual(150);
  expect(counts.en).toBeGreaterThanOrEqual(150);
});
