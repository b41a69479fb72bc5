// chrome.i18n has no plural forms: one rule gets a message of its own ("1 rule", "1 Regel").
import { t } from '../shared/i18n';

export const ruleCount = (count: number): string => (count === 1 ? t('options_rules_one') : t('options_rules', count));
