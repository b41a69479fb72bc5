// Patterns found by their heads.
//
// The automaton holds only each pattern's first HEAD units (its head); an occurrence of a head is
// then confirmed by comparing the rest of its patterns with the text that follows (mayMatch() does
// it as it reads, find() on the normalised text). Every frame of every page unpacks, checks and
// completes the automaton before its first scan, in cold code: the shipped lists' 4,853 patterns
// average 23 units, and their trie had 43,009 states; their 1,010 heads of 8 take 4,549, and what
// every frame reads from storage halved (619 K to 315 K characters). Unpacking took 8 ms less
// (npm run bench:ab, 30 alternating loads). Shorter heads are found more often in ordinary text
// ("menschen" heads "Menschenmaterial"); of 3,000 news paragraphs, 101 have a whole pattern's
// match somewhere, 108 with heads of 6 and 101 with heads of 8 still say yes at the quick check.
//
// Every occurrence of a pattern is an occurrence of its head at the same start, and the automaton
// reports every occurrence of every head: confirmation finds exactly what a whole-pattern
// automaton finds.
import { buildAutomaton, type Automaton, type Hits } from './automaton';

/** Units of a pattern the automaton holds. */
export const HEAD = 8;

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
  return {
    automaton: buildAutomaton([...headIds.keys()]),
    patternLength,
    patternOffset: offsetsOf(patternLength),
    patternText: patterns.join(''),
    headStart,
    headPattern,
  };
}

/** Where each pattern starts in the concatenated text: the running sum of the lengths. */
export function offsetsOf(patternLength: Int32Array): Int32Array {
  const offsets = new Int32Array(patternLength.length);
  for (let p = 1; p < patternLength.length; p++) offsets[p] = offsets[p - 1]! + patternLength[p - 1]!;
  return offsets;
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
