// The line that offers the list this page deleted last back, as it was: one of the kept deleted
// lists (see DeletedLists.tsx), offered here where the reader just was. One press is one restore
// (see one-press.ts, shared by the page's restore buttons).
import { t } from '../../shared/i18n';
import type { DeletedSummary } from '../../shared/store/deleted-lists';

interface Props {
  kept: DeletedSummary;
  /** A restore is under way. */
  busy: boolean;
  onRestore: (kept: DeletedSummary) => void;
  onExport: (kept: DeletedSummary) => void;
}

export function UndoDelete({ kept, busy, onRestore, onExport }: Props) {
  return (
    <p class="undo-delete">
      {t('options_deleted_list', kept.title)}{' '}
      {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
      <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => onRestore(kept)}>
        {t('options_undo_delete')}
      </button>
      {/* Should Undo be refused (a list has taken its id since), it can still be kept as a file. */}
      <button type="button" onClick={() => onExport(kept)}>
        {t('options_export')}
      </button>
    </p>
  );
}
