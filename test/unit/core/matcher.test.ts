import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, compile, compileTables, matcherFrom, type RuleList } from '../../../src/core';
import { patternsIgnoredIn } from '../../../src/core/matcher';
import { mayMatch } from '../../../src/core/normalize';

const base = { format: 'wortlupe-list/1', version: '1', title: 'Test' } as const;
const rule = (over: Record<string, unknown>) => ({
  technique: 'loaded-language',
  severity: 2,
  explanation: 'Why.',
  sources: [{ title: 'Source', url: 'https://example.org/' }],
  ...over,
});
const de = (rules: Record<string, unknown>[]): RuleList => ({ ...base, id: 'de-test', language: 'de', rules }) as RuleList;
const en = (rules: Record<string, unknown>[]): RuleList => ({ ...base, id: 'en-test', language: 'en', rules }) as RuleList;
const brief = (found: { ruleId: string; match: string; start: number; end: number }[]) =>
  found.map(({ ruleId, match, start, end }) => ({ ruleId, match, start, end }));

describe('matcher', () => {
  it('finds inflected forms with their exact offsets', () => {
    const m = compile([de([rule({ id: 'freiwillig', term: 'freiwillig', inflect: 'de-adjective' })])]);
    const text = 'Freiwillige, die freiwilligen Helfer, ein Freiwilliger und freiwillig.';
    expect(brief(m.find(text, { lang: 'de' }))).toEqual([
      { ruleId: 'freiwillig', match: 'Freiwillige', start: 0, end: 11 },
      { ruleId: 'freiwillig', match: 'freiwilligen', start: 17, end: 29 },
      { ruleId: 'freiwillig', match: 'Freiwilliger', start: 42, end: 54 },
      { ruleId: 'freiwillig', match: 'freiwillig', start: 59, end: 69 },
    ]);
  });

  it('respects word boundaries next to umlauts, ß and digits', () => {
    const m = compile([de([rule({ id: 'mass', term: 'Maß' }), rule({ id: 'bar', term: 'Bar' })])]);
    expect(brief(m.find('Bär, Bars, das Maß, Maßnahme, 2Bar, Bar!', { lang: 'de' }))).toEqual([
      { ruleId: 'mass', match: 'Maß', start: 15, end: 18 },
      { ruleId: 'bar', match: 'Bar', start: 36, end: 39 },
    ]);
  });

  it('never takes Fasching for Faschismus', () => {
    const m = compile([de([rule({ id: 'faschismus', term: 'Faschismus' })])]);
    expect(m.find('Fasching und Faschingsumzug', { lang: 'de' })).toEqual([]);
  });

  it('finds compounds only where the rule allows them, and reports the whole word', () => {
    const m = compile([
      de([
        rule({ id: 'kanonenfutter', term: 'Kanonenfutter', compound: 'modifier' }),
        rule({ id: 'futter', term: 'Futter' }),
      ]),
    ]);
    expect(brief(m.find('Kanonenfutter-Rhetorik, Kanonenfutterlogik, Hundefutter, Futter', { lang: 'de' }))).toEqual([
      { ruleId: 'kanonenfutter', match: 'Kanonenfutter-Rhetorik', start: 0, end: 22 },
      { ruleId: 'kanonenfutter', match: 'Kanonenfutterlogik', start: 24, end: 42 },
      { ruleId: 'futter', match: 'Futter', start: 57, end: 63 },
    ]);
  });

  it('matches across soft hyphens, zero-width characters and line breaks, pointing into the original', () => {
    const m = compile([de([rule({ id: 'kf', term: 'Kanonenfutter' }), rule({ id: 'kr', term: 'Kiewer Regime' })])]);
    const text = 'Kanonen\u00ADfut\u200Bter und das Kiewer\n \u00A0Regime';
    expect(brief(m.find(text, { lang: 'de' }))).toEqual([
      { ruleId: 'kf', match: 'Kanonen\u00ADfut\u200Bter', start: 0, end: 15 },
      { ruleId: 'kr', match: 'Kiewer\n \u00A0Regime', start: 24, end: 39 },
    ]);
  });

  it('drops matches covered by an exclusion', () => {
    const m = compile([
      de([rule({ id: 'freiwillig', term: 'freiwillig', inflect: 'de-adjective', exclude: ['Freiwillige{,n} Feuerwehr{,en}'] })]),
    ]);
    expect(brief(m.find('Die Freiwillige Feuerwehr und die Freiwilligen Feuerwehren ehren Freiwillige.', { lang: 'de' }))).toEqual([
      { ruleId: 'freiwillig', match: 'Freiwillige', start: 65, end: 76 },
    ]);
  });

  it('prefers the longest match, then the higher severity', () => {
    const m = compile([
      de([
        rule({ id: 'faschismus', term: 'Faschismus', severity: 1 }),
        rule({ id: 'ukr', term: 'ukrainischer Faschismus', match: ['ukrainische{,n,r} Faschismus'], severity: 3 }),
        rule({ id: 'dup-low', term: 'Regime', severity: 1 }),
        rule({ id: 'dup-high', term: 'Regime', severity: 3 }),
      ]),
    ]);
    expect(brief(m.find('gegen den ukrainischen Faschismus; das Regime', { lang: 'de' }))).toEqual([
      { ruleId: 'ukr', match: 'ukrainischen Faschismus', start: 10, end: 33 },
      { ruleId: 'dup-high', match: 'Regime', start: 39, end: 45 },
    ]);
  });

  it('applies a list only to text in its language', () => {
    const m = compile([de([rule({ id: 'regime', term: 'Regime' })]), en([rule({ id: 'regime-en', term: 'regime' })])]);
    const german = 'Das Regime hat die Wahl nicht anerkannt und wird auch nicht verhandeln.';
    const english = 'The regime has not recognised the vote and it will not negotiate with them.';
    expect(m.find(german).map((f) => f.listId)).toEqual(['de-test']);
    expect(m.find(english).map((f) => f.listId)).toEqual(['en-test']);
    expect(m.find('Regime', { lang: 'en' }).map((f) => f.listId)).toEqual(['en-test']);
    expect(m.find('Regime', { fallbackLang: 'de' }).map((f) => f.listId)).toEqual(['de-test']);
  });

  describe('in a declared language, the quick check passes over patterns no rule in it reports', () => {
    // The English "regime" comes first among that pattern's rules; "regime der feuerwehr" is only a
    // German exclusion.
    const tables = compileTables([
      en([rule({ id: 'zog', term: 'ZOG' }), rule({ id: 'regime-en', term: 'regime' })]),
      de([rule({ id: 'regime', term: 'Regime', exclude: ['Regime der Feuerwehr'] })]),
    ]);
    const { patternText, patternOffset, patternLength } = tables.patterns;
    const ignoredIn = (lang: string) => {
      const ignored = patternsIgnoredIn(tables, lang);
      return [...ignored.keys()].filter((p) => ignored[p] === 1).map((p) => patternText.slice(patternOffset[p], patternOffset[p]! + patternLength[p]!));
    };

    it('knows which patterns each language reports', () => {
      expect(ignoredIn('de')).toEqual(['zog', 'regime der feuerwehr']);
      expect(ignoredIn('en')).toEqual(['regime der feuerwehr']);
      // No enabled list in French: every pattern (and find() reads nothing at all).
      expect(ignoredIn('fr')).toEqual(['zog', 'regime', 'regime der feuerwehr']);
    });

    it('says no to a German block whose only pattern is an English rule\'s', () => {
      const text = 'Die Truppen zogen ab, und er zog sich zurück.';
      expect(mayMatch(text, tables.patterns)).toBe(true);
      expect(mayMatch(text, tables.patterns, patternsIgnoredIn(tables, 'de'))).toBe(false);
    });

    it('finds the same as before in every language', () => {
      const m = matcherFrom(tables);
      const text = 'Er zog über das Regime her, nicht über das Regime der Feuerwehr.';
      expect(brief(m.find(text, { lang: 'de' }))).toEqual([{ ruleId: 'regime', match: 'Regime', start: 16, end: 22 }]);
      expect(brief(m.find(text, { lang: 'en' }))).toEqual([
        { ruleId: 'zog', match: 'zog', start: 3, end: 6 },
        { ruleId: 'regime-en', match: 'Regime', start: 16, end: 22 },
        { ruleId: 'regime-en', match: 'Regime', start: 43, end: 49 },
      ]);
      expect(m.find(text, { lang: 'fr' })).toEqual([]);
    });
  });

  describe('a rule with context words (near) counts only in a sentence that has one', () => {
    const freiwillig = rule({ id: 'freiwillig', term: 'freiwillig', inflect: 'de-adjective', near: ['Soldat-', 'Front', 'Krieg', 'Nord{korea,koreas}'] });

    it('as a whole word, or with a final hyphen as the start of one, in the same sentence', () => {
      const m = compile([de([freiwillig])]);
      const text =
        'Nordkorea schickt Freiwillige. Freiwillige Helferinnen kochen Suppe. Die Freiwilligen wurden konfrontiert. ' +
        'Freiwillige Soldaten rücken vor. Freiwillige kriegen frontal Ärger.';
      expect(brief(m.find(text, { lang: 'de' }))).toEqual([
        { ruleId: 'freiwillig', match: 'Freiwillige', start: 18, end: 29 },
        { ruleId: 'freiwillig', match: 'Freiwillige', start: 107, end: 118 },
      ]);
      // Which word let it count, as written to the end of its word, and said as a signal.
      expect(m.find(text, { lang: 'de' }).map((f) => [f.near, f.signals])).toEqual([
        [{ kind: 'near', word: 'Nordkorea' }, [{ kind: 'near', word: 'Nordkorea' }]],
        [{ kind: 'near', word: 'Soldaten' }, [{ kind: 'near', word: 'Soldaten' }]],
      ]);
    });

    it('with a final hyphen (any dash), at the start of a word only', () => {
      const m = compile([de([rule({ id: 'freiwillig', term: 'freiwillig', inflect: 'de-adjective', near: ['Kriegs\u2010', 'Soldat-'] })])]);
      const near = (text: string) => m.find(text, { lang: 'de' }).map((f) => f.near?.word);
      expect(near('Freiwillige bis Kriegsende.')).toEqual(['Kriegsende']);
      expect(near('Freiwillige in der Vorkriegszeit, Freiwillige und Kindersoldaten.')).toEqual([]);
    });

    it('the nearest of several, by the gap between the words', () => {
      const m = compile([de([rule({ id: 'freiwillig', term: 'freiwillig', compound: 'modifier', near: ['Russland', 'Donezk'] })])]);
      // Start to start, Russland (20 before) would beat Donezk (24 after the compound's start); the gaps are 12 and 4.
      expect(m.find('Russland: wie viele Freiwilligenverbände in Donezk?', { lang: 'de' }).map((f) => f.near)).toEqual([{ kind: 'near', word: 'Donezk' }]);
      // The gap runs to the end of the word a final hyphen's context word is in: Kriegsberichterstatter is 2 away, Armee 12.
      const hyphen = compile([de([rule({ id: 'freiwillig', term: 'freiwillig', inflect: 'de-adjective', near: ['Kriegs-', 'Armee'] })])]);
      expect(hyphen.find('Kriegsberichterstatter: Freiwillige, sagt die Armee.', { lang: 'de' }).map((f) => f.near)).toEqual([
        { kind: 'near', word: 'Kriegsberichterstatter' },
      ]);
    });

    it('inside the flagged word itself, where it need not start a word, and says so', () => {
      const m = compile([de([rule({ id: 'freiwillig', term: 'freiwillig', compound: 'modifier', near: ['Bataillon'] })])]);
      expect(m.find('Das Freiwilligenbataillonskommando zog ab, ein Freiwilligendienst nicht.', { lang: 'de' }).map(({ match, near }) => ({ match, near }))).toEqual([
        // The context word alone, not the rest of the flagged word.
        { match: 'Freiwilligenbataillonskommando', near: { kind: 'near', word: 'bataillon', inWord: true } },
      ]);
    });

    it('shows at most 100 characters of a context word (the popup takes words of up to 200)', () => {
      const m = compile([de([freiwillig])]);
      const [found] = m.find(`Freiwillige aus Nordkorea-${'Grenz'.repeat(40)}.`, { lang: 'de' });
      expect(found!.near).toEqual({ kind: 'near', word: `Nordkorea-${'Grenz'.repeat(40)}`.slice(0, 99) + '…' });
    });

    it('within 300 characters of the term, where a long sentence is cut', () => {
      const m = compile([de([freiwillig])]);
      const filler = (n: number) => ' und'.repeat(n);
      expect(m.find(`Freiwillige${filler(70)} Front`, { lang: 'de' }).map((f) => f.near)).toEqual([{ kind: 'near', word: 'Front' }]);
      expect(m.find(`Freiwillige${filler(80)} Front`, { lang: 'de' })).toEqual([]);
    });

    it('not in the next paragraph, and without a declared language too', () => {
      const m = compile([de([freiwillig])]);
      expect(m.find(`Die Freiwilligen sind da${BLOCK_BREAK}an der Front.`, { lang: 'de' })).toEqual([]);
      expect(brief(m.find('Die Front meldet Freiwillige.', { fallbackLang: 'de' }))).toEqual([
        { ruleId: 'freiwillig', match: 'Freiwillige', start: 17, end: 28 },
      ]);
    });

    it("not another rule's context word", () => {
      const m = compile([de([freiwillig, rule({ id: 'helfer', term: 'Helfer', near: ['Suppe'] })])]);
      expect(brief(m.find('Freiwillige Helfer kochen Suppe.', { lang: 'de' }))).toEqual([{ ruleId: 'helfer', match: 'Helfer', start: 12, end: 18 }]);
    });

    it('a block with context words alone does not pass the quick check, with or without a language', () => {
      const tables = compileTables([de([freiwillig])]);
      const text = 'Soldaten an der Front in Nordkorea.';
      expect(mayMatch(text, tables.patterns)).toBe(true);
      expect(mayMatch(text, tables.patterns, patternsIgnoredIn(tables, 'de'))).toBe(false);
      expect(mayMatch(text, tables.patterns, patternsIgnoredIn(tables, undefined))).toBe(false);
    });
  });

  it('can require the written case, allowing a capital at the start of a sentence', () => {
    const m = compile([en([rule({ id: 'smo', term: 'SMO', case: 'exact' }), rule({ id: 'junta', term: 'junta', case: 'exact' })])]);
    expect(brief(m.find('The smo and the SMO. Junta rules; the Junta; a junta.', { lang: 'en' }))).toEqual([
      { ruleId: 'smo', match: 'SMO', start: 16, end: 19 },
      { ruleId: 'junta', match: 'Junta', start: 21, end: 26 },
      { ruleId: 'junta', match: 'junta', start: 47, end: 52 },
    ]);
  });

  describe('exact-case rules fold the same spellings as the others, keeping case', () => {
    const m = compile([
      de([rule({ id: 'grosser-austausch', term: 'Großer Austausch', match: ['Großen Austausch'], case: 'exact' })]),
      en([
        rule({ id: 'new-world-order', term: 'New World Order', match: ['one{-, }world government'], case: 'exact' }),
        rule({ id: 'putins-war', term: "Putin's war", case: 'exact' }),
      ]),
    ]);
    it('ß and ss (Swiss spelling)', () => {
      expect(brief(m.find('Vom Grossen Austausch, vom Großen Austausch, vom GROSSEN AUSTAUSCH und grossen Austausch.', { lang: 'de' }))).toEqual([
        { ruleId: 'grosser-austausch', match: 'Grossen Austausch', start: 4, end: 21 },
        { ruleId: 'grosser-austausch', match: 'Großen Austausch', start: 27, end: 43 },
      ]);
    });
    it('dash variants', () => {
      expect(brief(m.find('A one\u2011world government, a one\u2013world government, a One\u2011World government.', { lang: 'en' }))).toEqual([
        { ruleId: 'new-world-order', match: 'one\u2011world government', start: 2, end: 22 },
        { ruleId: 'new-world-order', match: 'one\u2013world government', start: 26, end: 46 },
      ]);
    });
    it('quote variants', () => {
      expect(brief(m.find('It is Putin’s war, Putin‘s war, not putin’s war.', { lang: 'en' }))).toEqual([
        { ruleId: 'putins-war', match: 'Putin’s war', start: 6, end: 17 },
        { ruleId: 'putins-war', match: 'Putin‘s war', start: 19, end: 30 },
      ]);
    });
  });

  it('reports context signals', () => {
    const m = compile([de([rule({ id: 'kf', term: 'Kanonenfutter' }), rule({ id: 'so', term: 'Spezialoperation' })])]);
    const [quoted] = m.find('Moore nannte die Rekruten „Kanonenfutter“.', { lang: 'de' });
    expect(quoted!.signals).toEqual([
      { kind: 'quoted', style: 'term', open: '„', close: '“' },
      { kind: 'reported', cue: 'nannte', speaker: 'Moore' },
    ]);
    const [distanced] = m.find('Die sogenannte Spezialoperation dauert an.', { lang: 'de' });
    expect(distanced!.signals).toEqual([{ kind: 'distanced', word: 'sogenannte' }]);
    const [headline] = m.find('Spezialoperation', { lang: 'de', headline: true });
    expect(headline!.signals).toEqual([{ kind: 'headline' }]);
    const [own] = m.find('Die Spezialoperation dauert an.', { lang: 'de' });
    expect(own!.signals).toEqual([]);
  });
});
