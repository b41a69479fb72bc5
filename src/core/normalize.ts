// Normalisation for matching, with an offset map back into the original text.
//
// Folds case, ß/ẞ → ss, quote and dash variants; removes soft hyphens, zero-width and bidi controls;
// collapses every run of white space to one ' '; composes base + combining mark (NFC) or drops the mark.
// `map[i]` is the index in the original text of the unit that produced normalised unit i, so every
// finding can point back into exactly what the reader sees.
import { collectHits, scan, step, type Automaton, type Hits } from './automaton';
import { FOLD, foldOf, KIND, Kind, kindOf } from './chars';
import type { PatternSet } from './heads';

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
  return normalizeAndScan(text, null, null);
}

/**
 * normalize(), and in the same pass run the automaton over the normalised units, collecting its
 * hits (one read of the text instead of two: this is the content script's hot loop). Text whose
 * combining marks change an already emitted unit is scanned again afterwards.
 */
export function normalizeAndScan(text: string, auto: Automaton | null, hits: Hits | null): Normalized {
  const need = text.length * 2 + 2; // ß may become two units
  if (scratch.codes.length < need) {
    const size = Math.max(need, scratch.codes.length * 2);
    scratch = { codes: new Uint16Array(size), map: new Int32Array(size), length: 0 };
  }
  if (hits) hits.count = 0;
  // Hot loop: tables and buffers in locals, kinds as literals (see chars.ts for their names).
  const out = scratch.codes;
  const map = scratch.map;
  const kinds = KIND;
  const folds = FOLD;
  const scanning = auto !== null && hits !== null;
  const dfa = auto?.dfa ?? EMPTY_DFA;
  const alpha = auto?.alpha ?? folds;
  const shift = auto?.shift ?? 0;
  const dense = auto?.dense ?? 0;
  let state = 0;
  let rescan = false;
  let space = false;
  let o = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = kinds[c]!;
    let unit: number;
    /** ß: "s" is written twice. */
    let sharp = false;
    if (k === 1 /* Keep */) {
      unit = folds[c]!;
      space = false;
    } else {
      if (k === 0 /* Unseen */) {
        k = kindOf(c);
        if (k === 1) {
          i--; // now classified: take the fast path
          continue;
        }
      }
      if (k === 3 /* Space */) {
        if (space) continue;
        unit = 0x20;
        space = true;
      } else if (k === 5 /* SharpS */) {
        // "ss": both written below, through the one transition (see nextHead on rare call sites).
        unit = 0x73;
        space = false;
        sharp = true;
      } else {
        if (k === 4 /* Mark */ && o > 0 && !space) {
          const composed = (String.fromCharCode(out[o - 1]!) + String.fromCharCode(c)).normalize('NFC');
          if (composed.length === 1) {
            out[o - 1] = composed.toLowerCase().charCodeAt(0);
            rescan = true;
          }
        }
        continue; // 2 (Drop), 4 (Mark)
      }
    }
    for (;;) {
      out[o] = unit;
      map[o++] = i;
      if (scanning) {
        // The class read before the branch: a load only the sparse branch made went without type
        // feedback until a sparse state came, and the optimised code was thrown away there.
        const a = alpha[unit]!;
        let v = state < dense ? dfa[(state << shift) + a]! : step(auto, state, a);
        if (v < 0) {
          v = ~v;
          collectHits(auto, v, o, hits);
        }
        state = v;
      }
      if (!sharp) break;
      sharp = false;
    }
  }
  scratch.length = o;
  if (scanning && rescan) scan(auto, out, o, hits);
  return scratch;
}

const EMPTY_DFA = new Int32Array(0);

// Per automaton: code unit → what the quick check does with it. 0 not yet known; 1 drop; 2 space;
// 3 ß (two s); 4 combining mark (let the full path decide); 8 + class for every kept unit. One table
// read per character instead of three (kind, fold, alphabet class).
const QUICK_UNSEEN = 0;
const QUICK_DROP = 1;
const QUICK_SPACE = 2;
const QUICK_SHARP_S = 3;
const QUICK_MARK = 4;
const QUICK_CLASS = 8;
const quickTables = new WeakMap<Automaton, Uint16Array>();

function quickEntry(auto: Automaton, c: number): number {
  const k = kindOf(c);
  if (k === Kind.Drop) return QUICK_DROP;
  if (k === Kind.Space) return QUICK_SPACE;
  if (k === Kind.SharpS) return QUICK_SHARP_S;
  if (k === Kind.Mark) return QUICK_MARK;
  return QUICK_CLASS + auto.alpha[foldOf(c)]!;
}

/**
 * Could any pattern occur in `text`? The same normalisation and automaton as normalizeAndScan(),
 * but nothing is written, and at the first head found (see heads.ts) the rest of its patterns is
 * compared with the text that follows; the first pattern that is there ends it. Most blocks of most
 * pages contain no pattern at all; for them this is the whole cost of matching. It may say yes
 * where find() finds nothing (a combining mark, ß at a head's end), never the other way round.
 *
 * `ignored[p] === 1`: pattern p cannot be reported here (find() knows the text's language, and no
 * rule in it has that pattern), so it is passed over: a German page's "gezogen" need not send the
 * block down the full path for an English rule's "zog".
 */
export function mayMatch(text: string, set: PatternSet, ignored: Uint8Array | null = null): boolean {
  const auto = set.automaton;
  let table = quickTables.get(auto);
  if (!table) quickTables.set(auto, (table = new Uint16Array(65536)));
  for (let i = 0, state = 0, space = false; ; ) {
    i = nextHead(text, i, state, space, auto, table);
    state = stopState;
    space = stopSpace;
    if (i === UNSEEN) {
      // A character met for the first time: classify it, and go on from it.
      i = unseenAt;
      const c = text.charCodeAt(i);
      table[c] = quickEntry(auto, c);
      continue;
    }
    if (i < 0) return i === MAYBE;
    if (patternFollows(set, ignored, table, text, i, state, space)) return true;
  }
}

const NONE = -1;
const MAYBE = -2;
const UNSEEN = -3;
// Where nextHead() stopped: the automaton's state, whether a space came last, and (UNSEEN) the
// index of the character it does not know yet. Variables rather than an object's properties: a
// store to a variable needs no type feedback (see nextHead).
let stopState = 0;
let stopSpace = false;
let unseenAt = 0;

/**
 * Read text from `i` in `state` to the end of the next head: the index after it, NONE at the end of
 * the text, MAYBE at a combining mark or ß in a head, UNSEEN at a character not in `table` yet (the
 * caller classifies it). It leaves the state where it stopped in stopState and stopSpace.
 *
 * The hot loop, kept free of calls it rarely makes: V8 optimises a function before it has seen them,
 * and a call it has not seen makes it throw that code away (and run slower code until the next
 * optimisation). So ß, two s, takes the one transition below twice instead of a call of its own:
 * traced in Chromium on the bench's news page, a ß read in a sparse state discarded the optimised
 * code twice in one load. And characters are classified by the caller: inlined here, the
 * classification (kindOf() and its regular expressions) made the optimising compile of this
 * function several times larger, and the page ran on slower code while it compiled.
 *
 * What a page pays here is mostly the time before V8 has optimised this loop. Timed per 200
 * paragraphs on the bench's news page (2026-11-27): about 6 ms for the first 200, then 2.3, 1.6, 1.2
 * and 0.7 from the fifth on; at the steady rate the whole page would take 7 ms instead of 16. Tried
 * and not kept: an inner loop for letters in dense states (17% faster in Node once optimised; in
 * Chromium no better, `npm run bench:ab` 40 loads: scan work +2.3 ms median, faster in 17 of 40),
 * and WebAssembly, which would run compiled from the first paragraph: Chromium refuses to compile
 * it in a content script on any page whose Content-Security-Policy lacks 'wasm-unsafe-eval'
 * (Firefox ESR compiles it there), so the loop would need a JavaScript twin and would make such
 * pages report a policy violation.
 */
function nextHead(text: string, i: number, state: number, space: boolean, auto: Automaton, table: Uint16Array): number {
  const { dfa, dense, shift } = auto;
  const spaceClass = auto.alpha[0x20]!;
  const sClass = auto.alpha[0x73]!;
  const n = text.length;
  for (; i < n; i++) {
    const q = table[text.charCodeAt(i)]!;
    let a: number;
    /** ß: the first of its two s is taken; one more follows. */
    let sharp = false;
    if (q >= QUICK_CLASS) {
      a = q - QUICK_CLASS;
      space = false;
    } else if (q === QUICK_SPACE) {
      if (space) continue;
      a = spaceClass;
      space = true;
    } else if (q === QUICK_SHARP_S) {
      a = sClass;
      space = false;
      sharp = true;
    } else if (q === QUICK_UNSEEN) {
      unseenAt = i;
      stopState = state;
      stopSpace = space;
      return UNSEEN;
    } else if (q === QUICK_MARK) {
      return MAYBE;
    } else continue; // drop
    for (;;) {
      state = state < dense ? dfa[(state << shift) + a]! : step(auto, state, a);
      if (state < 0) {
        if (sharp) return MAYBE; // a head ends inside the ß
        stopState = ~state;
        stopSpace = space;
        return i + 1;
      }
      if (!sharp) break;
      sharp = false;
    }
  }
  return NONE;
}

/** The units after a head, read once and compared with every pattern under it (see patternFollows). */
let ahead = new Uint16Array(64);

/** Does one of the patterns of the heads that end at `state` go on in text from `from`? */
function patternFollows(
  set: PatternSet,
  ignored: Uint8Array | null,
  table: Uint16Array,
  text: string,
  from: number,
  state: number,
  space: boolean,
): boolean {
  const { automaton: auto, headStart, headPattern, patternLength, patternOffset, patternText } = set;
  // How far the longest of these patterns goes on past its head: that much of the text is read.
  let need = 0;
  for (let o = auto.firstOut[state]!; o >= 0; o = auto.dictLink[o]!) {
    const h = auto.pattern[o]!;
    for (let x = headStart[h]!; x < headStart[h + 1]!; x++) {
      const p = headPattern[x]!;
      if (ignored !== null && ignored[p] === 1) continue;
      const rest = patternLength[p]! - auto.patternLength[h]!;
      if (rest === 0) return true;
      if (rest > need) need = rest;
    }
  }
  if (need === 0) return false; // every pattern here is ignored
  const read = readAhead(auto, table, text, from, space, need);
  if (read === MAYBE) return true;
  const alpha = auto.alpha;
  for (let o = auto.firstOut[state]!; o >= 0; o = auto.dictLink[o]!) {
    const h = auto.pattern[o]!;
    const head = auto.patternLength[h]!;
    for (let x = headStart[h]!; x < headStart[h + 1]!; x++) {
      const p = headPattern[x]!;
      const rest = patternLength[p]! - head;
      if (rest > read || (ignored !== null && ignored[p] === 1)) continue;
      const at = patternOffset[p]! + head;
      let k = 0;
      while (k < rest && ahead[k] === alpha[patternText.charCodeAt(at + k)]) k++;
      if (k === rest) return true;
    }
  }
  return false;
}

/**
 * The alphabet classes of the next `max` units normalizeAndScan() would make of text from `i`, into
 * `ahead`: how many there are (fewer at the text's end), or MAYBE at a combining mark, which may
 * change the unit before it (mayMatch() would say yes on reaching it anyway).
 */
function readAhead(auto: Automaton, table: Uint16Array, text: string, i: number, space: boolean, max: number): number {
  if (ahead.length <= max) ahead = new Uint16Array(max * 2);
  const sClass = auto.alpha[0x73]!;
  let n = 0;
  for (; n < max && i < text.length; i++) {
    const c = text.charCodeAt(i);
    let q = table[c]!;
    if (q === QUICK_UNSEEN) table[c] = q = quickEntry(auto, c);
    if (q >= QUICK_CLASS) {
      ahead[n++] = q - QUICK_CLASS;
      space = false;
    } else if (q === QUICK_SPACE) {
      if (!space) ahead[n++] = auto.alpha[0x20]!;
      space = true;
    } else if (q === QUICK_SHARP_S) {
      // Two units: the buffer holds max + 1.
      ahead[n++] = sClass;
      ahead[n++] = sClass;
      space = false;
    } else if (q === QUICK_MARK) return MAYBE;
  }
  return n;
}

/**
 * Normalised form of a short string (patterns, cue words), as a string. Same folding as normalize(),
 * written separately so the hot loop above only ever sees page text (V8 specialises it for that).
 */
export function foldText(text: string): string {
  let result = '';
  let space = false;
  const trimmed = text.trim();
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    const k = kindOf(c);
    if (k === Kind.Keep) {
      result += String.fromCharCode(foldOf(c));
      space = false;
    } else if (k === Kind.Space) {
      if (!space) result += ' ';
      space = true;
    } else if (k === Kind.SharpS) {
      result += 'ss';
      space = false;
    } else if (k === Kind.Mark && result && !space) {
      const composed = (result.slice(-1) + String.fromCharCode(c)).normalize('NFC');
      if (composed.length === 1) result = result.slice(0, -1) + composed.toLowerCase();
    }
  }
  return result;
}

/**
 * What a case-keeping fold writes for code unit c: -1 for an invisible character (removed), the
 * ASCII mark for a quote or dash variant (the same FOLD normalize() uses), otherwise c itself.
 */
function keepCaseUnit(c: number): number {
  const k = kindOf(c);
  if (k === Kind.Drop) return -1;
  if (k === Kind.Keep) {
    const f = foldOf(c);
    if (f === 0x22 || f === 0x27 || f === 0x2d) return f;
  }
  return c;
}

/**
 * The same folding as normalize() except for case: invisible characters removed, white space
 * collapsed, ß → ss and ẞ → SS, quote and dash variants → " ' -, NFC. What an exact-case rule
 * compares, on both sides: the rule asks for a spelling's capitals, not for its typography.
 */
export function exactText(text: string): string {
  let result = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = kindOf(c);
    if (k === Kind.Space) {
      if (!space) result += ' ';
      space = true;
      continue;
    }
    space = false;
    if (k === Kind.SharpS) result += c === 0x1e9e ? 'SS' : 'ss';
    else {
      const unit = keepCaseUnit(c);
      if (unit >= 0) result += String.fromCharCode(unit);
    }
  }
  return result.normalize('NFC');
}

/** En dash, em dash, horizontal bar: they set clauses apart even without spaces ("said—without"). */
const isClauseDash = (c: number) => c >= 0x2013 && c <= 0x2015;

/**
 * text[from, to) as a reader sees it, for reading its words (context signals): invisible characters
 * removed, quote and hyphen variants folded as exactText() folds them; clause dashes, case, ß and
 * white space (line breaks too, which end blocks) kept. `map[i]` is the index in `text` of unit i,
 * and map[length] = to.
 */
export function visibleText(text: string, from = 0, to = text.length): { text: string; map: Int32Array } {
  const units: number[] = [];
  const map = new Int32Array(to - from + 1);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Folded to '-', a clause dash would join the words on either side into one.
    const unit = isClauseDash(c) ? c : keepCaseUnit(c);
    if (unit < 0) continue;
    map[units.length] = i;
    units.push(unit);
  }
  map[units.length] = to;
  let result = '';
  // In slices: String.fromCharCode takes its units as arguments, and arguments are limited.
  for (let i = 0; i < units.length; i += 4096) result += String.fromCharCode(...units.slice(i, i + 4096));
  return { text: result, map: map.subarray(0, units.length + 1) };
}

/** The index in visibleText()'s result of the first unit at or after `offset` in the original text. */
export function visibleIndex(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
