// The options page's "Find a term": which rules to show for what the reader typed. A rule is found
// when its term or one of the forms it matches contains the text, or the text contains one of its
// forms (a compound such as "Asylantenheim" is flagged by the rule "Asylant"). Both sides are
// compared as the matcher compares text (case, ß, quotes, dashes, soft hyphens: foldText), and
// without accents, with ae, oe, ue read as a, o, u: a reader who saw "Freiwilligen" flagged finds
// "freiwillig", one without umlauts on the keyboard finds "Flüchtlingswelle" by "Fluechtlings".
import { foldText, surfaceForms, type Rule, type RuleList } from '../core';

export function foldForFind(text: string): string {
  return foldText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/g, '$1');
}

/** A form this short inside what was typed says little ("SA" is in "Sachsen"): it must contain the text instead. */
const SHORTEST_FORM_IN_QUERY = 4;

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
  const found = (word: string) => word.includes(wanted) || (word.length >= SHORTEST_FORM_IN_QUERY && wanted.includes(word));
  return new Set(list.rules.filter((rule) => wordsOf(rule).some(found)).map((rule) => rule.id));
}
