import { describe, expect, it } from 'vitest';
import { parseList, validateList } from '../../../src/core';

const valid = {
  format: 'wortlupe-list/1',
  id: 'de-test',
  title: 'Test',
  language: 'de',
  version: '1',
  rules: [
    {
      id: 'kanonenfutter',
      term: 'Kanonenfutter',
      technique: 'dehumanisation',
      severity: 2,
      explanation: 'Why.',
      sources: [{ title: 'Source', url: 'https://example.org/' }],
    },
  ],
};
const withRule = (over: Record<string, unknown>) => JSON.stringify({ ...valid, rules: [{ ...valid.rules[0], ...over }] });

describe('parseList', () => {
  it('accepts a valid list', () => {
    const result = parseList(JSON.stringify(valid), 'test.json');
    expect(result.ok).toBe(true);
  });

  it('names file, rule and field', () => {
    expect(parseList(withRule({ severity: 5 }), 'lists/my.json')).toEqual({
      ok: false,
      errors: ['lists/my.json: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3'],
    });
    expect(parseList(withRule({ sources: [{ title: 'x', url: 'javascript:alert(1)' }] }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[0]) › sources[0].url: must be an https:// address'],
    });
    expect(parseList(withRule({ technique: 'propaganda' }), 'my.json').ok).toBe(false);
    expect(parseList(withRule({ explanation: undefined }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[0]) › explanation: is missing'],
    });
  });

  it('tells a field of the wrong kind from a missing one, and says which kind it must be', () => {
    expect(parseList(withRule({ term: 5, examples: { flag: 'Kanonenfutter', ignore: [] } }), 'my.json')).toEqual({
      ok: false,
      errors: [
        'my.json: rule "kanonenfutter" (rules[0]) › term: must be text',
        'my.json: rule "kanonenfutter" (rules[0]) › examples.flag: must be a list [ … ]',
      ],
    });
    expect(parseList(withRule({ severity: null }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3'],
    });
    const list = JSON.parse(withRule({}));
    expect(validateList({ ...list, rules: {} }, 'my.json')).toEqual({ ok: false, errors: ['my.json: rules: must be a list [ … ]'] });
    expect(validateList({ ...list, title: null }, 'my.json')).toEqual({ ok: false, errors: ['my.json: title: must be text'] });
    for (const file of ['null', '[]', '"Kanonenfutter"', '42']) {
      expect(parseList(file, 'my.json')).toEqual({ ok: false, errors: ['my.json: list: must be an object { … }'] });
    }
  });

  it('reports malformed braces in forms', () => {
    expect(parseList(withRule({ match: ['Kanonen{futter'] }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[0]) › match: "{" without "}" in "Kanonen{futter"'],
    });
  });

  it('reports unknown fields, duplicate ids and bad JSON', () => {
    expect(parseList(withRule({ colour: 'red' }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[0]) › unknown field "colour"'],
    });
    const twice = JSON.stringify({ ...valid, rules: [valid.rules[0], valid.rules[0]] });
    expect(parseList(twice, 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: rule "kanonenfutter" (rules[1]) › id: "kanonenfutter" is used by an earlier rule'],
    });
    const twiceAndBroken = JSON.stringify({ ...valid, rules: [valid.rules[0], { ...valid.rules[0], severity: 5 }] });
    expect(parseList(twiceAndBroken, 'my.json')).toEqual({
      ok: false,
      errors: [
        'my.json: rule "kanonenfutter" (rules[1]) › severity: must be 1, 2 or 3',
        'my.json: rule "kanonenfutter" (rules[1]) › id: "kanonenfutter" is used by an earlier rule',
      ],
    });
    const bad = parseList('{ "format": ', 'my.json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/^my\.json: not valid JSON \(/);
    expect(parseList(JSON.stringify({ ...valid, format: 'other' }), 'my.json')).toEqual({
      ok: false,
      errors: ['my.json: format: must be "wortlupe-list/1"'],
    });
  });
});
