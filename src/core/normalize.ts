// Normalisation for matching, with an offset map back into the original text.
//
// Folds case, ß/ẞ → ss, quote and dash variants; removes soft hyphens, zero-width and bidi controls;
// collapses every run of white space to one ' '; composes base + combining mark (NFC) or drops the mark.
// `map[i]` is the index in the original text of the unit that produced normalised unit i, so every
// finding can point back into exactly what the reader sees.
import { FOLD, KIND, Kind, kindOf } from './chars';

export interface Normalized {
  /** Normalised UTF-16 code units; only the first `length` are valid. */
  codes: Uint16Array;
  /** Original index for each normalised unit. */
  map: Int32Array;
  length: number;
}

// One scratch buffer, reused: find() is synchronous and copies out everything it keeps.
let scratch: Normalized = { codes: new Uint16Array(1024), map: new Int32Array(1024), length: 0 };

export function normalize(text: string): Normalized {
  const need = text.length * 2 + 2; // ß may become two units
  if (scratch.codes.length < need) {
    const size = Math.max(need, scratch.codes.length * 2);
    scratch = { codes: new Uint16Array(size), map: new Int32Array(size), length: 0 };
  }
  const out = scratch.codes;
  const map = scratch.map;
  const n = text.length;
  let o = 0;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = KIND[c]!;
    if (k === Kind.Keep) {
      out[o] = FOLD[c]!;
      map[o++] = i;
      space = false;
      continue;
    }
    if (k === Kind.Unseen) k = kindOf(c);
    switch (k) {
      case Kind.Keep:
        out[o] = FOLD[c]!;
        map[o++] = i;
        space = false;
        break;
      case Kind.Space:
        if (!space) {
          out[o] = 0x20;
          map[o++] = i;
          space = true;
        }
        break;
      case Kind.SharpS:
        out[o] = 0x73;
        map[o++] = i;
        out[o] = 0x73;
        map[o++] = i;
        space = false;
        break;
      case Kind.Mark:
        if (o > 0 && !space) {
          const composed = (String.fromCharCode(out[o - 1]!) + String.fromCharCode(c)).normalize('NFC');
          if (composed.length === 1) out[o - 1] = composed.toLowerCase().charCodeAt(0);
        }
        break;
      // Kind.Drop: nothing
    }
  }
  scratch.length = o;
  return scratch;
}

/** Normalised form of a short string (patterns, cue words), as a string. */
export function foldText(text: string): string {
  const { codes, length } = normalize(text.trim());
  let result = '';
  for (let i = 0; i < length; i++) result += String.fromCharCode(codes[i]!);
  return result;
}

/**
 * Same cleaning as normalize() but keeping case, ß and the reader's quote characters:
 * what an exact-case rule compares against.
 */
export function cleanText(text: string): string {
  let result = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = kindOf(c);
    if (k === Kind.Drop) continue;
    if (k === Kind.Space) {
      if (!space) result += ' ';
      space = true;
      continue;
    }
    result += text[i];
    space = false;
  }
  return result.normalize('NFC');
}
