// Patterns found by their heads.
//
// The automaton holds only each pattern's first HEAD units (its head); an occurrence of a head is
// then confirmed by comparing the rest of its patterns with the text that follows (mayMatch() does
// it as it reads, find() on the normalised text). Every frame of every page unpacks, checks and
// completes the automaton before its first scan, in cold code: the shipped lists' 4,853 patterns
// average 23 units, and their trie had 43,009 states; their 1,936 heads of 12 take 10,077, and
// what every frame reads from storage went from 619 K to 394 K characters.
//
// Why 12 (npm run bench:ab on the 621 K news page, alternating loads): heads of 8 (4,549 states)
// unpacked 8 ms sooner than whole patterns, but common words head many patterns ("menschen" heads
// 145), and the news page's 1,921 paragraphs held 1,826 heads (16,514 patterns to compare): the
// scan work grew by 9–12 ms. Heads of 12 unpack 6 ms sooner, with 395 heads found there (1,572
// comparisons) and the scan work within 3 ms of whole patterns.
//
// Every occurrence of a pattern is an occurrence of its head at the same start, and the automaton
// reports every occurrence of every head: confirmation finds exactly what a whole-pattern
// automaton finds.
import { buildAutomaton, type Automaton, type Hits } from './automaton';

/** Units of a pattern the automaton holds. */
export const HEAD = 12;

export interface PatternSet {
  /** Over the heads: its pattern ids are head ids. */
  readonly automaton: Automaton;
  /** Per pattern: its length, and where it starts in `patternText`. */
  readonly patternLength: Int32Array;
  readonly patternOffset: Int32Array;
  /** Every pattern, folded, one after the other. */
  readonly patternText: string;
  /** Patterns of head h: headPattern[headStart[h]..headStart[h+1]]. */
  readonly headStart: Int32Array;
  readonly headPattern: Int32Array;
}

export function buildPatternSet(patterns: readonly string[]): PatternSet {
  const headIds = new Map<string, number>();
  const headOf = patterns.map((p) => {
    const head = p.slice(0, HEAD);
    let id = headIds.get(head);
    if (id === undefined) headIds.set(head, (id = headIds.size));
    return id;
  });
  // Patterns grouped by head (counting sort; in pattern order within a head).
  const headStart = new Int32Array(headIds.size + 1);
  for (const h of headOf) headStart[h + 1]!++;
  for (let h = 0; h < headIds.size; h++) headStart[h + 1]! += headStart[h]!;
  const fill = headStart.slice(0, headIds.size);
  const headPattern = new Int32Array(patterns.length);
  headOf.forEach((h, p) => (headPattern[fill[h]!++] = p));
  const patternLength = Int32Array.from(patterns, (p) => p.length);
  return patternSetFrom(buildAutomaton([...headIds.keys()]), patternLength, patterns.join(''), headStart, headPattern);
}

/** A pattern set from what is stored of it (see serialize.ts), checked by the caller. */
export function patternSetFrom(
  automaton: Automaton,
  patternLength: Int32Array,
  patternText: string,
  headStart: Int32Array,
  headPattern: Int32Array,
): PatternSet {
  // Where each pattern starts in the concatenated text: the running sum of the lengths.
  const patternOffset = new Int32Array(patternLength.length);
  for (let p = 1; p < patternLength.length; p++) patternOffset[p] = patternOffset[p - 1]! + patternLength[p - 1]!;
  return { automaton, patternLength, patternOffset, patternText, headStart, headPattern };
}

/**
 * The patterns behind the heads found in codes[0, length): `heads` holds (head id, end) pairs as the
 * automaton reported them; `into` receives (pattern id, end) for every pattern that is there.
 */
export function confirmHeads(set: PatternSet, codes: Uint16Array, length: number, heads: Hits, into: Hits): void {
  into.count = 0;
  const { automaton, patternLength, patternOffset, patternText, headStart, headPattern } = set;
  const { data, count } = heads;
  for (let i = 0; i < count; i++) {
    const h = data[i * 2]!;
    const headEnd = data[i * 2 + 1]!;
    const start = headEnd - automaton.patternLength[h]!;
    for (let x = headStart[h]!; x < headStart[h + 1]!; x++) {
      const p = headPattern[x]!;
      const end = start + patternLength[p]!;
      if (end > length) continue;
      // The head is there; compare the rest.
      let at = patternOffset[p]! + (headEnd - start);
      let k = headEnd;
      while (k < end && codes[k] === patternText.charCodeAt(at)) {
        k++;
        at++;
      }
      if (k === end) into.push(p, end);
    }
  }
}
