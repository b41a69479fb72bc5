// Writing or editing one rule: every field checked as the reader types, with a preview that runs
// the rule's examples and any text they paste.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COMPOUND_POSITIONS, INFLECTIONS, TECHNIQUES, type Rule } from '../../core';
import { severityLabel, t, techniqueLabel, type MessageKey } from '../../shared/i18n';
import { checkDraft, draftFromRule, suggestId, type RuleDraft } from '../rule-draft';
import { Field, fieldId } from './Field';
import { Preview } from './Preview';

interface Props {
  rule?: Partial<Rule>;
  language: string;
  otherIds: readonly string[];
  onSave: (rule: Rule) => void;
  onCancel: () => void;
  /** The reader changed a field: from then on, closing the editor would lose their work. */
  onTouch: () => void;
}

export function RuleForm({ rule, language, otherIds, onSave, onCancel, onTouch }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftFromRule(rule));
  const [touched, setTouched] = useState(false);
  const [idEdited, setIdEdited] = useState(Boolean(rule?.id));
  const checked = useMemo(() => checkDraft(draft, otherIds), [draft, otherIds]);
  const ids = useMemo(
    () => Object.fromEntries(['id', 'term', 'forms', 'inflect', 'compound', 'case', 'exclude', 'near', 'technique', 'severity', 'explanation', 'alternatives', 'legitimate', 'flag', 'ignore'].map((f) => [f, fieldId(f)])),
    [],
  );
  // Opened (Add rule, Edit, the context menu): the reader goes on typing in it.
  const term = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => term.current?.focus(), []);
  const touch = () => {
    setTouched(true);
    onTouch();
  };
  const set = (field: keyof RuleDraft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    touch();
    setDraft((d) => ({ ...d, [field]: value, ...(field === 'term' && !idEdited ? { id: suggestId(value) } : {}) }));
  };
  const error = (field: string) => (touched ? checked.errors[field] : undefined);
  const described = (field: string) => ({ 'aria-describedby': `${ids[field]}-error`, 'aria-invalid': Boolean(error(field)) });

  return (
    <form
      class="rule-form"
      aria-label={t('options_rule_form')}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (checked.rule) onSave(checked.rule);
      }}
    >
      <div class="grid">
        <Field id={ids.term!} label={t('field_term')} error={error('term')} hint={t('hint_term')}>
          <input id={ids.term} name="term" ref={term} value={draft.term} onInput={set('term')} {...described('term')} />
        </Field>
        <Field id={ids.id!} label={t('field_id')} error={error('id')}>
          <input
            id={ids.id}
            name="id"
            value={draft.id}
            onInput={(e) => {
              setIdEdited(true);
              set('id')(e);
            }}
            {...described('id')}
          />
        </Field>
        <Field id={ids.forms!} label={t('field_forms')} error={error('forms')} hint={t('hint_forms')}>
          <textarea id={ids.forms} name="forms" rows={3} value={draft.forms} onInput={set('forms')} {...described('forms')} />
        </Field>
        <Field id={ids.exclude!} label={t('field_exclude')} error={error('exclude')} hint={t('hint_exclude')}>
          <textarea id={ids.exclude} name="exclude" rows={3} value={draft.exclude} onInput={set('exclude')} {...described('exclude')} />
        </Field>
        <Field id={ids.near!} label={t('field_near')} error={error('near')} hint={t('hint_near')}>
          <textarea id={ids.near} name="near" rows={3} value={draft.near} onInput={set('near')} {...described('near')} />
        </Field>
        <Field id={ids.inflect!} label={t('field_inflect')} error={error('inflect')}>
          <select id={ids.inflect} name="inflect" value={draft.inflect} onChange={set('inflect')}>
            {INFLECTIONS.map((i) => (
              <option key={i} value={i}>
                {t(`inflect_${i.replaceAll('-', '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.compound!} label={t('field_compound')} error={error('compound')}>
          <select id={ids.compound} name="compound" value={draft.compound} onChange={set('compound')}>
            {COMPOUND_POSITIONS.map((c) => (
              <option key={c} value={c}>
                {t(`compound_${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.case!} label={t('field_case')} error={error('case')}>
          <select id={ids.case} name="case" value={draft.case} onChange={set('case')}>
            <option value="insensitive">{t('case_insensitive')}</option>
            <option value="exact">{t('case_exact')}</option>
          </select>
        </Field>
        <Field id={ids.technique!} label={t('field_technique')} error={error('technique')}>
          <select id={ids.technique} name="technique" value={draft.technique} onChange={set('technique')}>
            {TECHNIQUES.map((tech) => (
              <option key={tech} value={tech}>
                {techniqueLabel(tech)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.severity!} label={t('field_severity')} error={error('severity')}>
          <select id={ids.severity} name="severity" value={draft.severity} onChange={set('severity')}>
            {([1, 2, 3] as const).map((s) => (
              <option key={s} value={String(s)}>
                {s} — {severityLabel(s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={ids.explanation!} label={t('field_explanation')} error={error('explanation')} hint={t('hint_explanation')}>
        <textarea id={ids.explanation} name="explanation" rows={4} value={draft.explanation} onInput={set('explanation')} {...described('explanation')} />
      </Field>
      <div class="grid">
        <Field id={ids.alternatives!} label={t('field_alternatives')} error={error('alternatives')} hint={t('hint_one_per_line')}>
          <textarea id={ids.alternatives} name="alternatives" rows={2} value={draft.alternatives} onInput={set('alternatives')} />
        </Field>
        <Field id={ids.legitimate!} label={t('field_legitimate')} error={error('legitimate')}>
          <textarea id={ids.legitimate} name="legitimate" rows={2} value={draft.legitimate} onInput={set('legitimate')} />
        </Field>
      </div>
      <fieldset class="sources">
        <legend>{t('field_sources')}</legend>
        {draft.sources.map((source, i) => {
          const titleError = error(`sources.${i}.title`) ?? (i === 0 ? error('sources') : undefined);
          const urlError = error(`sources.${i}.url`);
          return (
            <div class="source-row" key={i}>
              <Field id={`${ids.explanation}-s${i}t`} label={t('field_source_title')} error={titleError}>
                <input
                  id={`${ids.explanation}-s${i}t`}
                  name={`source-title-${i}`}
                  value={source.title}
                  onInput={(e) => {
                    touch();
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, sources: d.sources.map((s, j) => (j === i ? { ...s, title: value } : s)) }));
                  }}
                />
              </Field>
              <Field id={`${ids.explanation}-s${i}u`} label={t('field_source_url')} error={urlError}>
                <input
                  id={`${ids.explanation}-s${i}u`}
                  name={`source-url-${i}`}
                  type="url"
                  value={source.url}
                  onInput={(e) => {
                    touch();
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, sources: d.sources.map((s, j) => (j === i ? { ...s, url: value } : s)) }));
                  }}
                />
              </Field>
              {draft.sources.length > 1 && (
                <button type="button" class="quiet" onClick={() => setDraft((d) => ({ ...d, sources: d.sources.filter((_, j) => j !== i) }))}>
                  {t('options_remove')}
                </button>
              )}
            </div>
          );
        })}
        <button type="button" class="quiet" onClick={() => setDraft((d) => ({ ...d, sources: [...d.sources, { title: '', url: '' }] }))}>
          {t('options_add_source')}
        </button>
      </fieldset>
      <div class="grid">
        <Field id={ids.flag!} label={t('field_examples_flag')} error={error('flag')} hint={t('hint_one_per_line')}>
          <textarea id={ids.flag} name="flag" rows={3} value={draft.flag} onInput={set('flag')} />
        </Field>
        <Field id={ids.ignore!} label={t('field_examples_ignore')} error={error('ignore')} hint={t('hint_one_per_line')}>
          <textarea id={ids.ignore} name="ignore" rows={3} value={draft.ignore} onInput={set('ignore')} />
        </Field>
      </div>
      <Preview rule={checked.matchable} language={language} />
      <div class="actions">
        <button type="submit" class="primary" disabled={touched && !checked.rule}>
          {t('options_save_rule')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options_cancel')}
        </button>
      </div>
    </form>
  );
}
