// The options page's "Find a term": which rules to show for what the reader typed. A rule is found
// when its term or one of the forms it matches contains the text, compared without case, accents or
// ß (a reader who saw "Freiwilligen" flagged finds the rule "freiwillig"; one without umlauts on the
// keyboard finds "Flüchtlingswelle" by "fluchtlings").
import { surfaceForms, type Rule, type RuleList } from '../core';

export function foldForFind(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

// Lists are the same objects until they change: their forms are worked out once, not per keystroke.
const folded = new WeakMap<Rule, string[]>();

function wordsOf(rule: Rule): string[] {
  let words = folded.get(rule);
  if (!words) {
    const forms = surfaceForms(rule);
    // A rule whose forms cannot be worked out is still found by its term.
    words = [rule.term, ...(typeof forms === 'string' ? [] : forms)].map(foldForFind);
    folded.set(rule, words);
  }
  return words;
}

/** Ids of the rules of `list` found by `query`; undefined when the query is empty (every rule shows). */
export function rulesFound(list: RuleList, query: string): ReadonlySet<string> | undefined {
  const wanted = foldForFind(query);
  if (!wanted) return undefined;
  return new Set(list.rules.filter((rule) => wordsOf(rule).some((word) => word.includes(wanted))).map((rule) => rule.id));
}
