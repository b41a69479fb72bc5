// Checks a shipped or shared list should pass beyond the schema: complete entries and no term
// claimed twice within a language. Used by the tests, `eval:lists` and `check-lists`.
import { foldText } from './normalize';
import { surfaceForms } from './forms';
import type { RuleList } from './list-schema';

/** Rules a reader would find thin: no examples either way, or a one-line explanation. */
export function completenessProblems(list: RuleList, origin = list.id): string[] {
  const problems: string[] = [];
  for (const rule of list.rules) {
    const missing = [
      !rule.examples?.flag.length && 'examples.flag',
      !rule.examples?.ignore.length && 'examples.ignore',
      rule.explanation.length < 120 && 'an explanation of at least 120 characters',
    ].filter(Boolean);
    if (missing.length) problems.push(`${origin}: rule "${rule.id}" › needs ${missing.join(', ')}`);
  }
  return problems;
}

/** The same normalised form in two rules of the same language. */
export function duplicateForms(lists: readonly RuleList[]): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const list of lists) {
    for (const rule of list.rules) {
      const forms = surfaceForms(rule);
      if (typeof forms === 'string') continue;
      const owner = `${list.id}/${rule.id}`;
      for (const form of new Set(forms.map(foldText))) {
        const key = `${list.language}:${form}`;
        const earlier = owners.get(key);
        if (earlier && earlier !== owner) problems.push(`duplicate form "${form}" (${list.language}) in ${earlier} and ${owner}`);
        else owners.set(key, owner);
      }
    }
  }
  return problems;
}
