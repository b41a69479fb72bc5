// The line that offers the list deleted last back, as it was. One press is one restore (see one-press.ts,
// used by the page for this line and the kept deleted lists alike).
import { t } from '../../shared/i18n';
import type { DeletedList } from '../../shared/store/store';
import { saveJson } from '../../shared/ui/download';

interface Props {
  deleted: DeletedList;
  /** A restore is under way. */
  busy: boolean;
  onRestore: (deleted: DeletedList) => void;
}

export function UndoDelete({ deleted, busy, onRestore }: Props) {
  const { list } = deleted.entry;
  return (
    <p class="undo-delete">
      {t('options_deleted_list', list.title)}{' '}
      {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
      <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => onRestore(deleted)}>
        {t('options_undo_delete')}
      </button>
      {/* Should Undo be refused (a list has taken its id since), it can still be kept as a file. */}
      <button type="button" onClick={() => saveJson(`${list.id}.json`, list)}>
        {t('options_export')}
      </button>
    </p>
  );
}
