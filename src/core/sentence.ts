// Sentence boundaries around a span: enough for showing a finding in context and for
// limiting where context signals (reported speech) are looked for. A heuristic, not a parser.

import { isHardBreak } from './breaks';

const MAX_SIDE = 300;
// A common abbreviation before a period does not end a sentence ("z. B.", "Dr.", "sog.").
const ABBREVIATIONS = new Set([
  'z', 'b', 'dr', 'prof', 'nr', 'vgl', 'bzw', 'ca', 'sog', 'u', 'a', 'usw', 'etc', 'st', 'mr', 'mrs', 'ms', 'gen', 'lt',
  'col', 'vs', 'jan', 'feb', 'aug', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec', 'inkl', 'evtl', 'ggf', 'd', 'h', 'i', 's',
]);

function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (isHardBreak(text, i)) return true;
  if (c !== '.' && c !== '!' && c !== '?' && c !== '…') return false;
  // Closing quotes and brackets may follow the punctuation; then white space must follow.
  let j = i + 1;
  while (j < text.length && /["“”«»‘’')\]]/.test(text[j]!)) j++;
  if (j < text.length && !/\s/.test(text[j]!)) return false;
  if (c === '.') {
    const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1];
    if (word && ABBREVIATIONS.has(word.toLowerCase())) return false;
    if (/\d$/.test(text.slice(0, i)) && /^\s*\d/.test(text.slice(i + 1, i + 4))) return false; // 100. 000, dates
  }
  return true;
}

/** Start and end of the sentence that contains [start, end), and whether either side was cut short. */
export function sentenceBounds(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; cutLeft: boolean; cutRight: boolean } {
  let s = start;
  const minS = Math.max(0, start - MAX_SIDE);
  while (s > minS && !endsSentence(text, s - 1)) s--;
  const cutLeft = s === minS && s > 0 && !endsSentence(text, s - 1);
  let e = end;
  const maxE = Math.min(text.length, end + MAX_SIDE);
  while (e < maxE && !endsSentence(text, e)) e++;
  const cutRight = e === maxE && e < text.length;
  if (!cutRight && e < text.length && !isHardBreak(text, e)) {
    e++;
    while (e < text.length && /["“”«»‘’')\]]/.test(text[e]!)) e++;
  }
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e, cutLeft, cutRight };
}

const clean = (part: string) => part.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ');

/**
 * The sentence around a span in three parts, white space collapsed and invisible characters removed,
 * "…" where the sentence was cut: enough to show a finding in context with the match marked.
 */
export function sentenceParts(text: string, start: number, end: number): { before: string; match: string; after: string } {
  const b = sentenceBounds(text, start, end);
  return {
    before: (b.cutLeft ? '…' : '') + clean(text.slice(b.start, start)),
    match: clean(text.slice(start, end)),
    after: clean(text.slice(end, b.end)) + (b.cutRight ? '…' : ''),
  };
}

/** The sentence around a span as one string. */
export function sentenceAround(text: string, start: number, end: number): string {
  const { before, match, after } = sentenceParts(text, start, end);
  return before + match + after;
}
