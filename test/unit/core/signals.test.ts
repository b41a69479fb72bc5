import { describe, expect, it } from 'vitest';
import { compile, type RuleList } from '../../../src/core';

const list: RuleList = {
  format: 'wortlupe-list/1',
  id: 's',
  title: 'S',
  language: 'de',
  version: '1',
  rules: [{ id: 'so', term: 'Spezialoperation', technique: 'euphemism', severity: 3, explanation: 'x', sources: [{ title: 's', url: 'https://example.org/' }] }],
};
const matcher = compile([list]);
const signals = (text: string) => matcher.find(text, { lang: 'de' })[0]!.signals;

describe('quotation marks', () => {
  it.each([
    ['„Spezialoperation“', '„', '“'],
    ['“Spezialoperation”', '“', '”'],
    ['"Spezialoperation"', '"', '"'],
    ['»Spezialoperation«', '»', '«'],
    ['«Spezialoperation»', '«', '»'],
    ['‚Spezialoperation‘', '‚', '‘'],
    ["'Spezialoperation'", "'", "'"],
    ['‹Spezialoperation›', '‹', '›'],
  ])('%s is a word in quotation marks', (quoted, open, close) => {
    expect(signals(`Moskau nennt den Krieg eine ${quoted}.`)[0]).toEqual({ kind: 'quoted', style: 'term', open, close });
  });

  it('tells a quoted passage from a quoted word', () => {
    expect(signals('Er schrieb: „Die Spezialoperation verläuft nach Plan und wird fortgesetzt.“')[0]).toEqual({
      kind: 'quoted',
      style: 'passage',
      open: '„',
      close: '“',
    });
  });

  it('does not take an apostrophe or a closed quotation for quotation marks', () => {
    expect(signals("Putin's Spezialoperation geht weiter.")).toEqual([]);
    expect(signals('Der „Krieg“ ist eine Spezialoperation.')).toEqual([]);
  });
});

describe('distancing words', () => {
  it.each(['sogenannte', 'so genannte', 'sog.', 'angebliche', 'vermeintliche', 'selbsternannte'])('%s', (word) => {
    expect(signals(`Die ${word} Spezialoperation dauert an.`)).toEqual([{ kind: 'distanced', word }]);
  });
  it('also with one word in between', () => {
    expect(signals('Die sogenannte militärische Spezialoperation dauert an.')).toEqual([{ kind: 'distanced', word: 'sogenannte' }]);
  });
});

describe('reported speech', () => {
  it.each([
    ['Laut Kreml-Sprecher Dmitri Peskow verläuft die Spezialoperation nach Plan.', { cue: 'Laut', speaker: 'Kreml-Sprecher Dmitri Peskow' }],
    ['Nach Angaben des Verteidigungsministeriums verläuft die Spezialoperation nach Plan.', { cue: 'Nach Angaben des', speaker: 'Verteidigungsministeriums' }],
    ['Putin zufolge ist die Spezialoperation ein Erfolg.', { cue: 'zufolge', speaker: 'Putin' }],
    ['Die Spezialoperation sei ein Erfolg, sagte Wladimir Putin am Dienstag.', { cue: 'sagte', speaker: 'Wladimir Putin' }],
    ['Die Spezialoperation sei ein Erfolg, so Außenminister Lawrow.', { cue: 'so', speaker: 'Außenminister Lawrow' }],
    ['Der Sprecher hat behauptet, die Spezialoperation sei ein Erfolg.', { cue: 'behauptet', speaker: 'Der Sprecher' }],
  ])('%s', (text, expected) => {
    expect(signals(text)).toEqual([{ kind: 'reported', ...expected }]);
  });

  it('is not reported speech when the finding names the speaker', () => {
    expect(signals('Die Spezialoperation zufolge geht es voran.')).toEqual([]);
  });
});
