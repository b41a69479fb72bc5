// Words for what the core found: shared by the hover card and the popup so both say the same thing.
import type { Rule, RuleList, Signal } from '../core';
import { t } from './i18n';

export function describeSignal(signal: Signal): string {
  switch (signal.kind) {
    case 'quoted':
      return t(signal.style === 'term' ? 'signal_quoted_term' : 'signal_quoted_passage', signal.open, signal.close);
    case 'distanced':
      return t('signal_distanced', signal.word);
    case 'reported':
      return signal.speaker ? t('signal_reported_speaker', signal.speaker) : t('signal_reported', signal.cue);
    case 'headline':
      return t('signal_headline');
  }
}

/** One line per signal; a line saying there are none when there are none. */
export function describeSignals(signals: readonly Signal[]): string[] {
  return signals.length ? signals.map(describeSignal) : [t('signal_none')];
}

export interface RuleEntry {
  list: RuleList;
  rule: Rule;
}

export const ruleKey = (listId: string, ruleId: string) => `${listId}/${ruleId}`;

export function indexRules(lists: readonly RuleList[]): Map<string, RuleEntry> {
  const index = new Map<string, RuleEntry>();
  for (const list of lists) for (const rule of list.rules) index.set(ruleKey(list.id, rule.id), { list, rule });
  return index;
}
