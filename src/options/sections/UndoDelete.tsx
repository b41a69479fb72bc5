// The line that offers the list deleted last back, as it was. One press is one restore (see one-press.ts).
import { t } from '../../shared/i18n';
import type { DeletedList } from '../../shared/store/store';
import { saveJson } from '../../shared/ui/download';
import { useOnePress } from '../one-press';

interface Props {
  deleted: DeletedList;
  onRestore: (deleted: DeletedList) => Promise<void>;
}

export function UndoDelete({ deleted, onRestore }: Props) {
  const { busy, press } = useOnePress(onRestore);
  const { list } = deleted.entry;
  return (
    <p class="undo-delete">
      {t('options_deleted_list', list.title)}{' '}
      {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
      <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => press(deleted)}>
        {t('options_undo_delete')}
      </button>
      {/* Should Undo be refused (a list has taken its id since), it can still be kept as a file. */}
      <button type="button" onClick={() => saveJson(`${list.id}.json`, list)}>
        {t('options_export')}
      </button>
    </p>
  );
}
