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

// German and English terms, for sentences in either language: the signals of the first finding.
const rule = (id: string, term: string) => ({ ...list.rules[0]!, id, term });
const both = compile([
  { ...list, id: 'de', rules: [rule('so', 'Spezialoperation'), rule('en', 'Entnazifizierung'), rule('fa', 'Faschismus'), rule('lp', 'Lügenpresse')] },
  {
    ...list,
    id: 'en',
    language: 'en',
    rules: [rule('smo', 'special military operation'), rule('cf', 'cannon fodder'), rule('dn', 'denazification')],
  },
]);
const signalsIn = (text: string, lang: string) => both.find(text, { lang })[0]!.signals;

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

describe('distancing and reported speech read the text as the reader sees it', () => {

  it('"so called" is a distancing word, not a verb of saying', () => {
    expect(signalsIn('The so called special military operation', 'en')).toEqual([{ kind: 'distanced', word: 'so called' }]);
  });

  it('a non-breaking hyphen (U+2011) is a hyphen', () => {
    expect(signalsIn('The so\u2011called denazification', 'en')).toEqual([{ kind: 'distanced', word: 'so-called' }]);
  });

  it.each([
    ['a soft hyphen', 'Der so\u00ADgenannte Faschismus'],
    ['a zero-width space', 'Der so\u200Bgenannte Faschismus'],
  ])('%s inside the distancing word is invisible', (_, text) => {
    expect(signalsIn(text, 'de')).toEqual([{ kind: 'distanced', word: 'sogenannte' }]);
  });

  it('an invisible character does not hide a verb of saying or split a speaker', () => {
    expect(signals('Die Spezialoperation sei ein Erfolg, sag\u00ADte Wladi\u200Bmir Putin.')).toEqual([
      { kind: 'reported', cue: 'sagte', speaker: 'Wladimir Putin' },
    ]);
  });

  it.each([
    ['Lavrov said\u2014without evidence\u2014that the denazification was needed.', 'en', { kind: 'reported', cue: 'said', speaker: 'Lavrov' }],
    ['The war\u2014as Lavrov claimed\u2014was a special military operation.', 'en', { kind: 'reported', cue: 'claimed', speaker: 'Lavrov' }],
    ['Peskow sagte\u2013ohne Belege\u2013der Faschismus sei zurück.', 'de', { kind: 'reported', cue: 'sagte', speaker: 'Peskow' }],
    ['Der Krieg\u2014wie Lawrow behauptete\u2014richte sich gegen den Faschismus.', 'de', { kind: 'reported', cue: 'behauptete', speaker: 'Lawrow' }],
  ])('a dash without spaces still ends a word: %s', (text, lang, expected) => {
    expect(signalsIn(text, lang)).toEqual([expected]);
  });

  it('a dash still separates a clause, as before', () => {
    expect(signals('Die Spezialoperation läuft \u2013 so Außenminister Lawrow.')).toEqual([
      { kind: 'reported', cue: 'so', speaker: 'Außenminister Lawrow' },
    ]);
  });
});

describe('verbs of saying as news write them: groups as speakers, present and plural forms', () => {

  it.each([
    ['The Kremlin keeps calling it a special military operation.', 'en', { cue: 'calling', speaker: 'The Kremlin' }],
    ['Moscow speaks of denazification.', 'en', { cue: 'speaks', speaker: 'Moscow' }],
    ['Russian state media describe the war as a special military operation.', 'en', { cue: 'describe', speaker: 'Russian state media' }],
    ['Officials referred to it as a special military operation.', 'en', { cue: 'referred', speaker: 'Officials' }],
    ['Russian officials call it a special military operation.', 'en', { cue: 'call', speaker: 'Russian officials' }],
    ['Critics say the denazification was a pretext.', 'en', { cue: 'say', speaker: 'Critics' }],
    ['Kremlnahe Medien sprechen von einer Spezialoperation.', 'de', { cue: 'sprechen', speaker: 'Kremlnahe Medien' }],
    ['Russische Staatsmedien nennen den Krieg eine Spezialoperation.', 'de', { cue: 'nennen', speaker: 'Russische Staatsmedien' }],
    ['Die Sprecher bezeichnen den Einmarsch als Spezialoperation.', 'de', { cue: 'bezeichnen', speaker: 'Die Sprecher' }],
    // The quotation's "we" is not the writer: the verb after it names the speaker.
    ['We call it a special military operation, Lavrov said.', 'en', { cue: 'said', speaker: 'Lavrov' }],
    // A separable verb at the end of its clause; the speaker is whoever stands before it.
    ['Wie der Kreml mitteilte, verläuft die Spezialoperation nach Plan.', 'de', { cue: 'mitteilte', speaker: 'der Kreml' }],
    ['Was Moskau eine Spezialoperation nennt, ist ein Angriffskrieg.', 'de', { cue: 'nennt', speaker: 'Moskau' }],
    ['What Moscow calls a special military operation is a war.', 'en', { cue: 'calls', speaker: 'Moscow' }],
    // Where an English adverbial ends is not told by its words: no speaker rather than "Tuesday Lavrov".
    ['On Tuesday Lavrov said the denazification was needed.', 'en', { cue: 'said' }],
    // German puts the verb second after an adverb; whom it was said to, and "auch", name no one.
    ['Danach gefragt sagte Felderer, die Spezialoperation sei nötig.', 'de', { cue: 'sagte', speaker: 'Felderer' }],
    ['Gestern sagte Putin, die Spezialoperation laufe nach Plan.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Die Spezialoperation sei ein Erfolg, sagte Putin dem Sender.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Die Spezialoperation sei ein Erfolg, wie er dem Sender sagte.', 'de', { cue: 'sagte' }],
    ['Auch Putin sprach von einer Spezialoperation.', 'de', { cue: 'sprach', speaker: 'Putin' }],
    ['Die Spezialoperation sei ein Erfolg, so das Ministerium laut Tass.', 'de', { cue: 'so', speaker: 'das Ministerium' }],
  ])('%s', (text, lang, expected) => {
    expect(signalsIn(text, lang)).toEqual([{ kind: 'reported', ...expected }]);
  });

  it.each([
    ['The special military operation is a war.', 'en'],
    ['Die Spezialoperation ist ein Angriffskrieg.', 'de'],
    ['Wir nennen es eine Spezialoperation.', 'de'],
    ['So nennen wir die Spezialoperation nicht.', 'de'],
    ['I have called it a special military operation.', 'en'],
  ])('without such a verb, or when whoever writes speaks, nothing is reported: %s', (text, lang) => {
    expect(signalsIn(text, lang)).toEqual([]);
  });
});

describe('who speaks, as news sentences put it (cases from a review of the first version)', () => {

  it.each([
    // The clause opener's subject, not the adverbial before the verb.
    ['Wie Peskow am Dienstag erklärte, laufe die Spezialoperation nach Plan.', 'de', { cue: 'erklärte', speaker: 'Peskow' }],
    ['Die Spezialoperation laufe nach Plan, wie Putin gegenüber Journalisten sagte.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Wie Putin bei einer Pressekonferenz in Moskau sagte, werde die Spezialoperation fortgesetzt.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Wie die Nachrichtenagentur Tass unter Berufung auf das Ministerium mitteilte, laufe die Spezialoperation.', 'de', { cue: 'mitteilte', speaker: 'die Nachrichtenagentur Tass' }],
    ['Wie es der Kreml nennt, handelt es sich um eine Spezialoperation.', 'de', { cue: 'nennt', speaker: 'der Kreml' }],
    ['Was die Regierung als Entnazifizierung bezeichnet, ist Vernichtung.', 'de', { cue: 'bezeichnet', speaker: 'die Regierung' }],
    // The verb second: after an adverbial or an object the subject follows; otherwise the first place is it.
    ['Nach dem Treffen sagte Putin, die Spezialoperation laufe nach Plan.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Dem Sender RT sagte Lawrow, die Spezialoperation sei notwendig.', 'de', { cue: 'sagte', speaker: 'Lawrow' }],
    ['Bei dem Gipfel nannte Putin den Krieg eine Spezialoperation.', 'de', { cue: 'nannte', speaker: 'Putin' }],
    ['So nennt es der Kreml: eine Spezialoperation.', 'de', { cue: 'nennt', speaker: 'der Kreml' }],
    ['Bereits im Februar sprach Putin von Entnazifizierung.', 'de', { cue: 'sprach', speaker: 'Putin' }],
    ['Inzwischen spricht auch der Kreml von einer Spezialoperation.', 'de', { cue: 'spricht', speaker: 'der Kreml' }],
    ['Der Sprecher von Präsident Putin nannte es eine Spezialoperation.', 'de', { cue: 'nannte', speaker: 'Der Sprecher von Präsident Putin' }],
    ['Putin und Lawrow sprechen von Entnazifizierung.', 'de', { cue: 'sprechen', speaker: 'Putin und Lawrow' }],
    ['Putin hat den Krieg eine Spezialoperation genannt.', 'de', { cue: 'genannt', speaker: 'Putin' }],
    ['Putin hat gesagt, die Spezialoperation laufe nach Plan.', 'de', { cue: 'gesagt', speaker: 'Putin' }],
    ['In meinen Augen ist das Faschismus, sagte Lawrow.', 'de', { cue: 'sagte', speaker: 'Lawrow' }],
    // Said, by no one named; a relative clause or a passive does not name who speaks.
    ['In einer Erklärung des Kremls heißt es, die Spezialoperation laufe nach Plan.', 'de', { cue: 'heißt es' }],
    ['Zuletzt war von Entnazifizierung kaum noch die Rede.', 'de', { cue: 'die Rede' }],
    ['Der Kreml, der den Krieg eine Spezialoperation nennt, schweigt.', 'de', { cue: 'nennt' }],
    ['Der Krieg wird in Russland als Spezialoperation bezeichnet.', 'de', { cue: 'bezeichnet' }],
    ['Wer von Lügenpresse spricht, hat nichts verstanden.', 'de', { cue: 'spricht' }],
    // English: nouns that look like verbs, names, appositions.
    ['The United States says the special military operation is an invasion.', 'en', { cue: 'says', speaker: 'The United States' }],
    ['In a phone call with Macron, Putin said the special military operation would continue.', 'en', { cue: 'said', speaker: 'Putin' }],
    ["Putin's claim of denazification is absurd, Zelensky said.", 'en', { cue: 'said', speaker: 'Zelensky' }],
    ['Lavrov also said the special military operation would continue.', 'en', { cue: 'said', speaker: 'Lavrov' }],
    ['The Kremlin has repeatedly referred to the war as a special military operation.', 'en', { cue: 'referred', speaker: 'The Kremlin' }],
    ["Russia's foreign minister, Sergei Lavrov, said the special military operation would continue.", 'en', { cue: 'said', speaker: 'Sergei Lavrov' }],
    ['Putin, speaking on state TV, called the war a special military operation.', 'en', { cue: 'called' }],
    ['Experts warn that recruits are cannon fodder.', 'en', { cue: 'warn', speaker: 'Experts' }],
    // A clause is read on its own: what the quotation before the comma says does not decide the verb after it.
    ['Wir haben keine Spezialoperation begonnen, sagte Peskow.', 'de', { cue: 'sagte', speaker: 'Peskow' }],
    ['Die Spezialoperation muss weitergehen, sagen Experten.', 'de', { cue: 'sagen', speaker: 'Experten' }],
    ['Es wurde gesagt, Putin habe die Spezialoperation befohlen.', 'de', { cue: 'gesagt' }],
    ['Es wird gesagt, die Spezialoperation laufe.', 'de', { cue: 'gesagt' }],
    ['An der Grenze sagte Putin, die Spezialoperation laufe.', 'de', { cue: 'sagte', speaker: 'Putin' }],
    ['Berichten zufolge läuft die Spezialoperation nach Plan.', 'de', { cue: 'Berichten zufolge' }],
  ])('%s', (text, lang, expected) => {
    expect(signalsIn(text, lang)).toEqual([{ kind: 'reported', ...expected }]);
  });

  it.each([
    // Whoever writes speaks: an infinitive, a modal, "sprechen" without what is spoken of, a noun.
    ['Man muss es Faschismus nennen.', 'de'],
    ['Ich habe es immer Faschismus genannt.', 'de'],
    ['Viele Gründe sprechen gegen die Spezialoperation.', 'de'],
    ['Die Lügenpresse-Rufe, die wir bei Pegida hörten, sagen viel aus.', 'de'],
    ['It is fair to say that the special military operation has failed.', 'en'],
    ['I would call it cannon fodder.', 'en'],
    ["Let's call the special military operation what it is.", 'en'],
    ['As the saying goes, soldiers are cannon fodder to generals.', 'en'],
    ["Moscow's call for denazification was rejected by Kyiv.", 'en'],
    ['The talks failed, so Russia launched its special military operation.', 'en'],
    ['Viele Gründe sprechen gegen die Spezialoperation von Putin.', 'de'],
  ])('nothing is reported: %s', (text, lang) => {
    expect(signalsIn(text, lang)).toEqual([]);
  });
});
