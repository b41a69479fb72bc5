// Every rule carries examples that must and must not be flagged; this runs them.
import type { RuleList } from './list-schema';
import { compile } from './matcher';

/** One message per failing example, naming the list, the rule and the example. */
export function checkExamples(list: RuleList, origin = list.id): string[] {
  const problems: string[] = [];
  for (const rule of list.rules) {
    // Each rule alone, so an example is not rescued or spoiled by a neighbouring rule.
    const matcher = compile([{ ...list, rules: [rule] }]);
    const label = `${origin}: rule "${rule.id}"`;
    rule.examples?.flag.forEach((text, i) => {
      if (!matcher.find(text, { lang: list.language }).length) {
        problems.push(`${label} › examples.flag[${i}]: not flagged: "${text}"`);
      }
    });
    rule.examples?.ignore.forEach((text, i) => {
      const found = matcher.find(text, { lang: list.language });
      if (found.length) {
        problems.push(`${label} › examples.ignore[${i}]: flagged "${found[0]!.match}" in "${text}"`);
      }
    });
  }
  return problems;
}
