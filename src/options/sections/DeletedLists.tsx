// The lists the reader deleted, kept by the background: any of them comes back with Restore, with
// its earlier versions and switches, also after the page that deleted it was closed. Folded away
// while it is not needed. As with Undo delete, one press is one restore (see one-press.ts).
import { t } from '../../shared/i18n';
import { MAX_DELETED_LISTS, type DeletedEntry, type DeletedList } from '../../shared/store/deleted-lists';
import { saveJson } from '../../shared/ui/download';
import { useOnePress } from '../one-press';

interface Props {
  entries: readonly DeletedEntry[];
  onRestore: (deleted: DeletedList) => Promise<void>;
}

export function DeletedLists({ entries, onRestore }: Props) {
  const { busy, press } = useOnePress(onRestore);
  if (!entries.length) return null;
  return (
    <details class="deleted-lists">
      <summary>{t('options_deleted_lists', entries.length)}</summary>
      <p class="hint">{t('options_deleted_lists_hint', MAX_DELETED_LISTS)}</p>
      <ul>
        {entries.map(({ deletedAt, deleted }) => {
          const { list } = deleted.entry;
          return (
            <li key={`${list.id} ${deletedAt}`} data-deleted={list.id}>
              <span class="title">{list.title}</span>
              <span class="meta">{t('options_deleted_at', new Date(deletedAt).toLocaleString())}</span>
              {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
              <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => press(deleted)}>
                {t('options_restore_deleted')}
              </button>
              <button type="button" onClick={() => saveJson(`${list.id}.json`, list)}>
                {t('options_export')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
