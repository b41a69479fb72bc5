import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { RuleList } from '../core';
import { t } from '../shared/i18n';
import type { Command, CommandResult } from '../shared/messages';
import { shippedLists } from '../shared/shipped-lists';
import type { DeletedSummary } from '../shared/store/deleted-lists';
import type { SetAsideSummary } from '../shared/store/set-aside';
import type { PageState } from '../shared/store/store';
import { saveJson } from '../shared/ui/download';
import { send, stateOf } from '../shared/commands';
import { attr, useFocusAfterRender } from './focus';
import { useOnePress } from './one-press';
import { Appearance } from './sections/Appearance';
import { ImportExport } from './sections/ImportExport';
import { ListEditor, newList } from './sections/ListEditor';
import { takeRequest, type PageRequest } from './requests';
import { Lists } from './sections/Lists';
import { Notices } from './sections/Notices';
import { Sites } from './sections/Sites';
import { Subscribe } from './sections/Subscribe';
import { DeletedLists } from './sections/DeletedLists';
import { UndoDelete } from './sections/UndoDelete';

const GET_STATE: Command = { type: 'get-state' };

interface Editing {
  list: RuleList;
  isNew: boolean;
  startWith?: string;
  /** The editor's key where it is not the list's id: a new list saved under another id stays in its editor, draft and all. */
  key?: string;
  /** When the stored list was saved, as the editor has it: a save tells the background, which warns if it changed meanwhile. */
  base?: string;
}

export function App() {
  const shipped = shippedLists();
  // Kept here, not in the lists: it stays while an editor takes their place, and the popup sets it.
  const [query, setQuery] = useState('');
  /**
   * The list the reader last brought back, undid, updated or edited: shown while a term is being
   * found even when none of its rules is, so it does not vanish from under the action (and focus
   * has somewhere to go). A new search lets it go.
   */
  const [pinned, setPinned] = useState<string | null>(null);
  const find = (text: string) => {
    setQuery(text);
    setPinned(null);
  };
  /** After lists came in (imported, restored from a backup, subscribed to): every list shown, the new ones too. */
  const showAll = (result: CommandResult): CommandResult => {
    if (result.ok) find('');
    return result;
  };
  /** After an action on a list: keep it in view, and focus `part` of its card (or the lists' heading). */
  const focusList = (listId: string, part: string, onlyIfLost = false) => {
    setPinned(listId);
    focusAfterRender([`${listCard(listId)} ${part}`, '#lists-heading'], onlyIfLost);
  };
  const [state, setState] = useState<PageState | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  /** The list this page deleted last: which of the kept ones Undo delete brings back. */
  const [deleted, setDeleted] = useState<{ id: string; deletedAt: string } | null>(null);
  const focusAfterRender = useFocusAfterRender();
  const listCard = (listId: string) => `.lists > ${attr('data-list', listId)}`;
  /**
   * A kept deleted list back, by Undo delete or from the list of them. One at a time, whichever
   * button: a second restore of the same list would be refused, and that refusal would read as if
   * the first had failed.
   */
  const restoring = useOnePress(async (kept: DeletedSummary) => {
    const result = await run({ type: 'restore-kept', listId: kept.id, deletedAt: kept.deletedAt }, t('options_list_restored', kept.title));
    // The button pressed is gone: focus to the list brought back.
    if (result.ok) focusList(kept.id, 'h3', true);
  });
  /** Set-aside data saved as a file (it stays kept): one item, or every item. */
  const exportSetAside = async (item?: SetAsideSummary) => {
    const result = await run({ type: 'export-set-aside', ...(item ? { id: item.id } : {}) });
    if (!result.ok) return;
    const day = item?.at.slice(0, 10);
    saveJson(!item ? 'wortlupe-set-aside.json' : item.backup ? `wortlupe-backup-before-restore-${day}.json` : `wortlupe-set-aside-${day}.json`, result.data);
  };
  /** One set-aside item gone for good (the reader confirmed): focus stays in the section, or what is left of it. */
  const forgetSetAside = async (item: SetAsideSummary) => {
    await run({ type: 'forget-set-aside', id: item.id }, t('options_set_aside_removed'));
    focusAfterRender(['#set-aside-heading', '#notices-heading', '#options-heading'], true);
  };
  /** A kept deleted list saved as a file (it stays kept). */
  const exportKept = async (kept: DeletedSummary) => {
    const result = await run({ type: 'export-kept', listId: kept.id, deletedAt: kept.deletedAt });
    if (result.ok) saveJson(`${kept.id}.json`, result.data);
  };

  /**
   * `shownThere`: the section that asked shows the reasons a command was refused next to what the
   * reader did, so they are not repeated at the top (a screen reader would announce them twice).
   */
  const run = async (command: Command, done?: string, shownThere = false): Promise<CommandResult> => {
    const result = await send(command);
    // A refused command can still have changed part of what is stored (an update run in which some
    // lists were saved and one could not be): show what is stored now, not what was before.
    const next = stateOf(result, command) ?? (result.ok || command.type === 'get-state' ? undefined : stateOf(await send(GET_STATE), GET_STATE));
    if (next) setState(next);
    setErrors(result.ok ? (result.warning ? [result.warning] : []) : shownThere ? [] : result.errors);
    setStatus(result.ok && done ? done : '');
    return result;
  };

  /** A request (see requests.ts) for the page as it is now. */
  const answerRequest = (request: PageRequest, now: PageState) => {
    const { add, find: wanted } = request;
    if (add) {
      const mine = now.userLists.lists.find((e) => e.origin === 'user' && e.list.language === add.lang);
      const taken = [...shipped.map((l) => l.id), ...now.userLists.lists.map((e) => e.list.id)];
      setEditing(
        mine
          ? { list: mine.list, isNew: false, startWith: add.term, base: mine.updatedAt }
          : { list: newList(t(add.lang === 'de' ? 'options_my_terms_de' : 'options_my_terms_en'), add.lang, taken), isNew: true, startWith: add.term },
      );
    }
    if (wanted) {
      find(wanted.term);
      // The rule may be gone by now: then to the box that found what is left.
      focusAfterRender([...(wanted.switchId ? [attr('id', wanted.switchId)] : []), '#find-term']);
    }
  };

  // Requests come in the address: at the start, and while the page is open (open-options.ts sends
  // the tab to a new address after "#"). Each is taken from the address the moment it is seen, and
  // answered once the page has read what is stored (the latest wins): the popup's "Show its switch"
  // comes right after the popup switched that rule, and the switch it focuses must show the change,
  // which may not have reached this page yet (a storage change and a change of address come by
  // different ways, in no set order). Refs, because the listeners outlive the render they were made in.
  const waiting = useRef<PageRequest | undefined>(undefined);
  /**
   * Reads of what is stored: how many are out, the number of the last one started, and of the last
   * one shown. A waiting request is answered once none is out; an answer older than one already
   * shown is not shown (the background answers in order, but the page need not rely on it).
   */
  const reads = useRef({ out: 0, started: 0, shown: 0 });
  /** Each read that comes back renders once more, so the effect below looks at the waiting request again. */
  const [readsBack, setReadsBack] = useState(0);
  const editingNow = useRef(editing);
  editingNow.current = editing;

  /**
   * The editor may hold a draft, and either request would take its place: the request goes to a new
   * tab, and this one stays as the reader left it. (The new tab is the newest options tab, which
   * open-options.ts sends the next request to.)
   */
  const handOn = (request: PageRequest) =>
    void browser.tabs.create({ url: `${location.origin}${location.pathname}${request.hash}` }).catch((failed: Error) => setErrors([failed.message]));

  /** Read what is stored, and show it. `first`: the page's first read, whose failure is shown in its place. */
  const read = (first = false) => {
    const count = reads.current;
    count.out++;
    const number = ++count.started;
    void send(GET_STATE).then((result) => {
      count.out--;
      const next = stateOf(result, GET_STATE);
      if (next && number > count.shown) {
        count.shown = number;
        setState(next);
      } else if (!next && first) setErrors(result.ok ? [] : result.errors);
      setReadsBack((n) => n + 1);
    });
  };

  useEffect(() => {
    waiting.current = takeRequest();
    read(true);
  }, []);

  // A read came back, or the state changed: the waiting request is answered with the state as the
  // page shows it, once nothing more is being read. The editor may have been opened meanwhile.
  useEffect(() => {
    const request = waiting.current;
    if (!request || !state || reads.current.out > 0) return;
    waiting.current = undefined;
    if (editingNow.current) handOn(request);
    else answerRequest(request, state);
  }, [state, readsBack]);

  useEffect(() => {
    const onRequest = () => {
      const request = takeRequest();
      if (!request) return;
      if (editingNow.current) return handOn(request);
      waiting.current = request;
      read();
    };
    addEventListener('hashchange', onRequest);
    return () => removeEventListener('hashchange', onRequest);
  }, []);

  // Something else changed what is stored (this page in another tab, the popup, a subscription's
  // update): show what is stored now, so no button acts on a list as it was. An open editor keeps
  // its draft; its save says if the list changed meanwhile. storage.session holds only what tabs
  // found (it changes as every tab reads), none of what this page shows.
  useEffect(() => {
    const changed = (_changes: unknown, area: string) => {
      if (area !== 'session') read();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);

  if (!state) {
    return (
      <main>
        <h1>{t('options_title')}</h1>
        <p role="status">{errors.join(' ') || t('popup_loading')}</p>
      </main>
    );
  }
  const taken = [...shipped.map((l) => l.id), ...state.userLists.lists.map((e) => e.list.id)];
  // Undo delete is offered while what it would bring back is still kept (another tab may have
  // brought it back, or removed it for good, meanwhile).
  const undoable = deleted && state.deletedLists.find((k) => k.id === deleted.id && k.deletedAt === deleted.deletedAt);

  return (
    <main>
      <h1 id="options-heading" tabIndex={-1}>{t('options_title')}</h1>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {errors.length > 0 && (
        <ul class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <Notices
        state={state}
        onDismiss={() => void run({ type: 'dismiss-notices' })}
        onExport={(item) => void exportSetAside(item)}
        onForget={(item) => void forgetSetAside(item)}
      />

      {editing ? (
        <ListEditor
          key={editing.key ?? editing.list.id}
          list={editing.list}
          isNew={editing.isNew}
          startWith={editing.startWith}
          onSave={async (list) => {
            const save: Command = { type: 'save-list', list, replace: !editing.isNew, ...(editing.base ? { base: editing.base } : {}) };
            const result = await run(save, undefined, true);
            if (!result.ok) return result.errors;
            // A new list whose id was taken meanwhile (saved in another tab) was stored under a free one.
            const id = result.savedAs ?? list.id;
            setStatus(id === list.id ? t('options_saved', list.title) : t('options_saved_as', list.title, id, list.id));
            const base = stateOf(result, save)?.userLists.lists.find((e) => e.list.id === id)?.updatedAt;
            // Still editing this list? A save that completes after the reader closed the editor must
            // not open it again.
            setEditing((current) =>
              current?.list.id === list.id ? { list: { ...list, id }, isNew: false, key: current.key ?? current.list.id, ...(base ? { base } : {}) } : current,
            );
            return [];
          }}
          onClose={() => {
            // Back to the list's Edit button, or to "New list" for a list never saved.
            const id = editing.list.id;
            if (state.userLists.lists.some((e) => e.list.id === id)) focusList(id, '.edit');
            else focusAfterRender('.new-list');
            setEditing(null);
          }}
        />
      ) : (
        <section aria-labelledby="lists-heading">
          <h2 id="lists-heading" tabIndex={-1}>
            {t('options_lists')}
          </h2>
          <p class="intro">{t('options_lists_intro')}</p>
          {undoable && <UndoDelete key={undoable.id} kept={undoable} busy={restoring.busy} onRestore={restoring.press} onExport={exportKept} />}
          <Lists
            state={state}
            shipped={shipped}
            query={query}
            onQuery={find}
            pinned={pinned}
            onToggleList={(listId, enabled) => void run({ type: 'set-list-enabled', listId, enabled })}
            onToggleRule={(listId, ruleId, enabled) => void run({ type: 'set-rule-enabled', listId, ruleId, enabled })}
            onEdit={(entry) => setEditing({ list: entry.list, isNew: false, base: entry.updatedAt })}
            // Undo and update may take away the button used (nothing left to undo, a list gone):
            // focus goes to the list's title then, or to the heading of the lists.
            onUndo={(listId, base) => void run({ type: 'undo-list', listId, base }, t('options_undone')).then(() => focusList(listId, 'h3', true))}
            onDelete={(listId) =>
              // The answer says when the list was kept as it went (versions and switches included):
              // Undo asks for that one, newer than this page's copy if another tab saved it meanwhile.
              void run({ type: 'delete-list', listId }).then((result) => {
                if (result.ok) {
                  // Gone already (deleted in another tab): nothing to bring back, so no Undo to point to.
                  setStatus(result.deletedAt ? t('options_deleted', t('options_undo_delete')) : t('options_deleted_already'));
                  if (result.deletedAt) setDeleted({ id: listId, deletedAt: result.deletedAt });
                }
                focusAfterRender('#lists-heading', true);
              })
            }
            onUpdate={(listId) => void run({ type: 'update-subscriptions', listId }, t('options_updated')).then(() => focusList(listId, 'h3', true))}
          />
          <div class="actions">
            <button
              type="button"
              class="primary new-list"
              onClick={() => setEditing({ list: newList(t('options_my_terms_de'), 'de', taken), isNew: true })}
            >
              {t('options_new_list')}
            </button>
          </div>
          <DeletedLists
            entries={state.deletedLists}
            busy={restoring.busy}
            onRestore={restoring.press}
            onExport={exportKept}
            // The row goes with the button pressed: focus to the section's heading.
            onForget={(kept) =>
              void run({ type: 'forget-kept', listId: kept.id, deletedAt: kept.deletedAt }, t('options_removed_for_good', kept.title)).then(() =>
                focusAfterRender('#lists-heading', true),
              )
            }
          />
        </section>
      )}

      <ImportExport
        importList={(text, name, replace) => run({ type: 'import-list', text, name, replace }, t('options_imported_ok', name), true).then(showAll)}
        importBackup={(text, name) =>
          run({ type: 'import-backup', text, name }, t('options_backup_restored'), true).then(showAll)
        }
        exportBackup={() => send({ type: 'export-backup' })}
      />
      <Subscribe
        subscribe={(url, confirm, replace, digest) =>
          run({ type: 'subscribe', url, confirm, replace, ...(digest ? { digest } : {}) }, undefined, true).then((result) => (confirm ? showAll(result) : result))
        }
      />
      <Sites
        sites={state.settings.disabledSites}
        onChange={async (site, enabled) => {
          const result = await run({ type: 'set-site-enabled', site, enabled });
          return result.ok ? [] : result.errors;
        }}
      />
      <Appearance
        style={state.settings.style}
        onChange={(style) => void run({ type: 'set-style', style })}
        onRestore={() => void run({ type: 'restore-defaults' }, t('options_defaults_restored'))}
      />
    </main>
  );
}
