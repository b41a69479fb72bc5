// The lists the reader deleted, kept by the background: any of them comes back with Restore, with
// its earlier versions and switches, also after the page that deleted it was closed, is saved as a
// file, or goes for good once the reader confirms. Folded away while it is not needed. The page knows them by name
// only (see DeletedSummary): the background brings one back by its id and time of deletion.
import { t } from '../../shared/i18n';
import { MAX_DELETED_LISTS, type DeletedSummary } from '../../shared/store/deleted-lists';
import { Confirm } from './Confirm';
import { when } from '../when';

interface Props {
  entries: readonly DeletedSummary[];
  /** A restore is under way (one press is one restore, see one-press.ts). */
  busy: boolean;
  onRestore: (kept: DeletedSummary) => void;
  onExport: (kept: DeletedSummary) => void;
  onForget: (kept: DeletedSummary) => void;
}

export function DeletedLists({ entries, busy, onRestore, onExport, onForget }: Props) {
  if (!entries.length) return null;
  return (
    <details class="deleted-lists">
      <summary>{t('options_deleted_lists', entries.length)}</summary>
      <p class="hint">{t('options_deleted_lists_hint', MAX_DELETED_LISTS)}</p>
      <ul>
        {entries.map((kept) => (
          <li key={`${kept.id} ${kept.deletedAt}`} data-deleted={kept.id}>
            <span class="title">{kept.title}</span>
            <span class="meta">{t('options_deleted_entry', kept.version, when(kept.deletedAt))}</span>
            {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
            <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => onRestore(kept)}>
              {t('options_restore_deleted')}
            </button>
            <button type="button" onClick={() => onExport(kept)}>
              {t('options_export')}
            </button>
            <Confirm label={t('options_forget_kept')} question={t('options_forget_kept_question', kept.title)} onConfirm={() => onForget(kept)} danger />
          </li>
        ))}
      </ul>
    </details>
  );
}
