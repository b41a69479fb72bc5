// Per-code-unit character classes for normalisation and word boundaries.
// Tables are filled lazily: a page only pays for the characters it contains, not for all 65,536.

export const Kind = {
  Unseen: 0,
  /** Kept, folded to FOLD[c]. */
  Keep: 1,
  /** Invisible: soft hyphen, zero-width characters, bidi controls. Removed. */
  Drop: 2,
  /** Any white space. A run collapses to one ' '. */
  Space: 3,
  /** Combining mark: composed with the previous character (NFC), else dropped. */
  Mark: 4,
  /** ß and ẞ: folded to "ss". */
  SharpS: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const KIND = new Uint8Array(65536);
const FOLD = new Uint16Array(65536);
/** 0 unseen, 1 word character (letter, digit, mark), 2 not. */
const WORD = new Uint8Array(65536);

const DROP = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const DOUBLE_QUOTES = '"„“”‟«»″〝〞＂';
const SINGLE_QUOTES = "'‚‘’‛‹›′`´＇";
const DASHES = '‐‑‒–—―−﹣－';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function classify(c: number): Kind {
  const ch = String.fromCharCode(c);
  let kind: Kind = Kind.Keep;
  let fold = c;
  if (c >= 0xd800 && c <= 0xdfff) {
    // Half of a surrogate pair (emoji, rare scripts): kept as is, never a word character.
  } else if (c === 0x2029) {
    // BLOCK_BREAK: kept as itself, so no phrase matches across it (see breaks.ts).
  } else if (DROP.test(ch)) kind = Kind.Drop;
  else if (/\s/.test(ch)) kind = Kind.Space;
  else if (/\p{M}/u.test(ch)) kind = Kind.Mark;
  else if (c === 0xdf || c === 0x1e9e) kind = Kind.SharpS;
  else if (DOUBLE_QUOTES.includes(ch)) fold = 0x22;
  else if (SINGLE_QUOTES.includes(ch)) fold = 0x27;
  else if (DASHES.includes(ch)) fold = 0x2d;
  else {
    // Full case folding can lengthen a character (İ → i̇); its first unit is what matters for matching.
    fold = ch.toLowerCase().charCodeAt(0);
  }
  KIND[c] = kind;
  FOLD[c] = fold;
  return kind;
}

for (let c = 0; c < 128; c++) classify(c);

export function kindOf(c: number): Kind {
  const k = KIND[c]!;
  return k === Kind.Unseen ? classify(c) : (k as Kind);
}

/** Only meaningful after kindOf(c) returned Kind.Keep. */
export function foldOf(c: number): number {
  return FOLD[c]!;
}

export { KIND, FOLD };

export function isWordCode(c: number): boolean {
  let w = WORD[c]!;
  if (w === 0) {
    w = c < 0xd800 || c > 0xdfff ? (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2) : 2;
    WORD[c] = w;
  }
  return w === 1;
}

/** End (exclusive) of the source unit that starts at `i`: a surrogate pair and any combining marks after it. */
export function unitEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let end = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
  while (end < text.length && kindOf(text.charCodeAt(end)) === Kind.Mark) end++;
  return end;
}
