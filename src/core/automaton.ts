// Aho–Corasick automaton over normalised UTF-16 code units.
//
// Built once from every pattern of every enabled rule; one pass over the text finds all of them,
// so matching time grows with the text, not with the number of rules. Stored in flat typed arrays.
// Characters map to a small alphabet of the characters that occur in patterns. Up to DENSE_LIMIT
// table entries the automaton is a full DFA (one table read per character); beyond that (many
// thousands of rules) a dense root row plus sorted sparse edges and failure links keep memory
// proportional to the patterns.

export interface Automaton {
  /** Code unit → alphabet class (0: the unit occurs in no pattern). */
  readonly alpha: Uint16Array;
  readonly rootNext: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeClass: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  /** Pattern id ending at this state, or -1. */
  readonly pattern: Int32Array;
  /** First state at or above this one on the failure chain that ends a pattern, or -1. */
  readonly firstOut: Int32Array;
  /** Next pattern-ending state on the failure chain, or -1. */
  readonly dictLink: Int32Array;
  readonly patternLength: Int32Array;
  readonly states: number;
  /**
   * Full DFA, or null when sparse. From row r (a state premultiplied by 2^shift) on class a the entry
   * dfa[r + a] is the next row, or its bitwise complement (negative) when that state ends a pattern:
   * one table read per character, and the rare hit costs the branch.
   */
  readonly dfa: Int32Array | null;
  readonly shift: number;
}

/** Largest full DFA table, in entries (4 bytes each). */
const DENSE_LIMIT = 1 << 21;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const alpha = new Uint16Array(65536);
  let classes = 0;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (alpha[c] === 0) alpha[c] = ++classes;
    }
  }
  if (classes > 65535) throw new Error('alphabet too large');

  // Trie with Map children while building.
  const children: Map<number, number>[] = [new Map()];
  const patternAt: number[] = [-1];
  const patternLength = new Int32Array(patterns.length);
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const a = alpha[p.charCodeAt(i)]!;
      let t = children[s]!.get(a);
      if (t === undefined) {
        t = children.length;
        children.push(new Map());
        patternAt.push(-1);
        children[s]!.set(a, t);
      }
      s = t;
    }
    patternAt[s] = id;
    patternLength[id] = p.length;
  });

  const states = children.length;
  const fail = new Int32Array(states);
  const firstOut = new Int32Array(states).fill(-1);
  const dictLink = new Int32Array(states).fill(-1);
  const rootNext = new Int32Array(classes + 1);
  for (const [a, t] of children[0]!) rootNext[a] = t;

  const step = (s: number, a: number): number => {
    while (s !== 0) {
      const t = children[s]!.get(a);
      if (t !== undefined) return t;
      s = fail[s]!;
    }
    return rootNext[a]!;
  };

  // Breadth-first: a state's failure target is always shallower, so it is complete when needed.
  const queue: number[] = [...children[0]!.values()];
  for (const t of queue) {
    fail[t] = 0;
    firstOut[t] = patternAt[t]! >= 0 ? t : -1;
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (const [a, t] of children[s]!) {
      const f = step(fail[s]!, a);
      fail[t] = f;
      const inherited = firstOut[f]!;
      firstOut[t] = patternAt[t]! >= 0 ? t : inherited;
      if (patternAt[t]! >= 0) dictLink[t] = inherited;
      queue.push(t);
    }
  }

  const edgeStart = new Int32Array(states + 1);
  let edges = 0;
  for (let s = 0; s < states; s++) {
    edgeStart[s] = edges;
    edges += children[s]!.size;
  }
  edgeStart[states] = edges;
  const edgeClass = new Uint16Array(edges);
  const edgeTarget = new Int32Array(edges);
  for (let s = 0; s < states; s++) {
    const sorted = [...children[s]!].sort((x, y) => x[0] - y[0]);
    let e = edgeStart[s]!;
    for (const [a, t] of sorted) {
      edgeClass[e] = a;
      edgeTarget[e++] = t;
    }
  }

  // Full DFA when it is small enough: rows of 2^shift entries so a state's row start is a shift away.
  let shift = 0;
  while (1 << shift < classes + 1) shift++;
  let dfa: Int32Array | null = null;
  if (states << shift <= DENSE_LIMIT) {
    dfa = new Int32Array(states << shift);
    const entry = (t: number) => (firstOut[t]! >= 0 ? ~(t << shift) : t << shift);
    for (const [a, t] of children[0]!) dfa[a] = entry(t);
    for (const s of queue) {
      const row = s << shift;
      const failRow = fail[s]! << shift;
      for (let a = 1; a <= classes; a++) {
        const t = children[s]!.get(a);
        dfa[row + a] = t !== undefined ? entry(t) : dfa[failRow + a]!;
      }
    }
  }

  return {
    dfa,
    shift,
    alpha,
    rootNext,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    pattern: Int32Array.from(patternAt),
    firstOut,
    dictLink,
    patternLength,
    states,
  };
}

/** Growable list of (pattern id, end index exclusive) pairs. */
export class Hits {
  data = new Int32Array(256);
  count = 0;
  push(pattern: number, end: number): void {
    if (this.count * 2 + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.count * 2] = pattern;
    this.data[this.count * 2 + 1] = end;
    this.count++;
  }
}

/** Every occurrence of every pattern in codes[0, length). Overlapping occurrences are all reported. */
export function scan(auto: Automaton, codes: Uint16Array, length: number, hits: Hits): void {
  if (auto.dfa) scanDense(auto, auto.dfa, codes, length, hits);
  else scanSparse(auto, codes, length, hits);
}

function scanDense(auto: Automaton, dfa: Int32Array, codes: Uint16Array, length: number, hits: Hits): void {
  const { alpha, shift } = auto;
  hits.count = 0;
  let row = 0;
  for (let i = 0; i < length; i++) {
    row = dfa[row + alpha[codes[i]!]!]!;
    if (row < 0) {
      row = ~row;
      collectHits(auto, row >> shift, i + 1, hits);
    }
  }
}

/** Every pattern that ends at `state`, reported as ending at `end` (exclusive). */
export function collectHits(auto: Automaton, state: number, end: number, hits: Hits): void {
  for (let o = auto.firstOut[state]!; o >= 0; o = auto.dictLink[o]!) hits.push(auto.pattern[o]!, end);
}

function scanSparse(auto: Automaton, codes: Uint16Array, length: number, hits: Hits): void {
  const { alpha, rootNext, edgeStart, edgeClass, edgeTarget, fail, pattern, firstOut, dictLink } = auto;
  hits.count = 0;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const a = alpha[codes[i]!]!;
    if (a === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      if (s === 0) {
        s = rootNext[a]!;
        break;
      }
      let t = -1;
      for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++) {
        const ec = edgeClass[e]!;
        if (ec === a) {
          t = edgeTarget[e]!;
          break;
        }
        if (ec > a) break;
      }
      if (t >= 0) {
        s = t;
        break;
      }
      s = fail[s]!;
    }
    let o = firstOut[s]!;
    while (o >= 0) {
      hits.push(pattern[o]!, i + 1);
      o = dictLink[o]!;
    }
  }
}
