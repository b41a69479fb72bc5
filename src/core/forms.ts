// From a rule's written forms to every surface form the matcher looks for.
//
// Two mechanisms, both finite and explicit (no prefix matching, no user regular expressions):
// - braces: "militärische{,n} Spezialoperation" → "militärische Spezialoperation", "militärischen Spezialoperation"
// - a word class (`inflect`) that adds the regular endings to the last word of each form.
import type { Inflection } from './list-schema';
import { coreMessages } from './messages';

export const MAX_EXPANSIONS = 256;

/** Expand `{a,b,c}` groups (not nested). Returns an error message for malformed input. */
export function expandBraces(form: string): string[] | string {
  let results = [''];
  let i = 0;
  while (i < form.length) {
    const open = form.indexOf('{', i);
    const close = form.indexOf('}', i);
    if (open === -1) {
      if (close !== -1) return coreMessages().closeWithoutOpen(form);
      results = results.map((r) => r + form.slice(i));
      break;
    }
    if (close !== -1 && close < open) return coreMessages().closeWithoutOpen(form);
    const end = form.indexOf('}', open);
    if (end === -1) return coreMessages().openWithoutClose(form);
    const inner = form.slice(open + 1, end);
    if (inner.includes('{')) return coreMessages().nestedBrace(form);
    const options = inner.split(',');
    const prefix = form.slice(i, open);
    const next: string[] = [];
    for (const r of results) for (const option of options) next.push(r + prefix + option);
    if (next.length > MAX_EXPANSIONS) return coreMessages().tooManyExpansions(form, MAX_EXPANSIONS);
    results = next;
    i = end + 1;
  }
  return results;
}

/** Endings for the last word of a form, by word class. */
export function inflect(form: string, inflection: Inflection): string[] {
  const m = /^(.*?)([\p{L}\p{N}]+)$/u.exec(form);
  if (!m || inflection === 'none') return [form];
  const head = m[1]!;
  const word = m[2]!;
  const lower = word.toLowerCase();
  const endings = (list: string[]) => list.map((e) => head + word + e);
  switch (inflection) {
    case 'de-adjective':
      // Adjectives, participles and nouns made from them (freiwillig → der Freiwillige, die Freiwilligen, ein Freiwilliger).
      return lower.endsWith('e') ? endings(['', 'n', 'r', 's', 'm']) : endings(['', 'e', 'en', 'er', 'es', 'em']);
    case 'de-noun-weak':
      // Weak masculines and most feminines: one extra form in -n/-en (Faschist → Faschisten, Operation → Operationen).
      return /(e|el|er)$/.test(lower) ? endings(['', 'n']) : endings(['', 'en']);
    case 'de-noun-strong':
      // Strong masculines and neuters: genitive -s/-es, dative plural -n. Umlaut plurals go in `match`.
      if (/(e)$/.test(lower)) return endings(['', 's']);
      if (/(er|el|en|chen|lein)$/.test(lower)) return endings(['', 's', 'n']);
      if (/(s|ß|x|z)$/.test(lower)) return endings(['', 'es', 'e', 'en']);
      return endings(['', 's', 'es', 'e', 'en']);
    case 'en-noun':
      if (/[^aeiou]y$/.test(lower)) return [form, head + word.slice(0, -1) + 'ies'];
      if (/(s|x|z|ch|sh)$/.test(lower)) return endings(['', 'es']);
      return endings(['', 's']);
    case 'en-verb': {
      if (/[^aeiou]y$/.test(lower)) {
        const stem = head + word.slice(0, -1);
        return [form, stem + 'ies', stem + 'ied', form + 'ing'];
      }
      if (lower.endsWith('e')) return [form, form + 's', form + 'd', head + word.slice(0, -1) + 'ing'];
      if (/(s|x|z|ch|sh)$/.test(lower)) return endings(['', 'es', 'ed', 'ing']);
      return endings(['', 's', 'ed', 'ing']);
    }
  }
}

/** Every surface form of a rule (original case, deduplicated), or the first error. */
export function surfaceForms(rule: { term: string; match?: readonly string[]; inflect?: Inflection }): string[] | string {
  const forms = new Set<string>();
  for (const written of rule.match ?? [rule.term]) {
    const expanded = expandBraces(written);
    if (typeof expanded === 'string') return expanded;
    for (const form of expanded) for (const f of inflect(form.trim(), rule.inflect ?? 'none')) forms.add(f);
  }
  return [...forms];
}

/** Exclusion phrases are expanded but never inflected: they are written out as they occur. */
export function exclusionForms(rule: { exclude?: readonly string[] }): string[] | string {
  return writtenOut(rule.exclude);
}

/** Context words (`near`) too: written out, found as they occur. */
export function nearForms(rule: { near?: readonly string[] }): string[] | string {
  return writtenOut(rule.near);
}

/** Phrases expanded but not inflected, or the first error. */
function writtenOut(phrases: readonly string[] | undefined): string[] | string {
  const forms: string[] = [];
  for (const written of phrases ?? []) {
    const expanded = expandBraces(written);
    if (typeof expanded === 'string') return expanded;
    forms.push(...expanded.map((f) => f.trim()).filter(Boolean));
  }
  return forms;
}
