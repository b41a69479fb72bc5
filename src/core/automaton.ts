// Aho–Corasick automaton over normalised UTF-16 code units.
//
// Built once from every pattern of every enabled rule; one pass over the text finds all of them,
// so matching time grows with the text, not with the number of rules. Stored in flat typed arrays.
//
// Characters map to a small alphabet of the characters that occur in patterns. States are numbered
// breadth first, so the shallow states, where ordinary text spends nearly all its time, come first:
// those get full DFA rows (one table read per character); deeper states, reached only while the
// text follows a pattern, keep sorted sparse edges and fall back along failure links to a dense
// state. Memory stays bounded however many rules there are.

export interface Automaton {
  /** Code unit → alphabet class (0: the unit occurs in no pattern). */
  readonly alpha: Uint16Array;
  /** Row width is 2^shift ≥ number of classes + 1. */
  readonly shift: number;
  /** States [0, dense) have DFA rows. */
  readonly dense: number;
  /**
   * dfa[(s << shift) + a]: the next state from dense state s on class a, or its bitwise complement
   * (negative) when that state ends a pattern, so the rare hit costs one branch.
   */
  readonly dfa: Int32Array;
  /**
   * Sparse edges of every state: edgeStart[s]..edgeStart[s+1] into edgeClass, sorted by class.
   * Numbering is breadth first, so edge e always leads to state e + 1: no target array is needed.
   */
  readonly edgeStart: Int32Array;
  readonly edgeClass: Uint16Array;
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

/** Largest DFA table, in entries (4 bytes each): 256 KB. */
const DENSE_LIMIT = 1 << 16;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const alpha = new Uint16Array(65536);
  let classes = 0;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (alpha[c] === 0) alpha[c] = ++classes;
    }
  }
  let shift = 0;
  while (1 << shift < classes + 1) shift++;

  // Trie in flat arrays while building (insertion numbering): one map from (state, class) to child,
  // not a map per state, keeps building tens of thousands of states cheap.
  const child = new Map<number, number>();
  const parentOf: number[] = [-1];
  const classOf: number[] = [0];
  const patternAt: number[] = [-1];
  const patternLength = new Int32Array(patterns.length);
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const a = alpha[p.charCodeAt(i)]!;
      const key = s * 65536 + a;
      let t = child.get(key);
      if (t === undefined) {
        t = parentOf.length;
        child.set(key, t);
        parentOf.push(s);
        classOf.push(a);
        patternAt.push(-1);
      }
      s = t;
    }
    patternAt[s] = id;
    patternLength[id] = p.length;
  });
  const states = parentOf.length;

  // Children of each old state, grouped by parent (counting sort), each group sorted by class.
  const kidStart = new Int32Array(states + 1);
  for (let t = 1; t < states; t++) kidStart[parentOf[t]! + 1]!++;
  for (let s = 0; s < states; s++) kidStart[s + 1]! += kidStart[s]!;
  const kids = new Int32Array(Math.max(0, states - 1));
  const fill = kidStart.slice(0, states);
  for (let t = 1; t < states; t++) kids[fill[parentOf[t]!]!++] = t;
  for (let s = 0; s < states; s++) {
    const group = kids.subarray(kidStart[s]!, kidStart[s + 1]!);
    if (group.length > 1) group.sort((x, y) => classOf[x]! - classOf[y]!);
  }

  // Number breadth first: order[k] is the building id of state k.
  const order = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const old = order[head]!;
    for (let i = kidStart[old]!; i < kidStart[old + 1]!; i++) order[tail++] = kids[i]!;
  }

  const edgeStart = new Int32Array(states + 1);
  const edgeClass = new Uint16Array(Math.max(0, states - 1));
  const pattern = new Int32Array(states);
  let e = 0;
  for (let k = 0; k < states; k++) {
    const old = order[k]!;
    edgeStart[k] = e;
    pattern[k] = patternAt[old]!;
    for (let i = kidStart[old]!; i < kidStart[old + 1]!; i++) edgeClass[e++] = classOf[kids[i]!]!;
  }
  edgeStart[states] = e;

  return completeAutomaton({ alpha, shift, classes, edgeStart, edgeClass, pattern, patternLength }, null);
}

/** A breadth-first trie: what is stored, and what the rest of the automaton is derived from. */
export interface Trie {
  readonly alpha: Uint16Array;
  readonly shift: number;
  readonly classes: number;
  readonly edgeStart: Int32Array;
  readonly edgeClass: Uint16Array;
  /** Pattern id ending at each state, or -1. */
  readonly pattern: Int32Array;
  readonly patternLength: Int32Array;
}

/** The state edge class `a` leads to from state s, or -1. */
function goto(trie: Trie, s: number, a: number): number {
  const { edgeStart, edgeClass } = trie;
  for (let i = edgeStart[s]!, end = edgeStart[s + 1]!; i < end; i++) {
    if (edgeClass[i] === a) return i + 1;
    if (edgeClass[i]! > a) break;
  }
  return -1;
}

/** Failure links for a trie, breadth first: a state's failure target is shallower, so already done. */
export function failureLinks(trie: Trie): Int32Array {
  const { edgeStart, edgeClass } = trie;
  const states = edgeStart.length - 1;
  const fail = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    for (let i = edgeStart[s]!, end = edgeStart[s + 1]!; i < end; i++) {
      const a = edgeClass[i]!;
      let f = 0;
      if (s !== 0) {
        for (let x = fail[s]!; ; x = fail[x]!) {
          const y = goto(trie, x, a);
          if (y >= 0) {
            f = y;
            break;
          }
          if (x === 0) break;
        }
      }
      fail[i + 1] = f;
    }
  }
  return fail;
}

/** Output links and the dense rows, from a trie and its failure links (computed when null). */
export function completeAutomaton(trie: Trie, knownFail: Int32Array | null): Automaton {
  const { alpha, shift, edgeStart, edgeClass, pattern, patternLength } = trie;
  const states = edgeStart.length - 1;
  const fail = knownFail ?? failureLinks(trie);
  const firstOut = new Int32Array(states).fill(-1);
  const dictLink = new Int32Array(states).fill(-1);
  if (pattern[0]! >= 0) firstOut[0] = 0;
  for (let t = 1; t < states; t++) {
    const inherited = firstOut[fail[t]!]!;
    firstOut[t] = pattern[t]! >= 0 ? t : inherited;
    if (pattern[t]! >= 0) dictLink[t] = inherited;
  }

  // DFA rows for the first (shallowest) states.
  const dense = Math.max(1, Math.min(states, DENSE_LIMIT >> shift));
  // A state's row is its failure target's row with its own edges written over it. That target is
  // shallower, hence dense too and already filled in; copying it is native, where asking every class
  // of every state (tens of thousands of lookups) cost each tab milliseconds of cold script.
  const dfa = new Int32Array(dense << shift);
  for (let s = 0; s < dense; s++) {
    const row = s << shift;
    if (s !== 0) dfa.copyWithin(row, fail[s]! << shift, (fail[s]! + 1) << shift);
    for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++) {
      const t = e + 1;
      dfa[row + edgeClass[e]!] = firstOut[t]! >= 0 ? ~t : t;
    }
  }

  return { alpha, shift, dense, dfa, edgeStart, edgeClass, fail, pattern, firstOut, dictLink, patternLength, states };
}

/**
 * One transition from state s on class a: the next state, or its complement when it ends a pattern.
 * Deep (sparse) states follow failure links until an edge or a dense state answers.
 */
export function step(auto: Automaton, s: number, a: number): number {
  const { dense, dfa, shift, edgeStart, edgeClass, fail, firstOut } = auto;
  if (a === 0) return 0;
  for (;;) {
    if (s < dense) return dfa[(s << shift) + a]!;
    for (let i = edgeStart[s]!, end = edgeStart[s + 1]!; i < end; i++) {
      const c = edgeClass[i]!;
      if (c === a) {
        const t = i + 1;
        return firstOut[t]! >= 0 ? ~t : t;
      }
      if (c > a) break;
    }
    s = fail[s]!;
  }
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

/** Every pattern that ends at `state`, reported as ending at `end` (exclusive). */
export function collectHits(auto: Automaton, state: number, end: number, hits: Hits): void {
  for (let o = auto.firstOut[state]!; o >= 0; o = auto.dictLink[o]!) hits.push(auto.pattern[o]!, end);
}

/** Every occurrence of every pattern in codes[0, length). Overlapping occurrences are all reported. */
export function scan(auto: Automaton, codes: Uint16Array, length: number, hits: Hits): void {
  const { alpha, dense, dfa, shift } = auto;
  hits.count = 0;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const a = alpha[codes[i]!]!;
    let v = s < dense ? dfa[(s << shift) + a]! : step(auto, s, a);
    if (v < 0) {
      v = ~v;
      collectHits(auto, v, i + 1, hits);
    }
    s = v;
  }
}
