// Whole paragraphs, German and English, with the shipped lists: what is found and how it stands.
// Paragraphs written for this test. When a list changes what is found here, update deliberately.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, parseList, type RuleList } from '../../../src/core';

const dir = join(import.meta.dirname, '../../../rules');
const lists = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseList(readFileSync(join(dir, f), 'utf8'), f);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.list;
  }) as RuleList[];
const matcher = compile(lists);
const found = (text: string) =>
  matcher.find(text).map(({ listId, ruleId, match, start, end, signals }) => {
    expect(text.slice(start, end)).toBe(match);
    return { rule: `${listId}/${ruleId}`, match, signals };
  });

describe('German paragraphs', () => {
  it('tells reported speech, quotation, attribution and distance apart', () => {
    const text =
      'Im russischen Staatsfernsehen sprach der Militärexperte Igor Korotschenko von 100.000 Freiwilligen aus Nordkorea. ' +
      'Es gebe eine „internationale Pflicht zum Kampf gegen den ukrainischen Faschismus“, sagte er. ' +
      'Laut Kreml-Sprecher Dmitri Peskow verläuft die militärische Spezialoperation nach Plan. ' +
      'Die sogenannte Spezialoperation ist in Wahrheit ein Angriffskrieg.';
    expect(found(text)).toEqual([
      {
        rule: 'de-krieg/freiwillig',
        match: 'Freiwilligen',
        signals: [
          { kind: 'reported', cue: 'sprach', speaker: 'der Militärexperte Igor Korotschenko' },
          // Of the rule's context words in this sentence (russischen, Staatsfernsehen, Militärexperte, Nordkorea), the nearest.
          { kind: 'near', word: 'Nordkorea' },
        ],
      },
      {
        rule: 'de-krieg/ukrainischer-faschismus',
        match: 'ukrainischen Faschismus',
        signals: [
          { kind: 'quoted', style: 'passage', open: '„', close: '“' },
          { kind: 'reported', cue: 'sagte' },
        ],
      },
      { rule: 'de-krieg/spezialoperation', match: 'militärische Spezialoperation', signals: [{ kind: 'reported', cue: 'Laut', speaker: 'Kreml-Sprecher Dmitri Peskow' }] },
      { rule: 'de-krieg/spezialoperation', match: 'Spezialoperation', signals: [{ kind: 'distanced', word: 'sogenannte' }] },
    ]);
  });

  it("finds the critic's word in scare quotes, compounds, and forms split by soft hyphens", () => {
    const text =
      'Der britische Geheimdienstchef nannte die Rekruten Putins „Kanonen\u00ADfutter“. Die Kanonenfutter-Rhetorik ' +
      'erinnert an 1950, als China seine Volksfreiwilligenarmee nach Korea schickte. Die Freiwillige Feuerwehr ' +
      'und der Bundesfreiwilligendienst haben damit nichts zu tun.';
    expect(found(text)).toEqual([
      {
        rule: 'de-krieg/kanonenfutter',
        match: 'Kanonen\u00ADfutter',
        signals: [
          { kind: 'quoted', style: 'term', open: '„', close: '“' },
          { kind: 'reported', cue: 'nannte', speaker: 'Der britische Geheimdienstchef' },
        ],
      },
      { rule: 'de-krieg/kanonenfutter', match: 'Kanonenfutter-Rhetorik', signals: [] },
      { rule: 'de-krieg/volksfreiwilligenarmee', match: 'Volksfreiwilligenarmee', signals: [] },
    ]);
  });

  it('never applies an English rule to a German paragraph', () => {
    const text = 'Der Kreml spricht auf Englisch von einer „special military operation“ und meint damit den Krieg gegen die Ukraine.';
    expect(found(text)).toEqual([]);
  });
});

describe('English paragraphs', () => {
  it('tells reported speech, quotation, attribution and distance apart', () => {
    const text =
      '“We will not negotiate with the Kyiv regime,” Lavrov said on Tuesday. ' +
      'According to Russian state media, the special military operation is going to plan. ' +
      'Independent analysts describe the recruits as cannon fodder. ' +
      'The so-called denazification was never more than a pretext.';
    expect(found(text)).toEqual([
      {
        rule: 'en-war/kyiv-regime',
        match: 'Kyiv regime',
        signals: [
          { kind: 'quoted', style: 'passage', open: '“', close: '”' },
          { kind: 'reported', cue: 'said', speaker: 'Lavrov' },
        ],
      },
      {
        rule: 'en-war/special-military-operation',
        match: 'special military operation',
        signals: [{ kind: 'reported', cue: 'According to', speaker: 'Russian state media' }],
      },
      // The analysts' word, not the text's: "describe" is a verb of saying too.
      { rule: 'en-war/cannon-fodder', match: 'cannon fodder', signals: [{ kind: 'reported', cue: 'describe', speaker: 'Independent analysts' }] },
      { rule: 'en-war/denazification', match: 'denazification', signals: [{ kind: 'distanced', word: 'so-called' }] },
    ]);
  });

  it('never applies a German rule to an English paragraph', () => {
    const text = 'In German the word Faschismus is used for the regime of Mussolini, and the word Kanonenfutter for expendable soldiers.';
    expect(found(text)).toEqual([]);
  });
});
