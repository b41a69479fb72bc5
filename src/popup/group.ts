// Occurrences grouped by rule, in the order each rule first appears on the page.
import { ruleKey, type RuleEntry } from '../shared/describe';
import type { FrameFinding } from './load-findings';

export interface Group extends RuleEntry {
  key: string;
  occurrences: FrameFinding[];
}

export function groupFindings(findings: readonly FrameFinding[], rules: ReadonlyMap<string, RuleEntry>): Group[] {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const key = ruleKey(finding.listId, finding.ruleId);
    const entry = rules.get(key);
    if (!entry) continue; // the list was switched off since the page was scanned
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ...entry, occurrences: [] }));
    group.occurrences.push(finding);
  }
  return [...groups.values()];
}
