// Every list — shipped, the reader's own, subscribed — with a switch each, and per-rule switches;
// "Find a term" narrows them to the rules whose words contain what the reader typed.
import type { RuleList } from '../../core';
import { t } from '../../shared/i18n';
import { MAX_DELETED_LISTS, type DeletedSummary } from '../../shared/store/deleted-lists';
import type { PageState } from '../../shared/store/store';
import type { UserListEntry } from '../../shared/store/user-lists';
import { saveJson } from '../../shared/ui/download';
import { ListWebsite } from '../../shared/ui/ListWebsite';
import { finderFor } from '../find-rules';
import { languageName } from '../language-name';
import { ruleCount } from '../rule-count';
import { useSettled } from '../settled';
import { Confirm } from './Confirm';

interface Props {
  state: PageState;
  shipped: readonly RuleList[];
  /** What is typed in Find a term. */
  query: string;
  onQuery: (query: string) => void;
  /** A list shown while a term is being found even without a rule found (the one the reader just acted on). */
  pinned?: string | null;
  onToggleList: (listId: string, enabled: boolean) => void;
  onToggleRule: (listId: string, ruleId: string, enabled: boolean) => void;
  onEdit: (entry: UserListEntry) => void;
  /** `base`: when the version shown was saved (an undo of a list changed since is refused). */
  onUndo: (listId: string, base: string) => void;
  onDelete: (listId: string) => void;
  onUpdate: (listId: string) => void;
}

export function Lists(props: Props) {
  const { state, shipped, query } = props;
  const find = finderFor(query);
  const cards = [...shipped.map((list) => ({ list, entry: undefined })), ...state.userLists.lists.map((entry) => ({ list: entry.list, entry }))]
    .map((card) => {
      const found = find?.(card.list);
      // A pinned list without a rule found is shown as it is when nothing is being found.
      return { ...card, found: found?.size === 0 && card.list.id === props.pinned ? undefined : found };
    })
    .filter((card) => card.found === undefined || card.found.size > 0);
  const rulesShown = cards.reduce((sum, card) => sum + (card.found?.size ?? 0), 0);
  const listsFound = cards.filter((card) => card.found).length;
  const found = listsFound ? t('options_find_found', ruleCount(rulesShown), listCount(listsFound)) : '';
  const result = !find ? '' : found || t('options_find_none', query.trim());
  // Shown as the lists follow every key; said (a live region) once typing pauses, with what was
  // typed: a live region whose text stays the same is not read again, and two searches may find as
  // many rules ("1 rule found in 1 list" for "Flüchtlingsflut", then for "Flüchtlingswelle").
  const said = useSettled(found ? t('options_find_said', query.trim(), found) : result, '');
  return (
    <>
      <div class="find">
        <label for="find-term">{t('options_find')}</label>
        <input id="find-term" type="search" value={query} onInput={(event) => props.onQuery(event.currentTarget.value)} />
        <p class="find-result" aria-hidden="true">
          {result}
        </p>
        <p class="find-said visually-hidden" role="status">
          {said}
        </p>
      </div>
      <ul class="lists">
        {cards.map(({ list, entry, found }) => (
          <ListCard key={list.id} {...props} list={list} {...(entry ? { entry } : {})} {...(found ? { found } : {})} />
        ))}
      </ul>
    </>
  );
}

/**
 * The id of a rule's switch (the popup's "Show its switch" asks for it). Ids are made of a-z, 0-9
 * and "-": "_" keeps list "de" with rule "krieg-x" apart from list "de-krieg" with rule "x".
 */
export const ruleSwitchId = (listId: string, ruleId: string): string => `rule-${listId}_${ruleId}`;

const listCount = (count: number): string => (count === 1 ? t('options_find_lists_one') : t('options_find_lists', count));

/** `found`: while a term is being found, the rules found in this list (only those are shown). */
function ListCard(props: Props & { list: RuleList; entry?: UserListEntry; found?: ReadonlySet<string> }) {
  const { list, entry, state, found } = props;
  const enabled = !state.settings.disabledLists.includes(list.id);
  const switchId = `switch-${list.id}`;
  const offRules = list.rules.filter((r) => state.settings.disabledRules.includes(`${list.id}/${r.id}`)).length;
  const source = !entry
    ? t('options_shipped')
    : entry.origin === 'subscribed'
      ? t('options_subscribed', entry.subscription?.url ?? '')
      : entry.origin === 'imported'
        ? t('options_imported')
        : t('options_yours');
  return (
    <li class="list" data-list={list.id}>
      <div class="list-head">
        <div class="meta">
          {/* The list's own words carry its language; the labels around them the interface's. */}
          <h3 lang={list.language} tabIndex={-1}>
            {list.title}
          </h3>
          {list.description && (
            <p class="description" lang={list.language}>
              {list.description}
            </p>
          )}
          <p class="facts">
            <span>{t('options_language', languageName(list.language))}</span>
            <span>{ruleCount(list.rules.length)}</span>
            {offRules > 0 && <span>{t('options_rules_off', offRules)}</span>}
            <span>{t('options_version', list.version)}</span>
            {list.license && <span>{t('options_license', list.license)}</span>}
            <span class="source">{source}</span>
            <ListWebsite homepage={list.homepage} />
          </p>
          {entry?.subscription && (
            <p class="facts subscription">
              {entry.subscription.lastUpdated && <span>{t('options_last_updated', new Date(entry.subscription.lastUpdated).toLocaleString())}</span>}
              {entry.subscription.lastChecked && <span>{t('options_last_checked', new Date(entry.subscription.lastChecked).toLocaleString())}</span>}
              {entry.subscription.lastError && (
                <span class="error-text" role="status">
                  {t('options_update_failed', entry.subscription.lastError)}
                </span>
              )}
            </p>
          )}
        </div>
        <label class="switch" for={switchId}>
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={enabled}
            aria-label={`${t('options_enabled')}: ${list.title}`}
            onChange={(event) => props.onToggleList(list.id, event.currentTarget.checked)}
          />
          <span aria-hidden="true">{t('options_enabled')}</span>
        </label>
      </div>
      <div class="row-actions">
        {entry && entry.origin !== 'subscribed' && (
          <button type="button" class="edit" onClick={() => props.onEdit(entry)}>
            {t('options_edit')}
          </button>
        )}
        {entry?.subscription && (
          <button type="button" onClick={() => props.onUpdate(list.id)}>
            {t('options_update_now')}
          </button>
        )}
        <button type="button" onClick={() => saveJson(`${list.id}.json`, list)}>
          {t('options_export')}
        </button>
        {entry && entry.history.length > 0 && (
          <button type="button" onClick={() => props.onUndo(list.id, entry.updatedAt)} title={t('options_undo_hint', new Date(entry.history[0]!.savedAt).toLocaleString())}>
            {t('options_undo')}
          </button>
        )}
        {entry && <Confirm label={t('options_delete')} question={deleteQuestion(list.title, state.deletedLists)} onConfirm={() => props.onDelete(list.id)} danger />}
      </div>
      <details class="rule-switches" open={found !== undefined}>
        <summary>{found ? t('options_rule_switches_found', found.size, list.rules.length) : t('options_rule_switches')}</summary>
        <ul>
          {list.rules.filter((rule) => !found || found.has(rule.id)).map((rule) => {
            const id = ruleSwitchId(list.id, rule.id);
            return (
              <li key={rule.id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={!state.settings.disabledRules.includes(`${list.id}/${rule.id}`)}
                  onChange={(event) => props.onToggleRule(list.id, rule.id, event.currentTarget.checked)}
                />
                <label for={id} lang={list.language}>
                  {rule.term}
                </label>
              </li>
            );
          })}
        </ul>
      </details>
    </li>
  );
}

/**
 * Asked before a list is deleted. Deleting keeps the list to be brought back, but only the newest
 * MAX_DELETED_LISTS are kept: when they are full, this delete removes the oldest for good, and the
 * reader is told which one while it can still be exported.
 */
function deleteQuestion(title: string, kept: readonly DeletedSummary[]): string {
  const oldest = kept.length >= MAX_DELETED_LISTS ? kept[kept.length - 1] : undefined;
  return oldest ? t('options_delete_confirm_full', title, oldest.title, MAX_DELETED_LISTS) : t('options_delete_confirm', title);
}
