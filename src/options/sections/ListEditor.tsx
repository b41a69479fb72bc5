// Editing one of the reader's lists as a draft: its details and rules; nothing is stored until
// "Save list", and the background keeps the previous version for Undo.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIST_FORMAT, listSchema, type Rule, type RuleList } from '../../core';
import { severityLabel, t, techniqueLabel } from '../../shared/i18n';
import { freeId } from '../../shared/store/store';
import { attr, useFocusAfterRender } from '../focus';
import { languageName } from '../language-name';
import { suggestId } from '../rule-draft';
import { Field, fieldId } from './Field';
import { RuleForm } from './RuleForm';

/** Fields a list may leave out: emptied, they are left out rather than stored empty. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['description', 'license', 'homepage']);

interface Props {
  list: RuleList;
  isNew: boolean;
  /** Open the form for a new rule with this term (from the context menu). */
  startWith?: string | undefined;
  onSave: (list: RuleList) => Promise<string[]>;
  onClose: () => void;
}

export function newList(title: string, language: string, taken: readonly string[]): RuleList {
  const id = freeId(suggestId(title) || 'my-list', taken);
  return { format: LIST_FORMAT, id, title, language, version: new Date().toISOString().slice(0, 10).replaceAll('-', '.'), rules: [] };
}

export function ListEditor({ list, isNew, startWith, onSave, onClose }: Props) {
  const [draft, setDraft] = useState(list);
  // `touched`: the reader has changed a field of the open rule form (a new form starts untouched).
  const [editing, setEditing] = useState<{ index: number; rule?: Partial<Rule>; touched?: boolean } | null>(
    startWith !== undefined ? { index: -1, rule: { term: startWith } } : null,
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [dirty, setDirty] = useState(isNew);
  const [saving, setSaving] = useState(false);
  // The draft as it is now, for a save that completes after the reader has changed it again.
  const latest = useRef(draft);
  latest.current = draft;
  // A half-written rule is work too: "Close" and closing the tab would drop it as they would an unsaved list.
  const unsaved = dirty || Boolean(editing?.touched);
  // A new list as it was opened, no rule form open: nothing of the reader's to discard yet, so its
  // button reads Cancel (with a rule form open, Cancel is the form's: one name, one button).
  const pristineNew = isNew && draft === list && !editing;
  const touchForm = () => setEditing((e) => (e && !e.touched ? { ...e, touched: true } : e));
  const focusAfterRender = useFocusAfterRender();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened: the reader is told where they are (a rule form opened from the context menu takes focus itself).
  useLayoutEffect(() => {
    if (startWith === undefined) heading.current?.focus();
  }, []);
  /** Focus for the rule `id` (its Edit button), or "Add rule" when there is none. */
  const focusRule = (id: string | undefined) => focusAfterRender(id === undefined ? '.editor .add-rule' : `.editor .rule-row${attr('data-rule', id)} .edit`);
  /** A rule form closes: back to the button that opened it. */
  const closeForm = (savedId?: string) => {
    focusRule(editing && editing.index >= 0 ? (savedId ?? draft.rules[editing.index]?.id) : undefined);
    setEditing(null);
  };
  const saveDisabled = !dirty || saving || editing !== null;
  // A layout effect, so the warning comes and goes with the render: a plain effect waits for the
  // next frame, which a tab in the background may not get for a while.
  useLayoutEffect(() => {
    if (!unsaved) return;
    // The browser then asks before the tab is closed or reloaded.
    const warn = (event: Event) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const ids = {
    title: fieldId('title'),
    description: fieldId('description'),
    language: fieldId('language'),
    version: fieldId('version'),
    license: fieldId('license'),
    homepage: fieldId('homepage'),
  };
  const meta = (field: keyof typeof ids) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setDirty(true);
    setDraft((d) => ({ ...d, [field]: value || (OPTIONAL_FIELDS.has(field) ? undefined : '') }));
  };
  const checked = listSchema.safeParse(draft);
  const metaError = (field: string) => (checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === field)?.message);

  const putRule = (rule: Rule) => {
    setDraft((d) => ({
      ...d,
      rules: editing && editing.index >= 0 ? d.rules.map((r, i) => (i === editing.index ? rule : r)) : [...d.rules, rule],
    }));
    closeForm(rule.id);
    setDirty(true);
  };

  return (
    <section class="editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading" tabIndex={-1} ref={heading}>{isNew ? t('options_new_list') : t('options_edit_list', list.title)}</h2>
      <div class="grid">
        <Field id={ids.title} label={t('field_list_title')} error={metaError('title')}>
          <input id={ids.title} name="list-title" value={draft.title} onInput={meta('title')} />
        </Field>
        <Field id={ids.language} label={t('field_list_language')} error={metaError('language')}>
          <select id={ids.language} name="list-language" value={draft.language} onChange={meta('language')}>
            <option value="de">{t('language_de')}</option>
            <option value="en">{t('language_en')}</option>
            {/* A list imported in another language keeps it, shown by name: a select holding a value
                it has no option for shows nothing, as if the list had no language. */}
            {/* The list's own language, not the draft's: switched to German by mistake, it can be chosen back. */}
            {list.language !== 'de' && list.language !== 'en' && <option value={list.language}>{languageName(list.language)}</option>}
          </select>
        </Field>
        <Field id={ids.description} label={t('field_list_description')} error={metaError('description')}>
          <input id={ids.description} name="list-description" value={draft.description ?? ''} onInput={meta('description')} />
        </Field>
        <Field id={ids.version} label={t('field_list_version')} error={metaError('version')}>
          <input id={ids.version} name="list-version" value={draft.version} onInput={meta('version')} />
        </Field>
        {/* Who may reuse the list (shown in the options page and a subscription's preview), and where
            readers can ask about it (there, in the popup and in the page report). */}
        <Field id={ids.license} label={t('field_list_license')} error={metaError('license')}>
          <input id={ids.license} name="list-license" value={draft.license ?? ''} onInput={meta('license')} />
        </Field>
        <Field id={ids.homepage} label={t('field_list_homepage')} error={metaError('homepage')}>
          {/* i18n-ignore: the start of every address, the same in every language */}
          <input id={ids.homepage} name="list-homepage" type="url" placeholder="https://" value={draft.homepage ?? ''} onInput={meta('homepage')} />
        </Field>
      </div>

      <h3>{t('options_rules_heading', draft.rules.length)}</h3>
      {draft.rules.length === 0 && !editing && <p class="hint">{t('options_no_rules')}</p>}
      <ul class="rules">
        {draft.rules.map((rule, i) =>
          editing?.index === i ? (
            <li key={rule.id}>
              <RuleForm rule={rule} language={draft.language} otherIds={draft.rules.filter((_, j) => j !== i).map((r) => r.id)} onSave={putRule} onCancel={() => closeForm()} onTouch={touchForm} />
            </li>
          ) : (
            <li key={rule.id} class="rule-row" data-rule={rule.id}>
              <span class="term" lang={draft.language}>
                {rule.term}
              </span>
              <span class="chip">
                {techniqueLabel(rule.technique)} · {severityLabel(rule.severity)}
              </span>
              <span class="row-actions">
                <button type="button" class="edit" onClick={() => setEditing({ index: i })}>
                  {t('options_edit')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    // Cut to fit: "-2" after an id of 63 or 64 characters made one the list refused.
                    const id = freeId(rule.id, draft.rules.map((r) => r.id));
                    setDraft((d) => ({ ...d, rules: [...d.rules.slice(0, i + 1), { ...rule, id }, ...d.rules.slice(i + 1)] }));
                    setDirty(true);
                  }}
                >
                  {t('options_duplicate')}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    // The next rule, or the one before, or "Add rule" when none is left.
                    focusRule((draft.rules[i + 1] ?? draft.rules[i - 1])?.id);
                    setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }));
                    setDirty(true);
                  }}
                >
                  {t('options_delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing?.index === -1 ? (
        <RuleForm rule={editing.rule} language={draft.language} otherIds={draft.rules.map((r) => r.id)} onSave={putRule} onCancel={() => closeForm()} onTouch={touchForm} />
      ) : (
        <button type="button" class="add-rule" onClick={() => setEditing({ index: -1 })}>
          {t('options_add_rule')}
        </button>
      )}

      {errors.length > 0 && (
        <ul class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          // aria-disabled, not disabled: a button disabled while it has focus (as this one is while
          // saving) drops it to <body>.
          aria-disabled={saveDisabled}
          onClick={async () => {
            if (saveDisabled) return;
            const saved = draft;
            setSaving(true);
            // Under the id the list is stored as: a new list may have been given another when first saved.
            const problems = await onSave({ ...saved, id: list.id });
            setSaving(false);
            setErrors(problems);
            // Only what was saved is clean: a rule deleted or edited while the save was under way
            // still needs saving (and "Close" must not drop it without a word).
            if (!problems.length && latest.current === saved) setDirty(false);
          }}
        >
          {t('options_save_list')}
        </button>
        <button type="button" onClick={onClose}>
          {unsaved ? (pristineNew ? t('options_cancel') : t('options_discard')) : t('options_close')}
        </button>
      </div>
    </section>
  );
}
