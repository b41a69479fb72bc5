// Deterministic synthetic rule lists for benchmarks: plausible German-looking words, inflected
// and compounded like real rules, none of them real terms.
import type { RuleList } from '../../src/core';

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'k', 'kl', 'kr', 'l', 'm', 'n', 'p', 'pf', 'r', 's', 'sch', 'schw', 'sp', 'st', 't', 'tr', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'ei', 'au', 'ie'];
const CODAS = ['', 'n', 'r', 'l', 'st', 'ng', 'rt', 'nd', 'ß', 'ck', 'tz', 'm'];

/** A small seeded PRNG (mulberry32): the same lists on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRules(count: number, seed = 42): RuleList {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const seen = new Set<string>();
  const rules: RuleList['rules'] = [];
  while (rules.length < count) {
    const syllables = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (seen.has(word)) continue;
    seen.add(word);
    const term = word[0]!.toUpperCase() + word.slice(1);
    const kind = next();
    rules.push({
      id: `r${rules.length}`,
      term,
      ...(kind < 0.15 ? { match: [`${term} ${pick(['Regime', 'Presse', 'Elite', 'Politik'])}`] } : {}),
      inflect: kind < 0.5 ? 'de-noun-strong' : kind < 0.8 ? 'de-noun-weak' : 'de-adjective',
      ...(kind > 0.9 ? { compound: 'modifier' as const } : {}),
      technique: 'loaded-language',
      severity: (1 + Math.floor(next() * 3)) as 1 | 2 | 3,
      explanation: 'Generated for benchmarks.',
      sources: [{ title: 'none', url: 'https://example.org/' }],
    });
  }
  return { format: 'wortlupe-list/1', id: `generated-${count}`, title: 'Generated', language: 'de', version: '1', rules };
}
