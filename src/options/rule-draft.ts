// A rule as the form holds it (text fields, one item per line) and back, with errors per field.
import { ruleSchema, type Rule } from '../core';
import { t } from '../shared/i18n';

export interface RuleDraft {
  id: string;
  term: string;
  forms: string;
  inflect: string;
  compound: string;
  case: string;
  exclude: string;
  near: string;
  technique: string;
  severity: string;
  explanation: string;
  alternatives: string;
  legitimate: string;
  sources: { title: string; url: string }[];
  flag: string;
  ignore: string;
  /** The lists of the rule being edited, as stored: what ruleFromDraft() keeps where the form's text is untouched. */
  kept?: Partial<Record<ListField, readonly string[]>>;
}

/** Fields that hold a list, one item per line in the form. */
type ListField = 'forms' | 'exclude' | 'near' | 'alternatives' | 'flag' | 'ignore';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** An id from a term: lowercase letters, digits and hyphens ("Kiewer Regime" → "kiewer-regime"). */
export function suggestId(term: string): string {
  return term
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export function draftFromRule(rule: Partial<Rule> = {}): RuleDraft {
  return {
    id: rule.id ?? '',
    term: rule.term ?? '',
    forms: (rule.match ?? []).join('\n'),
    inflect: rule.inflect ?? 'none',
    compound: rule.compound ?? 'none',
    case: rule.case ?? 'insensitive',
    exclude: (rule.exclude ?? []).join('\n'),
    near: (rule.near ?? []).join('\n'),
    technique: rule.technique ?? 'loaded-language',
    severity: String(rule.severity ?? 2),
    explanation: rule.explanation ?? '',
    alternatives: (rule.alternatives ?? []).join('\n'),
    legitimate: rule.legitimate ?? '',
    sources: rule.sources?.map((s) => ({ ...s })) ?? [{ title: '', url: '' }],
    flag: (rule.examples?.flag ?? []).join('\n'),
    ignore: (rule.examples?.ignore ?? []).join('\n'),
    kept: { forms: rule.match, exclude: rule.exclude, near: rule.near, alternatives: rule.alternatives, flag: rule.examples?.flag, ignore: rule.examples?.ignore },
  };
}

/**
 * A list field's items: one per line of its text, or, while the text is as the form first showed
 * it, the rule's own items. An item may hold a line break (an imported list can), and a rule saved
 * unchanged must stay as it was, not be split into more items.
 */
function items(d: RuleDraft, field: ListField): string[] {
  const kept = d.kept?.[field];
  return kept && d[field] === kept.join('\n') ? [...kept] : lines(d[field]);
}

/** The rule as the list format has it; optional fields left out when empty. */
export function ruleFromDraft(d: RuleDraft): Record<string, unknown> {
  const rule: Record<string, unknown> = {
    id: d.id.trim() || suggestId(d.term),
    term: d.term.trim(),
    technique: d.technique,
    severity: Number(d.severity),
    explanation: d.explanation.trim(),
    sources: d.sources.filter((s) => s.title.trim() || s.url.trim()).map((s) => ({ title: s.title.trim(), url: s.url.trim() })),
  };
  const [forms, exclude, near, alternatives, flag, ignore] = (['forms', 'exclude', 'near', 'alternatives', 'flag', 'ignore'] as const).map((f) => items(d, f));
  if (forms!.length) rule.match = forms;
  if (d.inflect !== 'none') rule.inflect = d.inflect;
  if (d.compound !== 'none') rule.compound = d.compound;
  if (d.case !== 'insensitive') rule.case = d.case;
  if (exclude!.length) rule.exclude = exclude;
  if (near!.length) rule.near = near;
  if (alternatives!.length) rule.alternatives = alternatives;
  if (d.legitimate.trim()) rule.legitimate = d.legitimate.trim();
  if (flag!.length || ignore!.length) rule.examples = { flag, ignore };
  return rule;
}

/** Which form field a schema path belongs to. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  if (first === 'match') return 'forms';
  if (first === 'examples') return second === 'ignore' ? 'ignore' : 'flag';
  if (first === 'sources' && typeof second === 'number') return `sources.${second}.${String(third ?? 'title')}`;
  return String(first ?? 'rule');
}

export interface Checked {
  rule?: Rule;
  /** Enough of the rule to match with (the preview runs before explanation and sources are done). */
  matchable?: Rule;
  errors: Record<string, string>;
}

const MATCHING_FIELDS = new Set(['id', 'term', 'forms', 'inflect', 'compound', 'case', 'exclude', 'near', 'flag', 'ignore']);

export function checkDraft(d: RuleDraft, otherIds: readonly string[]): Checked {
  const parsed = ruleSchema.safeParse(ruleFromDraft(d));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= issue.message;
    }
    const blocking = Object.keys(errors).some((field) => MATCHING_FIELDS.has(field));
    if (blocking) return { errors };
    const stand = ruleSchema.safeParse({
      ...ruleFromDraft(d),
      technique: 'loaded-language',
      severity: 2,
      explanation: '…',
      sources: [{ title: '…', url: 'https://example.org/' }],
    });
    return stand.success ? { errors, matchable: stand.data } : { errors };
  }
  if (otherIds.includes(parsed.data.id)) return { errors: { id: t('options_rule_id_taken', parsed.data.id) } };
  return { rule: parsed.data, matchable: parsed.data, errors };
}
