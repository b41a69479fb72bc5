// The core's messages (src/core/messages.ts) in the words of public/_locales, so a list error reads in
// the browser's language. Browser-free: the caller passes its way of looking up interface strings.
// The English locale says exactly what the core's own English says (test/unit/i18n.test.ts).
import type { CoreMessages } from '../core';
import type { Translate } from './describe';

export function coreMessagesFrom(t: Translate): CoreMessages {
  return {
    rule: (label) => t('core_rule', label),
    list: () => t('core_list'),
    missing: () => t('core_missing'),
    mustBe: (kind) => t(`core_must_be_${kind}`),
    unknownFields: (keys) =>
      t(keys.length > 1 ? 'core_unknown_fields' : 'core_unknown_field', keys.map((key) => t('core_quoted', key)).join(', ')),
    notJson: (detail) => t('core_not_json', detail),

    id: () => t('core_id'),
    empty: () => t('core_empty'),
    atMostChars: (max) => t('core_at_most_chars', max),
    atMostItems: (max) => t('core_at_most_items', max),
    https: () => t('core_https'),
    letterOrDigit: () => t('core_letter_or_digit'),
    atLeastOneForm: () => t('core_at_least_one_form'),
    atMostForms: (max) => t('core_at_most_forms', max),
    atMostExclusions: (max) => t('core_at_most_exclusions', max),
    atMostNear: (max) => t('core_at_most_near', max),
    oneOf: (values) => t('core_one_of', values.join(', ')),
    either: (first, second) => t('core_either', first, second),
    severity: () => t('core_severity'),
    atLeastOneSource: () => t('core_at_least_one_source'),
    format: (expected) => t('core_format', expected),
    language: () => t('core_language'),
    atMostRules: (max) => t('core_at_most_rules', max),
    duplicateId: (id) => t('core_duplicate_id', id),

    closeWithoutOpen: (form) => t('core_brace_close_without_open', form),
    openWithoutClose: (form) => t('core_brace_open_without_close', form),
    nestedBrace: (form) => t('core_brace_nested', form),
    tooManyExpansions: (form, max) => t('core_too_many_expansions', form, max),
  };
}
