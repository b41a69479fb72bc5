import { describe, expect, it } from 'vitest';
import { compile, expandBraces, surfaceForms, type RuleList } from '../../../src/core';

describe('forms', () => {
  it('expands braces into a finite list, and rejects malformed ones', () => {
    expect(expandBraces('militärische{,n} Spezialoperation{,en}')).toEqual([
      'militärische Spezialoperation',
      'militärische Spezialoperationen',
      'militärischen Spezialoperation',
      'militärischen Spezialoperationen',
    ]);
    expect(expandBraces('a{b')).toBe('"{" without "}" in "a{b"');
    expect(expandBraces('a}b')).toBe('"}" without "{" in "a}b"');
    expect(expandBraces('a{b{c}}')).toBe('nested "{" in "a{b{c}}"');
    expect(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}')).toBe(
      '"{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}" expands to more than 256 forms',
    );
  });

  it.each([
    ['freiwillig', 'de-adjective', ['freiwillig', 'freiwillige', 'freiwilligen', 'freiwilliger', 'freiwilliges', 'freiwilligem']],
    ['Freiwillige', 'de-adjective', ['Freiwillige', 'Freiwilligen', 'Freiwilliger', 'Freiwilliges', 'Freiwilligem']],
    ['Faschist', 'de-noun-weak', ['Faschist', 'Faschisten']],
    ['Lügenpresse', 'de-noun-weak', ['Lügenpresse', 'Lügenpressen']],
    ['Kanonenfutter', 'de-noun-strong', ['Kanonenfutter', 'Kanonenfutters', 'Kanonenfuttern']],
    ['Regime', 'de-noun-strong', ['Regime', 'Regimes']],
    ['Krieg', 'de-noun-strong', ['Krieg', 'Kriegs', 'Krieges', 'Kriege', 'Kriegen']],
    ['Kiewer Regime', 'de-noun-strong', ['Kiewer Regime', 'Kiewer Regimes']],
    ['regime', 'en-noun', ['regime', 'regimes']],
    ['proxy', 'en-noun', ['proxy', 'proxies']],
    ['crash', 'en-noun', ['crash', 'crashes']],
    ['denazify', 'en-verb', ['denazify', 'denazifies', 'denazified', 'denazifying']],
    ['liberate', 'en-verb', ['liberate', 'liberates', 'liberated', 'liberating']],
    ['purge', 'none', ['purge']],
  ] as const)('inflects %s as %s', (term, inflect, forms) => {
    expect(surfaceForms({ term, inflect })).toEqual(forms);
  });
});

describe('compound positions', () => {
  const list = (compound: string): RuleList =>
    ({
      format: 'wortlupe-list/1',
      id: 'c',
      title: 'C',
      language: 'de',
      version: '1',
      rules: [{ id: 'kf', term: 'Kanonenfutter', compound, technique: 'dehumanisation', severity: 2, explanation: 'x', sources: [{ title: 's', url: 'https://example.org/' }] }],
    }) as RuleList;
  const text = 'Kanonenfutter, Kanonenfutterlogik, Volkskanonenfutter, Volkskanonenfutterlogik, Putin-Kanonenfutter.';
  it.each([
    ['none', ['Kanonenfutter', 'Kanonenfutter']],
    ['head', ['Kanonenfutter', 'Volkskanonenfutter', 'Putin-Kanonenfutter']],
    ['modifier', ['Kanonenfutter', 'Kanonenfutterlogik', 'Kanonenfutter']],
    ['any', ['Kanonenfutter', 'Kanonenfutterlogik', 'Volkskanonenfutter', 'Volkskanonenfutterlogik', 'Putin-Kanonenfutter']],
  ])('%s', (compound, matches) => {
    expect(compile([list(compound)]).find(text, { lang: 'de' }).map((f) => f.match)).toEqual(matches);
  });
});
