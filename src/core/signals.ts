// Context signals: how a flagged word stands in its text. The same word can be the propagandist's own,
// a critic quoting it, or the author keeping their distance; these hints help the reader tell which.
import { isHardBreak } from './breaks';
import { visibleIndex, visibleText } from './normalize';
import { reported } from './reported';

export type Signal =
  /** Inside quotation marks: `term` when the marks hold little more than the word (scare quotes), `passage` for a quotation. */
  | { kind: 'quoted'; style: 'term' | 'passage'; open: string; close: string }
  /** Preceded by a distancing word such as "sogenannt" or "so-called". */
  | { kind: 'distanced'; word: string }
  /** In reported speech ("sagte X", "laut X", "according to X"); the speaker when one can be read off. */
  | { kind: 'reported'; cue: string; speaker?: string }
  /** In a headline (told by the caller: the core sees no markup). */
  | { kind: 'headline' }
  /**
   * One of the rule's context words (`near`), as written in the same sentence: why it is flagged here
   * at all. `inWord`: found inside the flagged word itself ("bataillon" in Freiwilligenbataillon).
   */
  | NearSignal;

export interface NearSignal {
  kind: 'near';
  word: string;
  inWord?: true;
}

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

/**
 * Raw text around the span that words are read from: more than a sentence (sentence.ts looks 300
 * characters each way) even after invisible characters are removed, and never the whole of a long block.
 */
const WORDS_REACH = 600;

/** How the span [start, end) of `text` stands in it. `lang` is the language of the rule that matched. */
export function signalsFor(text: string, start: number, end: number, headline = false, lang?: string, near?: NearSignal): Signal[] {
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
  if (near) signals.push(near);
  return signals;
}
