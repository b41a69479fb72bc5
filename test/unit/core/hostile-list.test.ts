// Lists are written by strangers. Hostile text is kept exactly as written (it is only ever shown as
// text); addresses other than https, and oversized fields, are refused with the field named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core';
import { isWebUrl } from '../../../src/shared/ui/web-url';
import { forbiddenUrl, hostileHttpsUrl, hostileText } from '../../hostile/strings';

const base = {
  format: 'wortlupe-list/1',
  id: 'fuzz',
  title: 'Fuzz',
  language: 'de',
  version: '1',
  rules: [
    {
      id: 'r',
      term: 'Kanonenfutter',
      technique: 'dehumanisation',
      severity: 2,
      explanation: 'Why.',
      sources: [{ title: 'Source', url: 'https://example.org/' }],
    },
  ],
};
const rule = base.rules[0]!;
const RUNS = { numRuns: 400, seed: 7 };

describe('hostile lists', () => {
  it('keeps hostile text in every shown field exactly as written', () => {
    fc.assert(
      fc.property(hostileText(200), hostileText(2000), hostileText(1000), hostileText(200), hostileText(300), hostileHttpsUrl, (title, explanation, legitimate, alternative, sourceTitle, url) => {
        const list = { ...base, title, description: explanation, rules: [{ ...rule, term: title, match: ['fuzzwort'], explanation, legitimate, alternatives: [alternative], sources: [{ title: sourceTitle, url }] }] };
        const result = parseList(JSON.stringify(list), 'fuzz.json');
        if (!result.ok) throw new Error(result.errors.join('\n'));
        const loaded = result.list.rules[0]!;
        expect([result.list.title, loaded.term, loaded.explanation, loaded.legitimate, loaded.alternatives?.[0], loaded.sources[0]!.title]).toEqual(
          [title, title, explanation, legitimate, alternative, sourceTitle].map((s) => s.trim()),
        );
      }),
      RUNS,
    );
  });

  it('refuses every address that is not https, naming the field', () => {
    fc.assert(
      fc.property(forbiddenUrl, (url) => {
        expect(parseList(JSON.stringify({ ...base, rules: [{ ...rule, sources: [{ title: 'S', url }] }] }), 'fuzz.json')).toEqual({
          ok: false,
          errors: ['fuzz.json: rule "r" (rules[0]) › sources[0].url: must be an https:// address'],
        });
        expect(parseList(JSON.stringify({ ...base, homepage: url }), 'fuzz.json')).toEqual({
          ok: false,
          errors: ['fuzz.json: homepage: must be an https:// address'],
        });
      }),
      RUNS,
    );
  });

  it('makes only http(s) addresses clickable', () => {
    fc.assert(
      fc.property(forbiddenUrl, (url) => {
        expect(isWebUrl(url)).toBe(/^https?:\/\//.test(url));
      }),
      RUNS,
    );
    fc.assert(fc.property(hostileHttpsUrl, (url) => void expect(isWebUrl(url)).toBe(true)), RUNS);
  });

  it('refuses a 1 MB string in any field, naming it', () => {
    const huge = 'A'.repeat(1 << 20);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: huge }, 'fuzz.json: title: must be at most 200 characters'],
      [{ ...base, description: huge }, 'fuzz.json: description: must be at most 2000 characters'],
      [{ ...base, version: huge }, 'fuzz.json: version: must be at most 50 characters'],
      [{ ...base, rules: [{ ...rule, term: huge }] }, 'fuzz.json: rule "r" (rules[0]) › term: must be at most 200 characters'],
      [{ ...base, rules: [{ ...rule, explanation: huge }] }, 'fuzz.json: rule "r" (rules[0]) › explanation: must be at most 2000 characters'],
      [{ ...base, rules: [{ ...rule, legitimate: huge }] }, 'fuzz.json: rule "r" (rules[0]) › legitimate: must be at most 1000 characters'],
      [{ ...base, rules: [{ ...rule, match: [huge] }] }, 'fuzz.json: rule "r" (rules[0]) › match[0]: must be at most 200 characters'],
      [{ ...base, rules: [{ ...rule, sources: [{ title: huge, url: 'https://example.org/' }] }] }, 'fuzz.json: rule "r" (rules[0]) › sources[0].title: must be at most 300 characters'],
      [{ ...base, rules: [{ ...rule, sources: [{ title: 'S', url: `https://example.org/${huge}` }] }] }, 'fuzz.json: rule "r" (rules[0]) › sources[0].url: must be at most 2000 characters'],
    ];
    for (const [list, error] of cases) expect(parseList(JSON.stringify(list), 'fuzz.json')).toEqual({ ok: false, errors: [error] });
  });
});
