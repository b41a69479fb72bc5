// Words for what the core found: shared by the hover card, the popup and the command line, so all
// say the same thing. Browser-free: the caller passes its way of looking up interface strings.
import type messages from '../../public/_locales/en/messages.json';
import type { Rule, RuleList, Signal, Technique } from '../core';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export function describeSignal(signal: Signal, t: Translate): string {
  switch (signal.kind) {
    case 'quoted':
      return t(signal.style === 'term' ? 'signal_quoted_term' : 'signal_quoted_passage', signal.open, signal.close);
    case 'distanced':
      return t('signal_distanced', signal.word);
    case 'reported':
      return signal.speaker ? t('signal_reported_speaker', signal.speaker) : t('signal_reported', signal.cue);
    case 'headline':
      return t('signal_headline');
    case 'near':
      return t(signal.inWord ? 'signal_near_in_word' : 'signal_near', signal.word);
  }
}

/**
 * One line per signal; a line saying there are none when none tells how the word stands (a context
 * word says why it is flagged here, not whose wording it is).
 */
export function describeSignals(signals: readonly Signal[], t: Translate): string[] {
  const lines = signals.map((s) => describeSignal(s, t));
  return signals.some((s) => s.kind !== 'near') ? lines : [t('signal_none'), ...lines];
}

export const techniqueName = (technique: Technique, t: Translate) => t(`technique_${technique.replaceAll('-', '_')}` as MessageKey);
export const severityName = (severity: 1 | 2 | 3, t: Translate) => t(`severity_${severity}`);

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
