// A compiled matcher as plain JSON, so it can be built once (in the background) and stored, and
// every tab turns it back into a matcher without compiling again.
//
// What comes back from storage is checked before use: the envelope with zod, the tables for the
// invariants the scanning loops rely on (every index in range, failure links pointing to shallower
// states). A damaged table could otherwise send a loop out of bounds or round in circles.
//
// Every frame's content script builds this envelope schema at start: zod/mini builds it with a
// fraction of classic zod's work (see ./zod).
import { completeAutomaton } from './automaton';
import { COMPOUND_POSITIONS, TECHNIQUES } from './list-schema';
import { patternSetFrom } from './heads';
import type { CompiledRule, MatcherTables } from './matcher';
import { z } from './zod';

// A matcher stored by an older version is refused, and the tab compiles its lists itself until the
// background republishes. 2: exactForms are folded by exactText() (ß → ss, quote and dash variants).
// 3: rules stored column by column: fewer, simpler values for every tab to check.
// 4: the automaton holds the patterns' heads; the patterns are stored whole beside it (heads.ts).
// 5: an entry may be a rule's context word (`near`): kind 2 a whole word, 3 the start of one.
export const MATCHER_FORMAT = 'wortlupe-matcher/5';

// Only the heads' trie and its failure links are stored; output links and dense rows are derived
// again (a few milliseconds), which keeps what every tab reads from storage small.
const ARRAYS = {
  /** Children per state (breadth first); edge offsets are their running sum. */
  childCount: Uint16Array,
  edgeClass: Uint16Array,
  fail: Int32Array,
  /** Pairs (state, head id) for every state that ends a head. */
  patternEnds: Int32Array,
  headLength: Int32Array,
  /** Patterns of head h: headPattern[headStart[h]..headStart[h + 1]]. */
  headStart: Int32Array,
  headPattern: Int32Array,
  /** Per pattern; the patterns themselves are `patternText`, one after the other. */
  patternLength: Int32Array,
  entryStart: Int32Array,
  entryKind: Uint8Array,
  entryRule: Int32Array,
  patternEdges: Uint8Array,
  /** Per rule: index into `lists`, the indexes of its technique and compound position, its severity. */
  ruleList: Uint16Array,
  ruleTechnique: Uint8Array,
  ruleCompound: Uint8Array,
  ruleSeverity: Uint8Array,
} as const;
type ArrayName = keyof typeof ARRAYS;

/**
 * An array of strings, none longer than `max`, checked in one call: every tab checks the rules'
 * ids and terms (hundreds) in cold code, where a schema per element cost milliseconds.
 */
const shortStrings = (max: number) =>
  z.custom<string[]>(
    (value) => {
      if (!Array.isArray(value)) return false;
      // Indexes, not every(): every() passes over the holes of a sparse array.
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'string' || item.length > max) return false;
      }
      return true;
    },
    { error: `expected an array of strings of at most ${max} characters` },
  );

// Built on the first unpack (z.lazy), not while every frame's content script is evaluated: the
// evaluation is one task with the compile, the longest one the extension has.
const serializedSchema = z.lazy(() =>
  z.object({
    format: z.literal(MATCHER_FORMAT),
    /** Characters of the alphabet in class order: class i + 1 is alphabet[i]. */
    alphabet: z.string().check(z.maxLength(65535)),
    shift: z.int().check(z.minimum(0), z.maximum(16)),
    arrays: z.object(Object.fromEntries(Object.keys(ARRAYS).map((k) => [k, z.string()])) as Record<ArrayName, z.ZodMiniString>),
    patternText: z.string(),
    /** The lists the rules come from, with their language. */
    lists: z.array(z.object({ id: z.string().check(z.maxLength(64)), language: z.string().check(z.maxLength(3)) })),
    /** Per rule, in rule order. */
    ruleIds: shortStrings(64),
    terms: shortStrings(200),
    /** Rule index → its exact forms, for the few `case: "exact"` rules. */
    exactForms: z.record(z.string().check(z.regex(/^\d+$/)), z.array(z.string())),
    problems: z.array(z.string()),
  }),
);
export type SerializedMatcher = z.infer<typeof serializedSchema>;

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function serializeTables(tables: MatcherTables): SerializedMatcher {
  const set = tables.patterns;
  const a = set.automaton;
  const childCount = new Uint16Array(a.states);
  for (let s = 0; s < a.states; s++) childCount[s] = a.edgeStart[s + 1]! - a.edgeStart[s]!;
  const ends: number[] = [];
  for (let s = 0; s < a.states; s++) if (a.pattern[s]! >= 0) ends.push(s, a.pattern[s]!);
  const lists: { id: string; language: string }[] = [];
  const listIndex = new Map<string, number>();
  const rules = tables.rules;
  const ruleList = new Uint16Array(rules.length);
  const exactForms: Record<string, string[]> = {};
  rules.forEach((r, i) => {
    const key = `${r.listId}\n${r.language}`;
    let at = listIndex.get(key);
    if (at === undefined) listIndex.set(key, (at = lists.push({ id: r.listId, language: r.language }) - 1));
    ruleList[i] = at;
    if (r.exactForms) exactForms[i] = [...r.exactForms];
  });
  const source: Record<ArrayName, { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }> = {
    childCount,
    edgeClass: a.edgeClass,
    fail: a.fail,
    patternEnds: Int32Array.from(ends),
    headLength: a.patternLength,
    headStart: set.headStart,
    headPattern: set.headPattern,
    patternLength: set.patternLength,
    entryStart: tables.entryStart,
    entryKind: tables.entryKind,
    entryRule: tables.entryRule,
    patternEdges: tables.patternEdges,
    ruleList,
    ruleTechnique: Uint8Array.from(rules, (r) => TECHNIQUES.indexOf(r.technique)),
    ruleCompound: Uint8Array.from(rules, (r) => COMPOUND_POSITIONS.indexOf(r.compound)),
    ruleSeverity: Uint8Array.from(rules, (r) => r.severity),
  };
  const arrays = Object.fromEntries(
    Object.entries(source).map(([name, arr]) => [name, toBase64(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength))]),
  ) as Record<ArrayName, string>;
  const classes: string[] = [];
  for (let c = 0; c < 65536; c++) if (a.alpha[c]) classes[a.alpha[c]! - 1] = String.fromCharCode(c);
  return {
    format: MATCHER_FORMAT,
    alphabet: classes.join(''),
    shift: a.shift,
    arrays,
    patternText: set.patternText,
    lists,
    ruleIds: rules.map((r) => r.ruleId),
    terms: rules.map((r) => r.term),
    exactForms,
    problems: [...tables.problems],
  };
}

/** The tables stored by serializeTables(), checked; throws an Error saying what is wrong. */
export function deserializeTables(value: unknown): MatcherTables {
  const parsed = serializedSchema.safeParse(value);
  if (!parsed.success) throw new Error(`stored matcher: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const s = parsed.data;
  const arrays = {} as { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> };
  for (const name of Object.keys(ARRAYS) as ArrayName[]) {
    const bytes = fromBase64(s.arrays[name]);
    const Type = ARRAYS[name];
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT) throw new Error(`stored matcher: ${name} has a broken length`);
    (arrays as Record<string, unknown>)[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / Type.BYTES_PER_ELEMENT);
  }
  const classes = s.alphabet.length;
  const alpha = new Uint16Array(65536);
  for (let i = 0; i < classes; i++) {
    if (alpha[s.alphabet.charCodeAt(i)]) throw new Error('stored matcher: alphabet repeats a character');
    alpha[s.alphabet.charCodeAt(i)] = i + 1;
  }
  const problem = checkStored(arrays, classes, s.shift, s.ruleIds.length) ?? checkPatterns(arrays, s.patternText) ?? checkRules(arrays, s);
  if (problem) throw new Error(`stored matcher: ${problem}`);
  const states = arrays.childCount.length;
  const edgeStart = new Int32Array(states + 1);
  for (let st = 0; st < states; st++) edgeStart[st + 1] = edgeStart[st]! + arrays.childCount[st]!;
  const pattern = new Int32Array(states).fill(-1);
  for (let i = 0; i < arrays.patternEnds.length; i += 2) pattern[arrays.patternEnds[i]!] = arrays.patternEnds[i + 1]!;
  const automaton = completeAutomaton(
    { alpha, shift: s.shift, classes, edgeStart, edgeClass: arrays.edgeClass, pattern, patternLength: arrays.headLength },
    arrays.fail,
  );
  const { headStart, headPattern, patternLength } = arrays;
  return {
    patterns: patternSetFrom(automaton, patternLength, s.patternText, headStart, headPattern),
    rules: s.ruleIds.map((ruleId, i): CompiledRule => {
      const list = s.lists[arrays.ruleList[i]!]!;
      const exactForms = s.exactForms[i];
      return {
        listId: list.id,
        ruleId,
        term: s.terms[i]!,
        technique: TECHNIQUES[arrays.ruleTechnique[i]!]!,
        severity: arrays.ruleSeverity[i] as CompiledRule['severity'],
        language: list.language,
        compound: COMPOUND_POSITIONS[arrays.ruleCompound[i]!]!,
        ...(exactForms ? { exactForms } : {}),
      };
    }),
    entryStart: arrays.entryStart,
    entryKind: arrays.entryKind,
    entryRule: arrays.entryRule,
    patternEdges: arrays.patternEdges,
    problems: s.problems,
  };
}

/**
 * The invariants the automaton and find() rely on; the first one broken, or undefined.
 * Every tab runs this once on cold (interpreted) code over tens of thousands of states, so each
 * array is read in as few passes as possible and through locals.
 */
function checkStored(t: { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> }, classes: number, shift: number, rules: number): string | undefined {
  const { childCount, edgeClass, fail, patternEnds, headLength, patternLength, entryStart, entryKind, entryRule, patternEdges } = t;
  const states = childCount.length;
  const heads = headLength.length;
  const patterns = patternLength.length;
  if (states < 1 || 1 << shift <= classes) return 'sizes';
  if (edgeClass.length !== states - 1 || fail.length !== states) return 'edge arrays';
  // One pass over the edges: classes in range and strictly increasing within a state (the lookups
  // stop early on that), and the depth of every state (breadth first, edge e leads to state e + 1).
  const depth = new Int32Array(states);
  let e = 0;
  for (let s = 0; s < states; s++) {
    const end = e + childCount[s]!;
    if (end > states - 1) return 'edge arrays';
    const d = depth[s]! + 1;
    for (let last = 0; e < end; e++) {
      const c = edgeClass[e]!;
      if (c <= last || c > classes) return 'edges out of order';
      last = c;
      depth[e + 1] = d;
    }
  }
  if (e !== states - 1) return 'edge arrays';
  if (fail[0] !== 0) return 'failure links';
  for (let s = 1; s < states; s++) {
    const f = fail[s]!;
    if (!(f >= 0 && f < s)) return 'failure links';
  }
  // A head's length is the depth of the state it ends at: find() counts back from the end by it.
  if (patternEnds.length % 2) return 'pattern ends';
  const ended = new Uint8Array(states);
  for (let i = 0; i < patternEnds.length; i += 2) {
    const s = patternEnds[i]!;
    const h = patternEnds[i + 1]!;
    if (!(s > 0 && s < states) || ended[s] || !(h >= 0 && h < heads)) return 'pattern ends';
    if (headLength[h] !== depth[s]) return 'pattern lengths';
    ended[s] = 1;
  }
  if (entryStart.length !== patterns + 1 || patternEdges.length !== patterns) return 'entry arrays';
  if (entryStart[0] !== 0 || entryStart[patterns] !== entryKind.length || entryRule.length !== entryKind.length) return 'entry offsets';
  for (let p = 0; p < patterns; p++) if (entryStart[p + 1]! < entryStart[p]!) return 'entry offsets';
  for (let i = 0; i < entryKind.length; i++) if (entryKind[i]! > 3) return 'entries out of range';
  for (let i = 0; i < entryRule.length; i++) {
    const r = entryRule[i]!;
    if (!(r >= 0 && r < rules)) return 'entries out of range';
  }
  return undefined;
}

/**
 * The patterns behind the heads: each pattern under exactly one head, never shorter than its head
 * (confirmHeads() compares from the head's end on), and the text as long as the lengths say.
 */
function checkPatterns(t: { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> }, patternText: string): string | undefined {
  const { headLength, headStart, headPattern, patternLength } = t;
  const heads = headLength.length;
  const patterns = patternLength.length;
  if (headStart.length !== heads + 1 || headStart[0] !== 0 || headStart[heads] !== patterns || headPattern.length !== patterns) return 'pattern heads';
  const placed = new Uint8Array(patterns);
  for (let h = 0; h < heads; h++) {
    const end = headStart[h + 1]!;
    if (end < headStart[h]!) return 'pattern heads';
    for (let x = headStart[h]!; x < end; x++) {
      const p = headPattern[x]!;
      if (!(p >= 0 && p < patterns) || placed[p] || patternLength[p]! < headLength[h]!) return 'pattern heads';
      placed[p] = 1;
    }
  }
  let total = 0;
  for (let p = 0; p < patterns; p++) {
    if (patternLength[p]! < 1) return 'pattern lengths';
    total += patternLength[p]!;
  }
  return total === patternText.length ? undefined : 'pattern text';
}

/** The rule columns: one entry per rule in each, every index naming something that exists. */
function checkRules(t: { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> }, s: SerializedMatcher): string | undefined {
  const rules = s.ruleIds.length;
  const { ruleList, ruleTechnique, ruleCompound, ruleSeverity } = t;
  if (s.terms.length !== rules || ruleList.length !== rules || ruleTechnique.length !== rules || ruleCompound.length !== rules || ruleSeverity.length !== rules) {
    return 'rule columns';
  }
  for (let i = 0; i < rules; i++) {
    if (ruleList[i]! >= s.lists.length || ruleTechnique[i]! >= TECHNIQUES.length || ruleCompound[i]! >= COMPOUND_POSITIONS.length) return 'rule columns';
    if (ruleSeverity[i]! < 1 || ruleSeverity[i]! > 3) return 'rule columns';
  }
  for (const key of Object.keys(s.exactForms)) if (Number(key) >= rules) return 'rule columns';
  return undefined;
}
