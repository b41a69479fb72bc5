// Reported speech: a verb of saying or an attribution in the same sentence, and who is speaking.
//
// Read from the words alone, without a parser: a verb of saying ("sagte", "describe"), an
// attribution ("laut X", "X zufolge", "according to X", "…, so X"), or a phrase ("heißt es", "ist
// von … die Rede"). Where the speaker stands depends on the clause: before the verb ("Moore
// sagte", "Lavrov said"), after it when a comma or a closing quote comes first ("…“, sagte Moore")
// or, in German, when something else fills the first place ("Im Fernsehen sprach Korotschenko"),
// and right after the word that opens a clause whose verb comes last ("wie Peskow am Dienstag
// erklärte"). When the words do not tell, no speaker is named: a wrong one is worse than none.
import type { Signal } from './signals';
import { sentenceBounds } from './sentence';

// Plural and present forms too: news name groups as speakers ("Staatsmedien sprechen von",
// "officials call it"). Left out: forms that are mostly something else ("added", "labels",
// "states" as in "United States", "meinen" as in "meinen Informationen nach", "meint" as in "means").
const VERBS = new Set([
  'sagte', 'sagten', 'sagt', 'sagen', 'gesagt', 'erklärte', 'erklärten', 'erklärt', 'erklären', 'behauptete',
  'behaupteten', 'behauptet', 'behaupten', 'betonte', 'betonten', 'betont', 'betonen', 'meinte', 'meinten',
  'schrieb', 'schrieben', 'schreibt', 'schreiben', 'warnte', 'warnten', 'warnt', 'warnen', 'nannte', 'nannten', 'nennt',
  'nennen', 'genannt', 'bezeichnete', 'bezeichneten', 'bezeichnet', 'bezeichnen', 'verkündete', 'verkündeten',
  'verkündet', 'verkünden', 'kündigte', 'kündigten', 'teilte', 'teilten', 'zitierte', 'sprach', 'sprachen', 'spricht',
  'sprechen',
  // Separable verbs are written as one word at the end of a clause: "wie der Kreml mitteilte".
  'mitteilte', 'mitteilten', 'mitteilt', 'ankündigte', 'ankündigten',
  'said', 'says', 'say', 'saying', 'told', 'tells', 'claimed', 'claims', 'claim', 'stated', 'wrote', 'writes',
  'called', 'calls', 'call', 'calling', 'insisted', 'insists', 'declared', 'declares', 'announced', 'announces',
  'spoke', 'speaks', 'described', 'describes', 'describe', 'describing', 'referred', 'refers', 'refer', 'dubbed',
  'dubs', 'termed', 'warned', 'warns', 'warn', 'argued', 'argues', 'asserted', 'asserts',
]);
/** "sprechen" is a verb of saying only with what is spoken of ("von", "über"): not in "Gründe sprechen dagegen". */
const SPEAK = new Set(['sprach', 'sprachen', 'spricht', 'sprechen']);
const SPOKEN_OF = new Set(['von', 'vom', 'über']);
/** "Gründe sprechen gegen …", "Das spricht für sich": arguing, not saying. */
const SPEAK_FOR = new Set(['gegen', 'für', 'dagegen', 'dafür', 'sich']);
/** English verbs that are nouns as often: "a phone call", "Putin's claim", "as the saying goes". */
const NOUNS_TOO = new Set(['call', 'calls', 'claim', 'claims', 'saying', 'say']);
/** Words after which those are nouns. */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'phone', 'no']);
/** Words before an infinitive: "to say", "would call", "zu sagen", "muss … nennen". */
const INFINITIVE_MARKERS = new Set([
  'to', 'would', 'should', 'could', 'can', 'must', 'will', 'might', 'may', 'shall', "let's", 'let’s', 'lets',
  'zu', 'muss', 'müssen', 'musste', 'mussten', 'kann', 'können', 'konnte', 'konnten', 'soll', 'sollen', 'sollte',
  'sollten', 'will', 'wollen', 'wollte', 'wollten', 'darf', 'dürfen', 'möchte', 'möchten', 'würde', 'würden', 'wird',
  'werden',
]);
/** Attributions naming the source after them ("laut X", "according to X"). */
const AFTER = ['nach angaben von', 'nach angaben des', 'nach angaben der', 'nach worten von', 'nach worten des', 'nach worten der', 'according to', 'laut'];
/** Attributions naming the source before them ("X zufolge"). */
const BEFORE = ['zufolge'];
/** Sources that name no one: "Berichten zufolge". */
const GENERIC_SOURCES = new Set(['berichten', 'medienberichten', 'angaben', 'informationen', 'schätzungen']);
/** Words that end a speaker's name or description. */
const STOP = new Set([
  'in', 'im', 'am', 'an', 'auf', 'bei', 'vor', 'während', 'gegenüber', 'zu', 'zum', 'zur', 'mit', 'dass', 'und', 'sei',
  'seien', 'habe', 'werde', 'on', 'at', 'to', 'during', 'with', 'that', 'from', 'and', 'was', 'is', 'are', 'were',
  'had', 'has', 'would', 'will', 'es', 'er', 'sie', 'man', 'it', 'he', 'she', 'they', 'we', 'wir', 'die', 'der', 'das',
  'von', 'über', 'für', 'gegen', 'aus', 'nach', 'seit', 'um', 'ohne', 'durch', 'wegen', 'unter', 'als', 'about', 'for',
  'against', 'after', 'laut', 'so', 'why', 'warum', 'wieso', 'weshalb', 'you',
  // In German an article after the first word starts the next phrase: "nannte Putin den Krieg …".
  // (Not "des": "der Sprecher des Kremls".)
  'dem', 'den', 'ein', 'eine', 'einen', 'einem', 'einer',
  // Adverbs that fill a German clause's first place, so that the subject follows the verb ("Danach
  // sagte Felderer"). Not "auch", which stands before a subject as well ("Auch Putin sagte").
  'danach', 'dann', 'gestern', 'heute', 'morgen', 'zuvor', 'später', 'damals', 'jetzt', 'nun', 'zuletzt', 'anschließend',
  'daraufhin', 'deshalb', 'darum', 'dabei', 'dazu', 'zudem', 'außerdem', 'bisher', 'inzwischen', 'mittlerweile', 'schließlich',
  'bereits', 'schon', 'noch', 'erst', 'zunächst', 'kürzlich', 'jüngst', 'einst', 'früher', 'erneut', 'wiederholt', 'bislang',
  'offenbar', 'immer', 'oft', 'häufig', 'seither', 'damit', 'trotzdem', 'allerdings', 'dort', 'hier',
]);
/**
 * Words that open a clause whose subject follows them: "as Lavrov claimed", "wie Lawrow sagte",
 * "what Moscow calls". They end the speaker, but are no adverbial.
 */
// ("was" and "dass" are stop words too: English "was" ends a speaker; the German words open a clause.)
const OPENERS = new Set(['as', 'wie', 'what', 'which', 'who', 'wer', 'was', 'dass', 'weil', 'ob', 'wenn', 'nachdem']);
/** A German clause opened by one of these after a comma is a relative clause: its subject is not named in it. */
const RELATIVES = new Set(['der', 'die', 'das', 'den', 'dem', 'welche', 'welcher', 'welches']);
/** Words that stand before or after a speaker without being part of the name: "Auch Putin sprach", "Lavrov also said". */
const PARTICLES = new Set(['auch', 'selbst', 'sogar', 'even', 'also']);
const ARTICLES = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'the', 'a', 'an', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);
/** German auxiliaries that put the verb of saying at the end of the clause: perfect ("hat … genannt") and passive ("wird … bezeichnet"). */
const PERFECT = new Set(['hat', 'haben', 'hatte', 'hatten', 'habe']);
const PASSIVE = new Set(['wird', 'wurde', 'werden', 'wurden']);
/** Auxiliaries between a speaker and the verb: "X hat behauptet", "X has said", "X keeps calling it". */
const AUXILIARIES = new Set(['hat', 'haben', 'hatte', 'hatten', 'habe', 'ist', 'sind', 'war', 'wurde', 'has', 'have', 'had', 'was', 'keeps', 'kept', 'keep']);
const FIRST_PERSON = new Set(['ich', 'wir', 'i', 'we']);

interface Token {
  word: string;
  lower: string;
  start: number;
  end: number;
  /** The token directly follows punctuation (or a closing quote) and starts a new clause. */
  afterBreak: boolean;
}

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  let last = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const word = m[0].replace(/[.'’-]+$/, '');
    const gap = sentence.slice(last, m.index);
    // A hyphen inside a word is part of its token; one standing in a gap (" - ") is used as a dash.
    tokens.push({ word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length, afterBreak: /[,;:„“”"»«()\u2013\u2014-]/.test(gap) });
    last = m.index + m[0].length;
  }
  return tokens;
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.word);
/** A stop word that is no article: articles may open a speaker ("der Kreml"), these end one. */
const ends = (word: string) => STOP.has(word) && !ARTICLES.has(word);

/**
 * The words after tokens[i] up to a stop word, a number or punctuation, at most six. In German a
 * speaker is named by nouns (capitalised) and the adjectives before them, so trailing lowercase
 * words are the verb that follows ("Laut Peskow verläuft …").
 */
function phraseAfter(tokens: Token[], i: number, lang: string | undefined): Token[] {
  const phrase: Token[] = [];
  for (let j = i; j < tokens.length && phrase.length < 6; j++) {
    const t = tokens[j]!;
    if (phrase.length && t.afterBreak) break;
    if (!phrase.length && PARTICLES.has(t.lower)) continue; // "spricht auch der Kreml"
    if (/^\p{N}/u.test(t.word)) break;
    if (STOP.has(t.lower) && !(ARTICLES.has(t.lower) && !phrase.length)) break;
    phrase.push(t);
  }
  if (lang === 'de' && phrase.some(isCapitalised)) {
    while (phrase.length && !isCapitalised(phrase.at(-1)!)) phrase.pop();
  }
  return phrase;
}

/** Skips back from tokens[i] over what may stand between a subject and its verb: auxiliaries, "also", "repeatedly". */
function beforeVerb(tokens: Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && !tokens[j + 1]!.afterBreak && (AUXILIARIES.has(tokens[j]!.lower) || PARTICLES.has(tokens[j]!.lower) || /^\p{Ll}+ly$/u.test(tokens[j]!.word))) j--;
  return j;
}

/** The words before tokens[i] back to punctuation, at most five. */
function phraseBefore(tokens: Token[], i: number): Token[] {
  const phrase: Token[] = [];
  for (let j = beforeVerb(tokens, i); j >= 0 && phrase.length < 5; j--) {
    const t = tokens[j]!;
    // "Putin und Lawrow sprechen": "und" between names joins them.
    const joins = (t.lower === 'und' || t.lower === 'and') && phrase[0] !== undefined && isCapitalised(phrase[0]) && tokens[j - 1] !== undefined && isCapitalised(tokens[j - 1]!);
    if (!joins && (ends(t.lower) || OPENERS.has(t.lower))) break;
    phrase.unshift(t);
    if (t.afterBreak) break;
  }
  return phrase;
}

/** The last token of tokens[i]'s clause. */
function clauseEnd(tokens: Token[], i: number): number {
  let e = i;
  while (e + 1 < tokens.length && !tokens[e + 1]!.afterBreak) e++;
  return e;
}

/** The tokens of tokens[i]'s clause. */
function inClause(tokens: Token[], i: number): Token[] {
  return tokens.slice(clauseStart(tokens, i), clauseEnd(tokens, i) + 1);
}

/** The subject after a verb (or a clause opener) at tokens[i], past an object "es" ("So nennt es der Kreml"). */
function subjectAfter(tokens: Token[], i: number, lang: string | undefined): Token[] {
  return phraseAfter(tokens, tokens[i + 1]?.lower === 'es' ? i + 2 : i + 1, lang);
}

/** The first token of tokens[i]'s clause (tokens[i] itself when it follows a comma). */
function clauseStart(tokens: Token[], i: number): number {
  let c = i;
  while (c > 0 && !tokens[c]!.afterBreak) c--;
  return c;
}

/** In German, the auxiliary earlier in tokens[i]'s clause that sends the verb to its end ("Putin hat den Krieg … genannt"), or -1. */
function auxiliaryOf(tokens: Token[], i: number, lang: string | undefined): number {
  if (lang === 'en') return -1;
  for (let k = i - 1; k >= clauseStart(tokens, i); k--) {
    if (PERFECT.has(tokens[k]!.lower) || PASSIVE.has(tokens[k]!.lower)) return k;
  }
  return -1;
}

/** Is tokens[i] a verb of saying here, said by someone other than whoever writes? */
function sayingVerb(tokens: Token[], i: number, lang: string | undefined): boolean {
  const t = tokens[i]!;
  if (!VERBS.has(t.lower)) return false;
  const prev = t.afterBreak ? undefined : tokens[i - 1];
  // "so called" is the distancing word written apart, not a verb of saying.
  if (t.lower === 'called' && prev?.lower === 'so') return false;
  if (NOUNS_TOO.has(t.lower) && prev && (NOUN_MARKERS.has(prev.lower) || /['’]s$/.test(prev.lower))) return false;
  if (SPEAK.has(t.lower) && (SPEAK_FOR.has(tokens[i + 1]?.lower ?? '') || !inClause(tokens, i).some((x) => SPOKEN_OF.has(x.lower)))) return false;
  // "sagen … aus" is "aussagen", to show, not to say.
  if (t.lower.startsWith('sag') && tokens[clauseEnd(tokens, i)]!.lower === 'aus') return false;
  // An infinitive says what someone may, must or would say: "fair to say", "Man muss es … nennen".
  // (A German participle after "wird" is a passive, not an infinitive: "Es wird gesagt".)
  if (lang === 'en' && prev && INFINITIVE_MARKERS.has(prev.lower)) return false;
  if (lang !== 'en' && t.lower.endsWith('en')) {
    // Capitalised, a German infinitive is a noun ("das Schreiben"); after a modal in its clause, it is no statement.
    if (isCapitalised(t) && i > 0) return false;
    for (let j = i - 1; j >= clauseStart(tokens, i); j--) {
      if (INFINITIVE_MARKERS.has(tokens[j]!.lower)) return false;
    }
  }
  // "Wir nennen es …", "I call it …", "Ich habe es … genannt": whoever writes speaks (or a quotation
  // does, told by its marks and by a verb that may follow, "…,” Lavrov said").
  const aux = auxiliaryOf(tokens, i, lang);
  const finite = aux >= 0 ? aux : i;
  const subject = tokens[beforeVerb(tokens, finite)];
  const next = tokens[finite + 1];
  if (!tokens[finite]!.afterBreak && subject && FIRST_PERSON.has(subject.lower)) return false;
  return !(next && !next.afterBreak && FIRST_PERSON.has(next.lower));
}

/** Where a verb of saying's subject is, as far as the words tell. */
function speakerOf(tokens: Token[], i: number, lang: string | undefined): Token[] {
  const t = tokens[i]!;
  if (t.afterBreak) {
    // "…“, sagte Moore" / "…,” said Lavrov"; else the apposition before the comma ("Russia's
    // foreign minister, Sergei Lavrov, said").
    const after = phraseAfter(tokens, i + 1, lang);
    if (lang !== 'en' || after.some(isCapitalised)) return after;
    const before = phraseBefore(tokens, i);
    return before[0]?.afterBreak ? before : []; // all of it, not the end of "speaking on state TV"
  }
  const clause = clauseStart(tokens, i);
  // A German clause whose verb comes last ("Putin sagte, …" ends its clause too, but opens it
  // with its subject).
  const verbLast = clauseEnd(tokens, i) === i;
  const opener = tokens[clause]!;
  if (lang !== 'en' && verbLast) {
    // "wie Peskow am Dienstag erklärte", "Was Moskau eine Spezialoperation nennt", "wie es der Kreml nennt".
    if (OPENERS.has(opener.lower)) return subjectAfter(tokens, clause, lang);
    // "Der Kreml, der den Krieg … nennt": a relative clause does not name its subject.
    if (clause > 0 && RELATIVES.has(opener.lower)) return [];
  }
  // "Putin hat den Krieg eine Spezialoperation genannt": the subject is the auxiliary's; a passive
  // ("wird in Russland … bezeichnet") names whom it speaks of, not who speaks.
  const aux = auxiliaryOf(tokens, i, lang);
  if (aux >= 0) return PASSIVE.has(tokens[aux]!.lower) ? [] : speakerOf(tokens, aux, lang);
  const phrase = phraseBefore(tokens, i);
  // The word before the phrase (or before the verb, when there is none): a preposition there means
  // the phrase is the end of an adverbial ("On Tuesday Lavrov"), not a subject.
  const phraseStart = phrase.length ? tokens.indexOf(phrase[0]!) : beforeVerb(tokens, i) + 1;
  const lead = tokens[phraseStart - 1];
  const adverbial = lead !== undefined && ends(lead.lower);
  if (lang === 'en') return adverbial ? [] : phrase; // where "On Tuesday" ends, the words do not tell
  // German puts the finite verb second: what stands before it is one phrase. Opened by an adverb or
  // a preposition ("Im Fernsehen sprach Korotschenko", "So nennt es der Kreml"), by an object ("Dem
  // Sender RT sagte Lawrow"), or missing, it is not the subject, which follows the verb.
  const first = tokens.slice(clause, beforeVerb(tokens, i) + 1);
  const opening = first[0]?.lower;
  // ("an" is an article only in English.)
  if (opening === undefined || opening === 'dem' || opening === 'an' || ends(opening)) return subjectAfter(tokens, i, lang);
  // Otherwise all of it is: "Der Sprecher von Präsident Putin nannte es …".
  return first.length <= 6 ? first : phrase;
}

export function reported(text: string, start: number, end: number, lang: string | undefined): Signal | undefined {
  const b = sentenceBounds(text, start, end);
  const sentence = text.slice(b.start, b.end);
  const tokens = tokenize(sentence);
  const from = start - b.start;
  const to = end - b.start;
  // The words before the finding, if the phrase runs into it ("Was Moskau eine Spezialoperation
  // nennt": Moskau), less articles and particles at its ends; the finding never names its own speaker.
  const names = (phrase: Token[]) => {
    const into = phrase.findIndex((t) => t.end > from && t.start < to);
    const words = into < 0 ? phrase : phrase.slice(0, into);
    while (words.length && (ARTICLES.has(words.at(-1)!.lower) || PARTICLES.has(words.at(-1)!.lower))) words.pop();
    while (words.length && PARTICLES.has(words[0]!.lower)) words.shift();
    return words.length ? sentence.slice(words[0]!.start, words.at(-1)!.end).replace(/\s+/g, ' ') : undefined;
  };
  /** A verb or phrase without a speaker counts unless a later one in the sentence names one. */
  let unnamed: Signal | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const rest = tokens.slice(i, i + 3).map((x) => x.lower).join(' ');
    const attribution = AFTER.find((cue) => rest === cue || rest.startsWith(`${cue} `));
    if (attribution) {
      const phrase = phraseAfter(tokens, i + attribution.split(' ').length, lang);
      const speaker = names(phrase);
      if (speaker) return { kind: 'reported', cue: sentence.slice(t.start, tokens[i + attribution.split(' ').length - 1]!.end), speaker };
      continue;
    }
    if (BEFORE.includes(t.lower)) {
      // "Berichten zufolge": attributed, to no one named.
      if (GENERIC_SOURCES.has(tokens[i - 1]?.lower ?? '')) {
        unnamed ??= { kind: 'reported', cue: sentence.slice(tokens[i - 1]!.start, t.end) };
        continue;
      }
      const speaker = names(phraseBefore(tokens, i));
      if (speaker) return { kind: 'reported', cue: t.word, speaker };
      continue;
    }
    if (t.lower === 'so' && t.afterBreak && lang !== 'en') {
      const phrase = phraseAfter(tokens, i + 1, lang);
      const speaker = phrase.some(isCapitalised) ? names(phrase) : undefined;
      if (speaker) return { kind: 'reported', cue: t.word, speaker };
      continue;
    }
    // "heißt es", "hieß es": said, by no one named.
    const next = tokens[i + 1];
    if ((t.lower === 'heißt' || t.lower === 'hieß') && next?.lower === 'es' && !next.afterBreak) {
      unnamed ??= { kind: 'reported', cue: sentence.slice(t.start, next.end) };
      continue;
    }
    // "ist von einer Spezialoperation die Rede".
    if (t.lower === 'rede' && tokens[i - 1]?.lower === 'die' && inClause(tokens, i).some((x) => x.lower === 'von')) {
      unnamed ??= { kind: 'reported', cue: sentence.slice(tokens[i - 1]!.start, t.end) };
      continue;
    }
    if (!sayingVerb(tokens, i, lang)) continue;
    const phrase = speakerOf(tokens, i, lang);
    const speaker = phrase.some(isCapitalised) ? names(phrase) : undefined;
    if (speaker) return { kind: 'reported', cue: t.word, speaker };
    unnamed ??= { kind: 'reported', cue: t.word };
  }
  return unnamed;
}
