// Context signals: how a flagged word stands in its text. The same word can be the propagandist's own,
// a critic quoting it, or the author keeping their distance; these hints help the reader tell which.
import { isHardBreak } from './breaks';
import { visibleIndex, visibleText } from './normalize';
import { sentenceBounds } from './sentence';

export type Signal =
  /** Inside quotation marks: `term` when the marks hold little more than the word (scare quotes), `passage` for a quotation. */
  | { kind: 'quoted'; style: 'term' | 'passage'; open: string; close: string }
  /** Preceded by a distancing word such as "sogenannt" or "so-called". */
  | { kind: 'distanced'; word: string }
  /** In reported speech ("sagte X", "laut X", "according to X"); the speaker when one can be read off. */
  | { kind: 'reported'; cue: string; speaker?: string }
  /** In a headline (told by the caller: the core sees no markup). */
  | { kind: 'headline' };

// Opening mark → the marks that close it. “ opens in English and closes in German; position decides.
const CLOSERS: Record<string, string> = {
  '„': '“”"',
  '“': '”"',
  '»': '«',
  '«': '»',
  '"': '"“”',
  '‚': '‘’\'',
  '‘': '’\'',
  '›': '‹',
  '‹': '›',
  "'": "'’",
};
const QUOTE_REACH = 600;
const WORDISH = /[\p{L}\p{N}]/u;

function isOpenerAt(text: string, p: number): boolean {
  const next = text[p + 1];
  const prev = text[p - 1];
  return next !== undefined && !/\s/.test(next) && !/[,.;:!?]/.test(next) && (prev === undefined || !WORDISH.test(prev));
}

function isCloserAt(text: string, q: number): boolean {
  const prev = text[q - 1];
  const next = text[q + 1];
  return prev !== undefined && !/\s/.test(prev) && (next === undefined || !WORDISH.test(next));
}

function quoted(text: string, start: number, end: number): Signal | undefined {
  const limit = Math.max(0, start - QUOTE_REACH);
  for (let p = start - 1; p >= limit; p--) {
    const mark = text[p]!;
    if (isHardBreak(text, p)) return undefined;
    const closers = CLOSERS[mark];
    if (!closers || !isOpenerAt(text, p)) continue;
    // Closed again before the finding? Then this quotation is over; look further left.
    let closedBefore = false;
    for (let q = p + 1; q < start; q++) {
      if (closers.includes(text[q]!) && isCloserAt(text, q)) {
        closedBefore = true;
        break;
      }
    }
    if (closedBefore) continue;
    const stop = Math.min(text.length, end + QUOTE_REACH);
    for (let q = end; q < stop; q++) {
      const c = text[q]!;
      if (isHardBreak(text, q)) break;
      if (closers.includes(c) && isCloserAt(text, q)) {
        const inner = text.slice(p + 1, q).trim();
        const words = inner.split(/\s+/).length;
        const style = inner.length <= end - start + 2 || words <= 3 ? 'term' : 'passage';
        return { kind: 'quoted', style, open: mark, close: c };
      }
    }
    return undefined;
  }
  return undefined;
}

const DISTANCING = [
  'sogenannt', 'sogenannte', 'sogenannten', 'sogenannter', 'sogenanntes', 'sogenanntem', 'sog.',
  'so genannt', 'so genannte', 'so genannten', 'so genannter', 'so genanntes',
  'angeblich', 'angebliche', 'angeblichen', 'angeblicher', 'angebliches', 'angeblichem',
  'vermeintlich', 'vermeintliche', 'vermeintlichen', 'vermeintlicher', 'vermeintliches', 'vermeintlichem',
  'selbsternannt', 'selbsternannte', 'selbsternannten', 'selbsternannter', 'selbsternanntes',
  'so-called', 'so called', 'alleged', 'allegedly', 'supposed', 'supposedly', 'purported', 'purportedly',
  'self-proclaimed', 'self-styled', 'would-be',
];
const DISTANCING_SET = new Set(DISTANCING);

function distanced(text: string, start: number): Signal | undefined {
  // The one or two words before the finding, skipping quotes; one word may sit between ("sogenannte militärische").
  const before = text.slice(Math.max(0, start - 80), start);
  const tokens = before.split(/[\s"„“”«»‚‘’‹›']+/u).filter(Boolean);
  for (let back = 1; back <= 2 && back <= tokens.length; back++) {
    const one = tokens[tokens.length - back]!.toLowerCase();
    if (DISTANCING_SET.has(one)) return { kind: 'distanced', word: tokens[tokens.length - back]! };
    if (back < tokens.length) {
      const two = `${tokens[tokens.length - back - 1]} ${tokens[tokens.length - back]}`;
      if (DISTANCING_SET.has(two.toLowerCase())) return { kind: 'distanced', word: two };
    }
    if (/[,.;:!?]$/.test(one)) break;
  }
  return undefined;
}

// Reported speech: a verb of saying or an attribution in the same sentence, and who is speaking.
// Verbs may have the speaker before them ("Moore sagte", "Lavrov said") or, after a comma or a
// closing quote, after them ("…“, sagte Moore", "…,” said Lavrov").
// Plural and present forms too: news name groups as speakers ("Staatsmedien sprechen von", "officials
// call it"). Left out: forms that are mostly something else ("added", "labels", "maintained").
const VERBS = new Set([
  'sagte', 'sagten', 'sagt', 'sagen', 'erklärte', 'erklärten', 'erklärt', 'erklären', 'behauptete', 'behaupteten',
  'behauptet', 'behaupten', 'betonte', 'betonten', 'betont', 'betonen', 'meinte', 'meinten', 'meint', 'meinen', 'schrieb',
  'schrieben', 'schreibt', 'schreiben', 'warnte', 'warnten', 'warnt', 'warnen', 'nannte', 'nannten', 'nennt', 'nennen',
  'bezeichnete', 'bezeichneten', 'bezeichnet', 'bezeichnen', 'verkündete', 'verkündeten', 'verkündet', 'verkünden',
  'kündigte', 'kündigten', 'teilte', 'teilten', 'zitierte', 'sprach', 'sprachen', 'spricht', 'sprechen',
  // Separable verbs are written as one word at the end of a clause: "wie der Kreml mitteilte".
  'mitteilte', 'mitteilten', 'mitteilt', 'ankündigte', 'ankündigten',
  'said', 'says', 'say', 'saying', 'told', 'tells', 'claimed', 'claims', 'claim', 'stated', 'states', 'wrote', 'writes',
  'called', 'calls', 'call', 'calling', 'insisted', 'insists', 'declared', 'declares', 'announced', 'announces',
  'spoke', 'speaks', 'described', 'describes', 'describe', 'describing', 'referred', 'refers', 'refer', 'dubbed',
  'dubs', 'termed', 'warned', 'warns', 'argued', 'argues', 'asserted', 'asserts',
]);
/** Attributions naming the source after them ("laut X", "according to X"). */
const AFTER = ['nach angaben von', 'nach angaben des', 'nach angaben der', 'nach worten von', 'nach worten des', 'nach worten der', 'according to', 'laut'];
/** Attributions naming the source before them ("X zufolge"). */
const BEFORE = ['zufolge'];
/** Words that end a speaker's name or description. */
const STOP = new Set([
  'in', 'im', 'am', 'an', 'auf', 'bei', 'vor', 'während', 'gegenüber', 'zu', 'zum', 'zur', 'mit', 'dass', 'und', 'sei',
  'seien', 'habe', 'werde', 'on', 'at', 'to', 'during', 'with', 'that', 'from', 'and', 'was', 'is', 'are', 'were',
  'had', 'has', 'would', 'will', 'es', 'er', 'sie', 'man', 'it', 'he', 'she', 'they', 'we', 'wir', 'die', 'der', 'das',
  'von', 'über', 'für', 'gegen', 'aus', 'nach', 'seit', 'um', 'ohne', 'durch', 'wegen', 'about', 'for', 'against', 'after',
  'laut', 'dem',
  // Adverbs that fill a German clause's first place, so that the subject follows the verb ("Danach
  // sagte Felderer"). Not "auch", which stands before a subject as well ("Auch Putin sagte").
  'danach', 'dann', 'gestern', 'heute', 'morgen', 'zuvor', 'später', 'damals', 'jetzt', 'nun', 'zuletzt', 'anschließend',
  'daraufhin', 'deshalb', 'darum', 'dabei', 'dazu', 'zudem', 'außerdem', 'bisher', 'inzwischen', 'mittlerweile', 'schließlich',
]);
/**
 * Words that open a clause whose subject follows them: "as Lavrov claimed", "wie Lawrow sagte",
 * "what Moscow calls". They end the speaker, but are no adverbial.
 */
const OPENERS = new Set(['as', 'wie', 'what', 'which', 'who', 'wer']);
/** Words that stand before a speaker without being part of the name: "Auch Putin sprach". */
const PARTICLES = new Set(['auch', 'selbst', 'sogar', 'even', 'also']);
const ARTICLES = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'the', 'a', 'an', 'ein', 'eine', 'einer', 'eines']);

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
    if (/^\p{N}/u.test(t.word)) break;
    if (STOP.has(t.lower) && !(ARTICLES.has(t.lower) && !phrase.length)) break;
    phrase.push(t);
  }
  if (lang === 'de' && phrase.some((t) => /^\p{Lu}/u.test(t.word))) {
    while (phrase.length && !/^\p{Lu}/u.test(phrase.at(-1)!.word)) phrase.pop();
  }
  return phrase;
}

/** Auxiliaries between a speaker and the verb: "X hat behauptet", "X has said", "X keeps calling it". */
const AUXILIARIES = new Set(['hat', 'haben', 'hatte', 'hatten', 'habe', 'ist', 'sind', 'war', 'wurde', 'has', 'have', 'had', 'was', 'keeps', 'kept', 'keep']);

const FIRST_PERSON = new Set(['ich', 'wir', 'i', 'we']);

/** The verb tokens[i] has a first-person subject: right before it (past auxiliaries) or, in German order, right after it. */
function firstPerson(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && AUXILIARIES.has(tokens[j]!.lower) && !tokens[j + 1]!.afterBreak) j--;
  const before = !tokens[i]!.afterBreak && j >= 0 && FIRST_PERSON.has(tokens[j]!.lower);
  const after = i + 1 < tokens.length && !tokens[i + 1]!.afterBreak && FIRST_PERSON.has(tokens[i + 1]!.lower);
  return before || after;
}

/** The words before tokens[i] back to punctuation, at most five. */
function phraseBefore(tokens: Token[], i: number): Token[] {
  const phrase: Token[] = [];
  let j = i - 1;
  while (j >= 0 && AUXILIARIES.has(tokens[j]!.lower) && !tokens[j + 1]!.afterBreak) j--;
  for (; j >= 0 && phrase.length < 5; j--) {
    const t = tokens[j]!;
    if ((STOP.has(t.lower) && !ARTICLES.has(t.lower)) || OPENERS.has(t.lower)) break;
    phrase.unshift(t);
    if (t.afterBreak) break;
  }
  return phrase;
}

function reported(text: string, start: number, end: number, lang: string | undefined): Signal | undefined {
  const b = sentenceBounds(text, start, end);
  const sentence = text.slice(b.start, b.end);
  const tokens = tokenize(sentence);
  const from = start - b.start;
  const to = end - b.start;
  // The words before the finding, if the phrase runs into it ("Was Moskau eine Spezialoperation
  // nennt": Moskau), less articles left at their end; the finding never names its own speaker.
  const names = (phrase: Token[]) => {
    const into = phrase.findIndex((t) => t.end > from && t.start < to);
    const words = into < 0 ? phrase : phrase.slice(0, into);
    while (words.length && ARTICLES.has(words.at(-1)!.lower)) words.pop();
    while (words.length && PARTICLES.has(words[0]!.lower)) words.shift();
    return words.length ? sentence.slice(words[0]!.start, words.at(-1)!.end).replace(/\s+/g, ' ') : undefined;
  };
  const capitalised = (phrase: Token[]) => phrase.some((t) => /^\p{Lu}/u.test(t.word));
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
      const speaker = names(phraseBefore(tokens, i));
      if (speaker) return { kind: 'reported', cue: t.word, speaker };
      continue;
    }
    if (t.lower === 'so' && t.afterBreak) {
      const phrase = phraseAfter(tokens, i + 1, lang);
      const speaker = capitalised(phrase) ? names(phrase) : undefined;
      if (speaker) return { kind: 'reported', cue: t.word, speaker };
      continue;
    }
    if (!VERBS.has(t.lower)) continue;
    // "so called" is the distancing word written apart, not a verb of saying.
    if (t.lower === 'called' && !t.afterBreak && tokens[i - 1]?.lower === 'so') continue;
    // "Wir nennen es …", "I call it …": whoever writes speaks (or a quotation does, told by its marks
    // and by a verb that may follow, "…,” Lavrov said").
    if (firstPerson(tokens, i)) continue;
    // "…“, sagte Moore" / "…,” said Lavrov": speaker after. Otherwise before ("Moore sagte"), unless
    // what comes before is an adverbial ("Im Fernsehen sprach Korotschenko"): German puts the verb second.
    // A German verb that ends its clause ("Was Moskau … nennt, ist …") has its subject before it.
    // English keeps the subject before the verb, but where an adverbial ends is not told by its
    // words ("On Tuesday Lavrov said"): no speaker rather than a wrong one.
    let phrase = t.afterBreak ? phraseAfter(tokens, i + 1, lang) : phraseBefore(tokens, i);
    // A German phrase starting with "dem" is whom it was said to ("wie er dem STANDARD sagte").
    if (!t.afterBreak && phrase[0]?.lower === 'dem') phrase = [];
    const lead = phrase.length ? tokens[tokens.indexOf(phrase[0]!) - 1] : t.afterBreak ? undefined : tokens[i - 1];
    const clauseGoesOn = i + 1 < tokens.length && !tokens[i + 1]!.afterBreak;
    if (!t.afterBreak && lead && STOP.has(lead.lower) && !ARTICLES.has(lead.lower)) {
      phrase = lang === 'en' ? [] : clauseGoesOn ? phraseAfter(tokens, i + 1, lang) : phrase;
    }
    const speaker = capitalised(phrase) ? names(phrase) : undefined;
    if (speaker) return { kind: 'reported', cue: t.word, speaker };
    return { kind: 'reported', cue: t.word };
  }
  return undefined;
}

/**
 * Raw text around the span that words are read from: more than a sentence (sentence.ts looks 300
 * characters each way) even after invisible characters are removed, and never the whole of a long block.
 */
const WORDS_REACH = 600;

/** How the span [start, end) of `text` stands in it. `lang` is the language of the rule that matched. */
export function signalsFor(text: string, start: number, end: number, headline = false, lang?: string): Signal[] {
  const signals: Signal[] = [];
  // Quotation marks are told apart by their shapes: read from the text itself.
  const q = quoted(text, start, end);
  if (q) signals.push(q);
  // Words are read as the reader sees them: "so\u00ADgenannte" is "sogenannte", "so\u2011called" is "so-called".
  const visible = visibleText(text, Math.max(0, start - WORDS_REACH), Math.min(text.length, end + WORDS_REACH));
  const from = visibleIndex(visible.map, start);
  const to = visibleIndex(visible.map, end);
  const d = distanced(visible.text, from);
  if (d) signals.push(d);
  const r = reported(visible.text, from, to, lang);
  if (r) signals.push(r);
  if (headline) signals.push({ kind: 'headline' });
  return signals;
}
