// The options page's "Find a term": which rules to show for what the reader typed. A rule is found
// when its term or one of the forms it matches contains the text, or the text contains one of its
// forms (a compound such as "Asylantenheim" is flagged by the rule "Asylant"). Text is compared as
// the matcher compares it (case, ß, quotes, dashes, soft hyphens: foldText) and without accents, so
// "Freiwilligen" finds "freiwillig"; and, for readers without umlauts on the keyboard, once more
// with ae, oe, ue read as a, o, u ("Fluechtlings" finds "Flüchtlingswelle"). That second reading is
// only an addition: it would lose "el" in "Israel" ("isral") if it were the only one.
import { foldText, surfaceForms, type Rule, type RuleList } from '../core';

/** The text as compared: folded as the matcher folds it, and without accents. */
export function foldForFind(text: string): string {
  return foldText(text).normalize('NFD').replace(/\p{M}/gu, '');
}

/** The same with ae, oe and ue read as the umlauts they stand for (and then without accents). */
const withoutUmlautSpelling = (folded: string): string => folded.replace(/([aou])e/g, '$1');

/** A form this short inside what was typed says little ("SA" is in "Sachsen"): it must contain the text instead. */
const SHORTEST_FORM_IN_QUERY = 4;

/** Every word of a rule in both readings. */
interface Words {
  plain: string[];
  spelled: string[];
}

// Lists are the same objects until they change: their forms are worked out once, not per keystroke.
const folded = new WeakMap<Rule, Words>();

function wordsOf(rule: Rule): Words {
  let words = folded.get(rule);
  if (!words) {
    const forms = surfaceForms(rule);
    // A rule whose forms cannot be worked out is still found by its term.
    const plain = [rule.term, ...(typeof forms === 'string' ? [] : forms)].map(foldForFind);
    words = { plain, spelled: plain.map(withoutUmlautSpelling) };
    folded.set(rule, words);
  }
  return words;
}

const finds = (wanted: string) => (word: string) => word.includes(wanted) || (word.length >= SHORTEST_FORM_IN_QUERY && wanted.includes(word));

/**
 * What `query` finds: for a list, the ids of its rules found. Undefined when the query folds to
 * nothing: then nothing is being found, and every rule shows. The query is folded once, here.
 */
export function finderFor(query: string): ((list: RuleList) => ReadonlySet<string>) | undefined {
  const plain = foldForFind(query);
  if (!plain) return undefined;
  const spelled = withoutUmlautSpelling(plain);
  // Only a query that spells an umlaut out is read the second way: "el" is not "l".
  const found = (rule: Rule) => {
    const words = wordsOf(rule);
    return words.plain.some(finds(plain)) || (spelled !== plain && words.spelled.some(finds(spelled)));
  };
  return (list) => new Set(list.rules.filter(found).map((rule) => rule.id));
}
