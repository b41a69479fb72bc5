import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTables, deserializeTables, matcherFrom, parseList, serializeTables, type RuleList } from '../../../src/core';

const dir = join(import.meta.dirname, '../../../rules');
const lists = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => (parseList(readFileSync(join(dir, f), 'utf8'), f) as { list: RuleList }).list);
const TEXT =
  'Laut Kreml-Sprecher Peskow verläuft die militärische Spezialoperation nach Plan; die Rekruten seien „Kanonenfutter“. ' +
  'Die Straße und das Maß: Entnazifizierung, ÄRGER, e\u0301cole, Kanonen\u00ADfutter. ' +
  // A rule with context words (de-krieg/freiwillig): flagged only in the first sentence.
  'Nordkorea schickt Freiwillige. Freiwillige kochten Suppe.';

describe('a serialised matcher', () => {
  const tables = compileTables(lists);
  const stored = JSON.parse(JSON.stringify(serializeTables(tables)));

  it('survives JSON (as in extension storage) and finds exactly what the original finds', () => {
    const original = matcherFrom(tables);
    const restored = matcherFrom(deserializeTables(stored));
    expect(restored.find(TEXT)).toEqual(original.find(TEXT));
    expect(restored.find(TEXT).length).toBeGreaterThan(2);
    expect(restored.find(TEXT).filter((f) => f.ruleId === 'freiwillig').map(({ match, near }) => ({ match, near }))).toEqual([
      { match: 'Freiwillige', near: { kind: 'near', word: 'Nordkorea' } },
    ]);
  });

  it('gives back every rule exactly, column by column, exact-case forms included', () => {
    const restored = deserializeTables(stored).rules;
    expect(restored).toEqual(tables.rules);
    expect(restored.filter((r) => r.exactForms).length).toBeGreaterThan(0);
  });

  it('is refused when a rule column names something that does not exist', () => {
    const severity = Buffer.from(stored.arrays.ruleSeverity, 'base64');
    severity[0] = 7;
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, ruleSeverity: severity.toString('base64') } })).toThrow(
      'stored matcher: rule columns',
    );
    expect(() => deserializeTables({ ...stored, terms: stored.terms.slice(1) })).toThrow('stored matcher: rule columns');
    expect(() => deserializeTables({ ...stored, exactForms: { ...stored.exactForms, [stored.ruleIds.length]: ['x'] } })).toThrow(
      'stored matcher: rule columns',
    );
  });

  it('is refused, with a reason, when damaged', () => {
    expect(() => deserializeTables({ ...stored, format: 'other' })).toThrow('stored matcher: format: Invalid input: expected "wortlupe-matcher/5"');
    expect(() => deserializeTables({ ...stored, shift: 1.5 })).toThrow('stored matcher: shift: Invalid input: expected int, received number');
    // The rules' ids and terms are checked as whole arrays (see shortStrings in serialize.ts).
    expect(() => deserializeTables({ ...stored, ruleIds: [...stored.ruleIds.slice(1), 'x'.repeat(65)] })).toThrow(
      'stored matcher: ruleIds: expected an array of strings of at most 64 characters',
    );
    expect(() => deserializeTables({ ...stored, terms: [...stored.terms.slice(1), 7] })).toThrow(
      'stored matcher: terms: expected an array of strings of at most 200 characters',
    );
    // A sparse array (a damaged structured clone) has holes where strings should be.
    expect(() => deserializeTables({ ...stored, terms: new Array(stored.terms.length) })).toThrow(
      'stored matcher: terms: expected an array of strings of at most 200 characters',
    );
    expect(() => deserializeTables({ ...stored, terms: 'Kanonenfutter' })).toThrow(
      'stored matcher: terms: expected an array of strings of at most 200 characters',
    );
    const failBytes = Buffer.from(stored.arrays.fail, 'base64');
    failBytes.writeInt32LE(5, 4 * 3); // state 3 fails forward to state 5: a loop waiting to happen
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, fail: failBytes.toString('base64') } })).toThrow(
      'stored matcher: failure links',
    );
    const classes = Buffer.from(stored.arrays.edgeClass, 'base64');
    classes.writeUInt16LE(60_000, 0);
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, edgeClass: classes.toString('base64') } })).toThrow(
      'stored matcher: edges out of order',
    );
    const lengths = Buffer.from(stored.arrays.headLength, 'base64');
    lengths.writeInt32LE(lengths.readInt32LE(0) + 3, 0);
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, headLength: lengths.toString('base64') } })).toThrow(
      'stored matcher: pattern lengths',
    );
    // A pattern under two heads (and so none under another).
    const placed = Buffer.from(stored.arrays.headPattern, 'base64');
    placed.writeInt32LE(placed.readInt32LE(4), 0);
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, headPattern: placed.toString('base64') } })).toThrow(
      'stored matcher: pattern heads',
    );
    // A pattern shorter than its head: its confirmation would start behind its own end.
    const short = Buffer.from(stored.arrays.patternLength, 'base64');
    const head = Buffer.from(stored.arrays.headPattern, 'base64').readInt32LE(0);
    short.writeInt32LE(1, head * 4);
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, patternLength: short.toString('base64') } })).toThrow(
      'stored matcher: pattern heads',
    );
    expect(() => deserializeTables({ ...stored, patternText: stored.patternText.slice(1) })).toThrow('stored matcher: pattern text');
    // Entries are forms (0), exclusions (1) or context words (2 whole, 3 a word's start) of a rule.
    const kinds = Buffer.from(stored.arrays.entryKind, 'base64');
    expect([2, 3].map((kind) => kinds.includes(kind))).toEqual([true, true]);
    kinds[kinds.indexOf(3)] = 4;
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, entryKind: kinds.toString('base64') } })).toThrow(
      'stored matcher: entries out of range',
    );
    expect(() => deserializeTables({ ...stored, arrays: { ...stored.arrays, childCount: 'AAA' } })).toThrow('stored matcher');
  });
});
