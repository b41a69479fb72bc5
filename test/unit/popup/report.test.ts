import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleList } from '../../../src/core';
import { indexRules } from '../../../src/shared/describe';
import { translatorFrom, type Catalogue } from '../../../src/shared/translator';
import { groupFindings } from '../../../src/popup/group';
import type { FrameFinding } from '../../../src/popup/load-findings';
import { buildReport, markdownText, reportMarkdown, sortGroups, summaryLine, techniqueCounts } from '../../../src/popup/report';

const catalogue = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8')) as Catalogue;
const t = translatorFrom(catalogue('en'));

const source = { title: 'A [source] (2024)', url: 'https://example.org/a_(b)' };
const list: RuleList = {
  format: 'wortlupe-list/1',
  id: 'de-test',
  title: 'Test list',
  language: 'de',
  version: '1',
  rules: [
    { id: 'freiwillig', term: 'freiwillig', technique: 'euphemism', severity: 2, explanation: 'Said of recruits *who* had no choice.', sources: [source] },
    { id: 'kanonenfutter', term: 'Kanonenfutter', technique: 'dehumanisation', severity: 3, explanation: 'Soldiers as fodder.', sources: [source] },
    { id: 'regime', term: 'Kiewer Regime', technique: 'name-calling', severity: 1, explanation: 'Denies legitimacy.', sources: [source] },
  ],
};
const finding = (index: number, ruleId: string, before: string, match: string, after: string, signals: FrameFinding['signals'] = []): FrameFinding => ({
  index,
  frameId: 0,
  listId: 'de-test',
  ruleId,
  before,
  match,
  after,
  signals,
});
const findings = [
  finding(0, 'regime', 'Das ', 'Kiewer Regime', ' sagt nichts.'),
  finding(1, 'freiwillig', 'Es kamen ', 'Freiwillige', '.', [{ kind: 'quoted', style: 'term', open: '„', close: '“' }]),
  finding(2, 'kanonenfutter', 'Die ', 'Kanonenfutter', '-Rhetorik <b>wirkt</b>.'),
  finding(3, 'freiwillig', '', 'Freiwillige', ' aus dem Norden.', [{ kind: 'near', word: 'Norden' }]),
];
const groups = groupFindings(findings, indexRules([list]));

describe('page report', () => {
  it('sorts by order on the page, by count, and by severity', () => {
    expect(sortGroups(groups, 'page').map((g) => g.rule.id)).toEqual(['regime', 'freiwillig', 'kanonenfutter']);
    expect(sortGroups(groups, 'count').map((g) => g.rule.id)).toEqual(['freiwillig', 'regime', 'kanonenfutter']);
    expect(sortGroups(groups, 'severity').map((g) => g.rule.id)).toEqual(['kanonenfutter', 'freiwillig', 'regime']);
  });

  it('says one occurrence and one term in the singular, in both languages', () => {
    const de = translatorFrom(catalogue('de'));
    expect([summaryLine(1, 1, t), summaryLine(3, 1, t), summaryLine(3, 2, t)]).toEqual(['1 flag, 1 term', '3 flags, 1 term', '3 flags, 2 terms']);
    expect([summaryLine(1, 1, de), summaryLine(3, 1, de), summaryLine(3, 2, de)]).toEqual(['1 Markierung, 1 Begriff', '3 Markierungen, 1 Begriff', '3 Markierungen, 2 Begriffe']);
  });

  it('counts occurrences per technique, most first', () => {
    expect(techniqueCounts(groups)).toEqual([
      { technique: 'euphemism', count: 2 },
      { technique: 'name-calling', count: 1 },
      { technique: 'dehumanisation', count: 1 },
    ]);
  });

  it('exports JSON with the page, the date, and every finding with its sentence, rule, explanation and sources', () => {
    const report = buildReport({ url: 'http://127.0.0.1/a', title: 'Artikel' }, sortGroups(groups, 'page'), new Date('2026-11-25T20:00:00Z'), t);
    expect(report).toMatchObject({ format: 'wortlupe-report/1', url: 'http://127.0.0.1/a', title: 'Artikel', date: '2026-11-25T20:00:00.000Z', total: 4 });
    expect(report.techniques[0]).toEqual({ technique: 'euphemism', label: 'Euphemism', count: 2 });
    expect(report.rules[1]).toEqual({
      list: { id: 'de-test', title: 'Test list', version: '1' },
      rule: 'freiwillig',
      term: 'freiwillig',
      technique: 'euphemism',
      techniqueLabel: 'Euphemism',
      severity: 2,
      explanation: 'Said of recruits *who* had no choice.',
      sources: [source],
      occurrences: [
        { sentence: 'Es kamen Freiwillige.', match: 'Freiwillige', start: 9, signals: ['In quotation marks „…“ — a quotation or scare quotes: the text may be keeping its distance from the word.'] },
        // A context word alone: said, without the card's line for when nothing tells how the word stands.
        {
          sentence: 'Freiwillige aus dem Norden.',
          match: 'Freiwillige',
          start: 0,
          signals: ['Flagged here because “Norden” is in the same sentence: the rule applies only in such a context.'],
        },
      ],
    });
  });

  it('writes Markdown a reader can paste, with every stranger’s text escaped', () => {
    const report = buildReport({ url: 'http://127.0.0.1/a', title: 'Artikel [1]' }, sortGroups(groups, 'severity'), new Date('2026-11-25T20:00:00Z'), t);
    expect(reportMarkdown(report, t)).toBe(
      [
        '# Wortlupe report: Artikel \\[1\\]',
        '',
        '- Page: [http://127.0.0.1/a](http://127.0.0.1/a)',
        '- Date: 2026-11-25',
        '- 4 flags, 3 terms',
        '',
        '## By technique',
        '',
        '| Technique | Count |',
        '|---|---:|',
        '| Euphemism | 2 |',
        '| Dehumanisation | 1 |',
        '| Name-calling | 1 |',
        '',
        '## Kanonenfutter (1)',
        '',
        '*Dehumanisation · strongly loaded*',
        '',
        'Soldiers as fodder.',
        '',
        '### On this page',
        '',
        '1. Die **Kanonenfutter**-Rhetorik \\<b\\>wirkt\\</b\\>.',
        '',
        '### Sources',
        '',
        '- [A \\[source\\] (2024)](https://example.org/a_%28b%29)',
        '',
        'Rule “kanonenfutter” of the list “Test list”, version 1.',
        '',
        '## freiwillig (2)',
        '',
        '*Euphemism · loaded*',
        '',
        'Said of recruits \\*who\\* had no choice.',
        '',
        '### On this page',
        '',
        '1. Es kamen **Freiwillige**. — In quotation marks „…“ — a quotation or scare quotes: the text may be keeping its distance from the word.',
        '2. **Freiwillige** aus dem Norden. — Flagged here because “Norden” is in the same sentence: the rule applies only in such a context.',
        '',
        '### Sources',
        '',
        '- [A \\[source\\] (2024)](https://example.org/a_%28b%29)',
        '',
        'Rule “freiwillig” of the list “Test list”, version 1.',
        '',
        '## Kiewer Regime (1)',
        '',
        '*Name-calling · mildly loaded*',
        '',
        'Denies legitimacy.',
        '',
        '### On this page',
        '',
        '1. Das **Kiewer Regime** sagt nichts.',
        '',
        '### Sources',
        '',
        '- [A \\[source\\] (2024)](https://example.org/a_%28b%29)',
        '',
        'Rule “regime” of the list “Test list”, version 1.',
        '',
      ].join('\n'),
    );
  });

  it('names the list\'s website where it has one, in the JSON and as a link by host in the Markdown', () => {
    const credited = { ...list, homepage: 'https://listen.example/test_(neu)' };
    const report = buildReport({}, groupFindings(findings.slice(0, 1), indexRules([credited])), new Date('2026-11-25T20:00:00Z'), t);
    expect(report.rules[0]!.list).toEqual({ id: 'de-test', title: 'Test list', version: '1', homepage: 'https://listen.example/test_(neu)' });
    expect(reportMarkdown(report, t).split('\n').at(-2)).toBe(
      'Rule “regime” of the list “Test list”, version 1. Website: [listen.example](https://listen.example/test_%28neu%29)',
    );
    // Lists are checked wherever they come in; a website that is no web address still makes no link.
    const odd = buildReport({}, groupFindings(findings.slice(0, 1), indexRules([{ ...list, homepage: 'javascript:alert(1)' }])), new Date(), t);
    expect(reportMarkdown(odd, t).split('\n').at(-2)).toBe('Rule “regime” of the list “Test list”, version 1.');
  });

  it('escapes what would make Markdown of a stranger’s text', () => {
    expect(markdownText('[click](javascript:alert(1)) ![img](x) <script> *a* _b_ `c` | d ~e~ &lt;')).toBe(
      '\\[click\\](javascript:alert(1)) \\!\\[img\\](x) \\<script\\> \\*a\\* \\_b\\_ \\`c\\` \\| d \\~e\\~ \\&lt;',
    );
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('1. not a list\nor a second line')).toBe('1\\. not a list or a second line');
  });

  it('speaks German in a German browser', () => {
    const de = translatorFrom(catalogue('de'));
    const report = buildReport({ url: 'http://127.0.0.1/a', title: 'Artikel' }, groups, new Date('2026-11-25T20:00:00Z'), de);
    expect(reportMarkdown(report, de).split('\n').slice(0, 7)).toEqual([
      '# Wortlupe-Bericht: Artikel',
      '',
      '- Seite: [http://127.0.0.1/a](http://127.0.0.1/a)',
      '- Datum: 2026-11-25',
      '- 4 Markierungen, 3 Begriffe',
      '',
      '## Nach Technik',
    ]);
  });
});
