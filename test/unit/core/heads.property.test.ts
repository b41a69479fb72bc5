// The automaton holds the patterns' heads and confirms the rest (src/core/heads.ts). It must find
// exactly what an automaton of the whole patterns finds: every occurrence, overlapping ones too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, Hits, scan } from '../../../src/core/automaton';
import { buildPatternSet, confirmHeads, HEAD } from '../../../src/core/heads';
import { foldText, mayMatch, normalizeAndScan } from '../../../src/core/normalize';

const codesOf = (text: string) => Uint16Array.from(text, (c) => c.charCodeAt(0));

/** (pattern, end) pairs, sorted. */
function pairs(hits: Hits): string[] {
  const out: string[] = [];
  for (let i = 0; i < hits.count; i++) out.push(`${hits.data[i * 2]}@${hits.data[i * 2 + 1]}`);
  return out.sort();
}

function both(patterns: string[], text: string) {
  const codes = codesOf(text);
  const whole = new Hits();
  scan(buildAutomaton(patterns), codes, codes.length, whole);
  const set = buildPatternSet(patterns);
  const heads = new Hits();
  scan(set.automaton, codes, codes.length, heads);
  const confirmed = new Hits();
  confirmHeads(set, codes, codes.length, heads, confirmed);
  return { whole: pairs(whole), confirmed: pairs(confirmed) };
}

// Few letters, so that patterns share heads, overlap, and occur in the text; lengths on both sides of HEAD.
const word = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: max });

describe('patterns found by their heads', () => {
  it('are exactly the occurrences an automaton of the whole patterns finds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word(HEAD * 2 + 3), { minLength: 1, maxLength: 25 }), fc.array(word(30), { maxLength: 8 }), (patterns, parts) => {
        // The text is made of patterns and noise, so that long patterns do occur.
        const text = parts.map((part, i) => `${part}${patterns[i % patterns.length]}`).join('');
        const { whole, confirmed } = both(patterns, text);
        expect(confirmed).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('a long pattern cut short at the end of the text, and one differing after its head, are not found', () => {
    const patterns = ['kanonenfutter', 'kanonenfuttermangel', 'kanonenfest', 'kano'];
    // Patterns longer than a head share it; shorter ones are heads of their own.
    const heads = [...new Set(patterns.map((p) => p.slice(0, HEAD)))];
    expect([...buildPatternSet(patterns).automaton.patternLength]).toEqual(heads.map((h) => h.length));
    expect(heads.length).toBeLessThan(patterns.length);
    const text = 'kanonenfuttermange kanonenfesttag kanonenfutter';
    const { whole, confirmed } = both(patterns, text);
    expect(confirmed).toEqual(whole);
    expect(confirmed).toEqual(['0@13', '0@47', '2@30', '3@4', '3@23', '3@38'].sort());
  });
});

describe('the quick check with heads', () => {
  // Pieces that normalisation changes: case, ß and ẞ (two units), soft hyphens and zero-width
  // characters (dropped), runs of white space (one), combining marks (composed).
  const piece = fc.constantFrom('a', 'b', 's', 'S', 'ß', 'ẞ', 'ss', ' ', '  ', '\n', '\u00AD', '\u200B', 'e', 'é', 'e\u0301', 'E\u0301', '-');
  const text = (max: number) => fc.array(piece, { maxLength: max }).map((parts) => parts.join(''));

  it('never says no where the patterns are found', () => {
    // Each pattern is written into the page as raw text (decomposed, with invisible characters…)
    // and given to the automaton folded, as compile() folds a rule's forms.
    fc.assert(
      fc.property(fc.array(text(20), { minLength: 1, maxLength: 10 }), fc.array(text(6), { maxLength: 6 }), (raw, parts) => {
        const patterns = [...new Set(raw.map(foldText).filter(Boolean))];
        fc.pre(patterns.length > 0);
        const page = parts.map((part, i) => `${part}${raw[i % raw.length]}`).join('') + raw[0];
        const set = buildPatternSet(patterns);
        const heads = new Hits();
        const found = new Hits();
        const { codes, length } = normalizeAndScan(page, set.automaton, heads);
        confirmHeads(set, codes, length, heads, found);
        if (found.count > 0) expect(mayMatch(page, set)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
