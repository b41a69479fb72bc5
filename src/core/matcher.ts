// Lists → one compiled matcher → findings.
//
// compile() turns every form, exclusion and language cue of every enabled list into patterns of one
// Aho–Corasick automaton. find() normalises a block of text once, scans it once, and then filters the
// few raw hits: word boundaries, compounds, exclusions, case, language, overlaps. Offsets in findings
// point into the caller's original text.
import { buildAutomaton, Hits, scan, type Automaton } from './automaton';
import { buildPatternSet, confirmHeads, type PatternSet } from './heads';
import { isWordCode, unitEnd } from './chars';
import { exclusionForms, nearForms, surfaceForms } from './forms';
import { decideLanguage, LANGUAGE_CUES } from './language';
import type { CompoundPosition, RuleList, Technique } from './list-schema';
import { exactText, foldText, mayMatch, normalize, normalizeAndScan, visibleText } from './normalize';
import { sentenceBounds } from './sentence';
import { signalsFor, type NearSignal, type Signal } from './signals';

/** What matching needs to know of a rule (the explanation and sources stay with the list). */
export interface CompiledRule {
  readonly listId: string;
  readonly ruleId: string;
  readonly term: string;
  readonly technique: Technique;
  readonly severity: 1 | 2 | 3;
  readonly language: string;
  readonly compound: CompoundPosition;
  /** For `case: "exact"` rules: the forms in their written case, folded by exactText(). */
  readonly exactForms?: readonly string[];
}

/**
 * Everything a matcher is made of, in flat arrays: built once (in the background), stored, and
 * turned back into a matcher in every tab without compiling again (see serialize.ts).
 */
export interface MatcherTables {
  /** Every form and exclusion of every rule, folded: pattern p is one of them (see heads.ts). */
  readonly patterns: PatternSet;
  readonly rules: readonly CompiledRule[];
  /** Entries of pattern p: entryStart[p]..entryStart[p+1] into entryKind / entryRule. */
  readonly entryStart: Int32Array;
  /**
   * 0: a form of the rule; 1: an exclusion of the rule; 2: a context word of the rule (`near`), a
   * whole word; 3: a context word written with a final hyphen ("Kriegs-"), the start of a word.
   */
  readonly entryKind: Uint8Array;
  readonly entryRule: Int32Array;
  /** Per pattern: bit 1 set when it starts with a word character, bit 2 when it ends with one. */
  readonly patternEdges: Uint8Array;
  /** Problems with individual rules that were left out (malformed forms). */
  readonly problems: readonly string[];
}

export interface Finding {
  listId: string;
  ruleId: string;
  term: string;
  technique: Technique;
  severity: 1 | 2 | 3;
  /** The language of the rule's list. */
  language: string;
  /** Offsets into the text given to find(); `match` is exactly text.slice(start, end). */
  start: number;
  end: number;
  match: string;
  signals: Signal[];
  /** For a rule with context words: the one that let it count here (see `near` in rules/README.md). */
  near?: NearSignal;
}

export interface FindOptions {
  /** Language of the text when the page says (a `lang` attribute). Otherwise it is detected. */
  lang?: string;
  /** Used when the text is too short to detect its language. */
  fallbackLang?: string;
  headline?: boolean;
  /** Skip context signals, to compute them later with signalsFor() only where they are shown. */
  signals?: boolean;
}

export interface Matcher {
  readonly tables: MatcherTables;
  readonly problems: readonly string[];
  find(text: string, options?: FindOptions): Finding[];
  /** The language find() would use for this text without a `lang`, if it can tell. */
  detectLanguage(text: string): string | undefined;
}

const MATCH = 0;
const EXCLUDE = 1;
const NEAR = 2;
const NEAR_START = 3;
const STARTS_WORD = 1;
const ENDS_WORD = 2;

export function compile(lists: readonly RuleList[]): Matcher {
  return matcherFrom(compileTables(lists));
}

export function matcherFrom(tables: MatcherTables): Matcher {
  return new CompiledMatcher(tables);
}

export function compileTables(lists: readonly RuleList[]): MatcherTables {
  const rules: CompiledRule[] = [];
  const problems: string[] = [];
  const patternIds = new Map<string, number>();
  const entries: [kind: number, rule: number][][] = [];
  const add = (form: string, kind: number, rule: number) => {
    const folded = foldText(form);
    if (!folded) return;
    let id = patternIds.get(folded);
    if (id === undefined) {
      id = entries.length;
      patternIds.set(folded, id);
      entries.push([]);
    }
    entries[id]!.push([kind, rule]);
  };

  for (const list of lists) {
    for (const rule of list.rules) {
      const forms = surfaceForms(rule);
      const exclusions = exclusionForms(rule);
      const near = nearForms(rule);
      if (typeof forms === 'string' || typeof exclusions === 'string' || typeof near === 'string') {
        problems.push(`list "${list.id}", rule "${rule.id}": ${[forms, exclusions, near].find((f) => typeof f === 'string')}`);
        continue;
      }
      const index = rules.length;
      rules.push({
        listId: list.id,
        ruleId: rule.id,
        term: rule.term,
        technique: rule.technique,
        severity: rule.severity,
        language: list.language,
        compound: rule.compound ?? 'none',
        ...(rule.case === 'exact' ? { exactForms: [...new Set(forms.map(exactText))] } : {}),
      });
      for (const form of forms) add(form, MATCH, index);
      for (const form of exclusions) add(form, EXCLUDE, index);
      // "Kriegs-": every word it starts (Kriegsgebiet, Kriegsende); "Krieg": that word alone, not
      // kriegen. Read folded, so that any dash variant at the end counts as the hyphen.
      for (const form of near) {
        const folded = foldText(form);
        add(folded.replace(/-+$/, ''), /-$/.test(folded) ? NEAR_START : NEAR, index);
      }
    }
  }
  const patterns = [...patternIds.keys()];
  const entryStart = new Int32Array(patterns.length + 1);
  entries.forEach((list, p) => (entryStart[p + 1] = entryStart[p]! + list.length));
  const entryKind = new Uint8Array(entryStart[patterns.length]!);
  const entryRule = new Int32Array(entryStart[patterns.length]!);
  entries.forEach((list, p) =>
    list.forEach(([kind, rule], i) => {
      entryKind[entryStart[p]! + i] = kind;
      entryRule[entryStart[p]! + i] = rule;
    }),
  );
  const patternEdges = Uint8Array.from(
    patterns,
    (p) => (isWordCode(p.charCodeAt(0)) ? STARTS_WORD : 0) | (isWordCode(p.charCodeAt(p.length - 1)) ? ENDS_WORD : 0),
  );
  return { patterns: buildPatternSet(patterns), rules, entryStart, entryKind, entryRule, patternEdges, problems };
}

/**
 * Patterns no rule in `lang` (in any language, without one) reports: ignored[p] === 1. Exclusions
 * only take findings away, and context words only let a rule's own forms count.
 */
export function patternsIgnoredIn(tables: MatcherTables, lang: string | undefined): Uint8Array {
  const { entryStart, entryKind, entryRule, rules } = tables;
  // Each rule's language compared once, not once per entry: every frame runs this in cold code.
  const ruleIn = Uint8Array.from(rules, (r) => (lang === undefined || r.language === lang ? 1 : 0));
  const count = entryStart.length - 1;
  const ignored = new Uint8Array(count).fill(1);
  for (let p = 0; p < count; p++) {
    for (let x = entryStart[p]!, end = entryStart[p + 1]!; x < end; x++) {
      if (entryKind[x] === MATCH && ruleIn[entryRule[x]!] === 1) {
        ignored[p] = 0;
        break;
      }
    }
  }
  return ignored;
}

// Language cue words get an automaton of their own: most text comes with a `lang`, and then
// they would only slow the rule scan down.
const CUE_WORDS = Object.entries(LANGUAGE_CUES).flatMap(([lang, words]) => words.map((word) => ({ lang, word: foldText(word) })));
let cueAutomaton: Automaton | undefined;
/** Enough text to tell German from English; more only costs time. */
const DETECT_CHARS = 2000;

interface Candidate {
  rule: number;
  /** Normalised offsets of the form itself. */
  coreStart: number;
  coreEnd: number;
  /** Normalised offsets of what is reported (the whole compound for compound rules). */
  start: number;
  end: number;
  /** The context word that let it count (rules with `near` only). */
  near?: NearHit;
}

class CompiledMatcher implements Matcher {
  /** What the automaton found (heads), and the patterns confirmed behind them. */
  private readonly heads = new Hits();
  private readonly hits = new Hits();
  private readonly automaton: Automaton;
  private readonly rules: readonly CompiledRule[];
  private readonly exact: (ReadonlySet<string> | undefined)[];
  /** The languages of the rules: text declared in any other is not read at all. */
  private readonly languages: ReadonlySet<string>;
  /** Per declared language, and '' for text without one: what the quick check passes over (see patternsIgnoredIn). */
  private readonly ignoredIn = new Map<string, Uint8Array>();
  /** Rules with context words: found only in a sentence that has one of them. */
  private readonly needsNear: Uint8Array;

  constructor(readonly tables: MatcherTables) {
    this.automaton = tables.patterns.automaton;
    this.rules = tables.rules;
    this.exact = tables.rules.map((r) => (r.exactForms ? new Set(r.exactForms) : undefined));
    this.languages = new Set(tables.rules.map((r) => r.language));
    this.needsNear = new Uint8Array(tables.rules.length);
    const { entryKind, entryRule } = tables;
    for (let x = 0; x < entryKind.length; x++) if (entryKind[x]! >= NEAR) this.needsNear[entryRule[x]!] = 1;
  }

  get problems(): readonly string[] {
    return this.tables.problems;
  }

  private readonly cueHits = new Hits();

  detectLanguage(text: string): string | undefined {
    const norm = normalize(text);
    return this.languageOf(norm.codes, norm.length);
  }

  private languageOf(codes: Uint16Array, length: number): string | undefined {
    cueAutomaton ??= buildAutomaton(CUE_WORDS.map((c) => c.word));
    const end = Math.min(length, DETECT_CHARS);
    scan(cueAutomaton, codes, end, this.cueHits);
    const counts = new Map<string, number>();
    const { data, count } = this.cueHits;
    for (let h = 0; h < count; h++) {
      const cue = CUE_WORDS[data[h * 2]!]!;
      const stop = data[h * 2 + 1]!;
      const start = stop - cue.word.length;
      if (start > 0 && isWordCode(codes[start - 1]!)) continue;
      if (stop < end && isWordCode(codes[stop]!)) continue;
      counts.set(cue.lang, (counts.get(cue.lang) ?? 0) + 1);
    }
    return decideLanguage(counts);
  }

  find(text: string, options: FindOptions = {}): Finding[] {
    // No rule in the language the page declares: nothing to read.
    if (options.lang !== undefined && !this.languages.has(options.lang)) return [];
    const key = options.lang ?? '';
    let ignored = this.ignoredIn.get(key);
    if (!ignored) this.ignoredIn.set(key, (ignored = patternsIgnoredIn(this.tables, options.lang)));
    if (!mayMatch(text, this.tables.patterns, ignored)) return [];
    const { codes, length, map } = normalizeAndScan(text, this.automaton, this.heads);
    if (this.heads.count === 0) return [];
    confirmHeads(this.tables.patterns, codes, length, this.heads, this.hits);
    if (this.hits.count === 0) return [];
    const lang = options.lang ?? this.languageOf(codes, length) ?? options.fallbackLang;

    const candidates: Candidate[] = [];
    let exclusions: { rule: number; start: number; end: number }[] | undefined;
    let near: NearHit[] | undefined;
    const { data, count } = this.hits;
    const { entryStart, entryKind, entryRule, patternEdges } = this.tables;
    const { patternLength } = this.tables.patterns;
    for (let h = 0; h < count; h++) {
      const pattern = data[h * 2]!;
      const end = data[h * 2 + 1]!;
      const start = end - patternLength[pattern]!;
      const edges = patternEdges[pattern]!;
      const wordBefore = (edges & STARTS_WORD) !== 0 && start > 0 && isWordCode(codes[start - 1]!);
      const wordAfter = (edges & ENDS_WORD) !== 0 && end < length && isWordCode(codes[end]!);
      for (let x = entryStart[pattern]!; x < entryStart[pattern + 1]!; x++) {
        const rule = entryRule[x]!;
        const compiled = this.rules[rule]!;
        if (lang !== undefined && compiled.language !== lang) continue;
        if (entryKind[x] === EXCLUDE) {
          // Exclusions are written out in full and cancel whatever they overlap, even inside a longer word.
          (exclusions ??= []).push({ rule, start, end });
          continue;
        }
        if (entryKind[x] === NEAR || entryKind[x] === NEAR_START) {
          const standsAlone = !wordBefore && (entryKind[x] === NEAR_START || !wordAfter);
          (near ??= []).push({ rule, start, end, wordEnd: extendRight(codes, end, length), standsAlone });
          continue;
        }
        const compound = compiled.compound;
        if (wordBefore && compound !== 'head' && compound !== 'any') continue;
        if (wordAfter && compound !== 'modifier' && compound !== 'any') continue;
        let s = start;
        let e = end;
        // The whole compound is reported, on the side(s) the rule lets it extend to.
        if (compound === 'head' || compound === 'any') s = extendLeft(codes, s);
        if (compound === 'modifier' || compound === 'any') e = extendRight(codes, e, length);
        candidates.push({ rule, coreStart: start, coreEnd: end, start: s, end: e });
      }
    }
    if (!candidates.length) return [];

    const kept = candidates.filter((c) => {
      if (exclusions?.some((x) => x.rule === c.rule && x.start < c.coreEnd && c.coreStart < x.end)) return false;
      if (this.needsNear[c.rule] === 1) {
        // Kept with the candidate: the finding says which context word let it count.
        c.near = nearInSentence(text, map, c, near);
        if (c.near === undefined) return false;
      }
      const exact = this.exact[c.rule];
      return !exact || exactCaseMatches(text, map[c.coreStart]!, unitEnd(text, map[c.coreEnd - 1]!), exact);
    });

    // Longest wins; then higher severity; then the earlier rule (list order).
    kept.sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        this.rules[b.rule]!.severity - this.rules[a.rule]!.severity ||
        a.rule - b.rule ||
        a.start - b.start,
    );
    const chosen: Candidate[] = [];
    for (const c of kept) {
      if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push(c);
    }
    chosen.sort((a, b) => a.start - b.start);

    return chosen.map((c) => {
      const compiled = this.rules[c.rule]!;
      const start = map[c.start]!;
      const end = unitEnd(text, map[c.end - 1]!);
      const near = c.near === undefined ? undefined : nearSignal(text, map, c, c.near);
      return {
        listId: compiled.listId,
        ruleId: compiled.ruleId,
        term: compiled.term,
        technique: compiled.technique,
        severity: compiled.severity,
        language: compiled.language,
        start,
        end,
        match: text.slice(start, end),
        signals: options.signals === false ? [] : signalsFor(text, start, end, options.headline, compiled.language, near),
        ...(near === undefined ? {} : { near }),
      };
    });
  }
}

interface NearHit {
  rule: number;
  /** Normalised offsets: where the context word was found, and the end of the word it is in. */
  start: number;
  end: number;
  wordEnd: number;
  /** Whether it counts anywhere in the sentence: a whole word, or the start of one for "Kriegs-". */
  standsAlone: boolean;
}

const inside = (n: NearHit, c: Candidate) => n.start >= c.start && n.start < c.end;

/**
 * The rule's context word nearest to candidate c in its sentence (by the gap between them), or
 * undefined. One counts where it stands alone (see NearHit), or anywhere inside the flagged word
 * itself ("Bataillon" in Freiwilligenbataillon).
 */
function nearInSentence(text: string, map: Int32Array, c: Candidate, near: readonly NearHit[] | undefined): NearHit | undefined {
  if (!near) return undefined;
  const sentence = sentenceBounds(text, map[c.start]!, unitEnd(text, map[c.end - 1]!));
  const gap = (n: NearHit) => (n.wordEnd <= c.start ? c.start - n.wordEnd : n.start >= c.end ? n.start - c.end : 0);
  let nearest: NearHit | undefined;
  for (const n of near) {
    if (n.rule !== c.rule || !(n.standsAlone || inside(n, c))) continue;
    if (map[n.start]! < sentence.start || map[n.start]! >= sentence.end) continue;
    if (!nearest || gap(n) < gap(nearest)) nearest = n;
  }
  return nearest;
}

/** Longest context word shown: the signal travels to the popup, which takes words of up to 200. */
const NEAR_WORD_MAX = 100;

/**
 * A context word as the reader sees it: the word it is in, from where it was found ("Kriegsgebiet"
 * for "Kriegs-"); inside the flagged word, only the context word ("bataillon").
 */
function nearSignal(text: string, map: Int32Array, c: Candidate, near: NearHit): NearSignal {
  const inWord = inside(near, c);
  const end = inWord ? near.end : near.wordEnd;
  const word = visibleText(text, map[near.start]!, unitEnd(text, map[end - 1]!)).text;
  return {
    kind: 'near',
    word: word.length > NEAR_WORD_MAX ? `${word.slice(0, NEAR_WORD_MAX - 1)}…` : word,
    ...(inWord ? { inWord: true as const } : {}),
  };
}

/** Compounds extend over letters and over hyphens between letters ("Kanonenfutter-Rhetorik"). */
function extendLeft(codes: Uint16Array, s: number): number {
  while (s > 0 && (isWordCode(codes[s - 1]!) || (codes[s - 1] === 0x2d && s > 1 && isWordCode(codes[s - 2]!)))) s--;
  return s;
}

function extendRight(codes: Uint16Array, e: number, length: number): number {
  while (e < length && (isWordCode(codes[e]!) || (codes[e] === 0x2d && e + 1 < length && isWordCode(codes[e + 1]!)))) e++;
  return e;
}

/** The original spelling must be one of the written forms, or that form capitalised at the start of a sentence. */
function exactCaseMatches(text: string, start: number, end: number, forms: ReadonlySet<string>): boolean {
  const seen = exactText(text.slice(start, end));
  if (forms.has(seen)) return true;
  const lowered = seen.charAt(0).toLowerCase() + seen.slice(1);
  return lowered !== seen && forms.has(lowered) && sentenceInitial(text, start);
}

function sentenceInitial(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start).replace(/[\s"„“”«»‚‘’‹›'(\u00AD\u200B-\u200D]+$/u, '');
  return before === '' || /[.!?:…]$/.test(before);
}
