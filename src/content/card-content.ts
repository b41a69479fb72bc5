// What the card says about one finding.
import type { Finding, Signal } from '../core';
import { describeSignals, type RuleEntry } from '../shared/describe';
import { severityLabel, t, techniqueLabel } from '../shared/i18n';
import type { CardContent } from './card';

export function cardContent(finding: Finding, signals: readonly Signal[], { list, rule }: RuleEntry): CardContent {
  const sameAsTerm = finding.match.replace(/\s+/g, ' ').toLowerCase() === rule.term.toLowerCase();
  return {
    term: rule.term,
    listLanguage: list.language,
    category: techniqueLabel(rule.technique),
    severity: severityLabel(rule.severity),
    ...(sameAsTerm ? {} : { foundAs: t('card_found_as', finding.match.replace(/[\s\u00AD]+/g, (m) => (/\s/.test(m) ? ' ' : ''))) }),
    explanation: rule.explanation,
    howHeading: t('card_how_here'),
    how: describeSignals(signals, t),
    list: t('card_list', list.title),
    more: t('card_more_in_popup'),
  };
}
