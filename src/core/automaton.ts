// Aho–Corasick automaton over normalised UTF-16 code units.
//
// Built once from every pattern of every enabled rule; one pass over the text finds all of them,
// so matching time grows with the text, not with the number of rules. Stored in flat typed arrays:
// a dense row for the root (most characters start nothing) and sorted sparse edges elsewhere.

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
}

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

  return {
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
