// A compiled matcher as plain JSON, so it can be built once (in the background) and stored, and
// every tab turns it back into a matcher without compiling again.
//
// What comes back from storage is checked before use: the envelope with zod, the tables for the
// invariants the scanning loops rely on (every index in range, failure links pointing to shallower
// states). A damaged table could otherwise send a loop out of bounds or round in circles.
import { z } from 'zod';
import type { Automaton } from './automaton';
import { COMPOUND_POSITIONS, TECHNIQUES } from './list-schema';
import type { CompiledRule, MatcherTables } from './matcher';

export const MATCHER_FORMAT = 'wortlupe-matcher/1';

const ARRAYS = {
  dfa: Int32Array,
  edgeStart: Int32Array,
  edgeClass: Uint16Array,
  edgeTarget: Int32Array,
  fail: Int32Array,
  pattern: Int32Array,
  firstOut: Int32Array,
  dictLink: Int32Array,
  patternLength: Int32Array,
  entryStart: Int32Array,
  entryKind: Uint8Array,
  entryRule: Int32Array,
  patternEdges: Uint8Array,
} as const;
type ArrayName = keyof typeof ARRAYS;

const ruleSchema = z.object({
  listId: z.string().max(64),
  ruleId: z.string().max(64),
  term: z.string().max(200),
  technique: z.enum(TECHNIQUES),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  language: z.string().max(3),
  compound: z.enum(COMPOUND_POSITIONS),
  exactForms: z.array(z.string()).optional(),
});

const serializedSchema = z.object({
  format: z.literal(MATCHER_FORMAT),
  /** Characters of the alphabet in class order: class i + 1 is alphabet[i]. */
  alphabet: z.string().max(65535),
  shift: z.number().int().min(0).max(16),
  dense: z.number().int().min(1),
  arrays: z.object(Object.fromEntries(Object.keys(ARRAYS).map((k) => [k, z.string()])) as Record<ArrayName, z.ZodString>),
  rules: z.array(ruleSchema),
  problems: z.array(z.string()),
});
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
  const a = tables.automaton;
  const source: Record<ArrayName, ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }> = {
    dfa: a.dfa,
    edgeStart: a.edgeStart,
    edgeClass: a.edgeClass,
    edgeTarget: a.edgeTarget,
    fail: a.fail,
    pattern: a.pattern,
    firstOut: a.firstOut,
    dictLink: a.dictLink,
    patternLength: a.patternLength,
    entryStart: tables.entryStart,
    entryKind: tables.entryKind,
    entryRule: tables.entryRule,
    patternEdges: tables.patternEdges,
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
    dense: a.dense,
    arrays,
    rules: tables.rules.map(({ exactForms, ...r }) => ({ ...r, ...(exactForms ? { exactForms: [...exactForms] } : {}) })),
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
  const automaton: Automaton = {
    alpha,
    shift: s.shift,
    dense: s.dense,
    dfa: arrays.dfa,
    edgeStart: arrays.edgeStart,
    edgeClass: arrays.edgeClass,
    edgeTarget: arrays.edgeTarget,
    fail: arrays.fail,
    pattern: arrays.pattern,
    firstOut: arrays.firstOut,
    dictLink: arrays.dictLink,
    patternLength: arrays.patternLength,
    states: arrays.fail.length,
  };
  const tables: MatcherTables = {
    automaton,
    rules: s.rules as CompiledRule[],
    entryStart: arrays.entryStart,
    entryKind: arrays.entryKind,
    entryRule: arrays.entryRule,
    patternEdges: arrays.patternEdges,
    problems: s.problems,
  };
  const problem = checkTables(tables, classes);
  if (problem) throw new Error(`stored matcher: ${problem}`);
  return tables;
}

/** The invariants scan(), step() and find() rely on; the first one broken, or undefined. */
function checkTables(t: MatcherTables, classes: number): string | undefined {
  const a = t.automaton;
  const states = a.states;
  const patterns = a.patternLength.length;
  const within = (arr: ArrayLike<number>, lo: number, hi: number) => {
    for (let i = 0; i < arr.length; i++) if (!(arr[i]! >= lo && arr[i]! < hi)) return false;
    return true;
  };
  if (states < 1 || (1 << a.shift) <= classes) return 'sizes';
  if (a.pattern.length !== states || a.firstOut.length !== states || a.dictLink.length !== states) return 'state arrays differ in length';
  if (a.edgeStart.length !== states + 1 || a.edgeClass.length !== states - 1 || a.edgeTarget.length !== states - 1) return 'edge arrays';
  if (a.dense > states || a.dfa.length !== a.dense << a.shift) return 'dense table size';
  if (a.edgeStart[0] !== 0 || a.edgeStart[states] !== states - 1) return 'edge offsets';
  for (let s = 0; s < states; s++) if (a.edgeStart[s + 1]! < a.edgeStart[s]!) return 'edge offsets';
  if (!within(a.edgeClass, 1, classes + 1) || !within(a.edgeTarget, 1, states)) return 'edges out of range';
  if (a.fail[0] !== 0) return 'failure links';
  for (let s = 1; s < states; s++) if (!(a.fail[s]! >= 0 && a.fail[s]! < s)) return 'failure links';
  for (let s = 0; s < states; s++) {
    if (!(a.firstOut[s]! >= -1 && a.firstOut[s]! <= s) || !(a.dictLink[s]! >= -1 && a.dictLink[s]! < Math.max(s, 1))) return 'output links';
    if (!(a.pattern[s]! >= -1 && a.pattern[s]! < patterns)) return 'patterns out of range';
    if (a.firstOut[s]! >= 0 && a.pattern[a.firstOut[s]!]! < 0) return 'output links';
  }
  for (let i = 0; i < a.dfa.length; i++) {
    const v = a.dfa[i]! < 0 ? ~a.dfa[i]! : a.dfa[i]!;
    if (v >= states) return 'dense table out of range';
  }
  if (t.entryStart.length !== patterns + 1 || t.patternEdges.length !== patterns) return 'entry arrays';
  if (t.entryStart[0] !== 0 || t.entryStart[patterns] !== t.entryKind.length || t.entryRule.length !== t.entryKind.length) return 'entry offsets';
  for (let p = 0; p < patterns; p++) if (t.entryStart[p + 1]! < t.entryStart[p]!) return 'entry offsets';
  if (!within(t.entryKind, 0, 2) || !within(t.entryRule, 0, t.rules.length)) return 'entries out of range';
  return undefined;
}
