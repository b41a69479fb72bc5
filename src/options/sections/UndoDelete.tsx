// The line that offers the list deleted last back, as it was. One press is one restore: while the
// background works, further presses do nothing (a second restore would be refused, the list being
// back already, and that refusal would read as if the first had failed).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { DeletedList } from '../../shared/store/store';
import { saveJson } from '../../shared/ui/download';

interface Props {
  deleted: DeletedList;
  onRestore: (deleted: DeletedList) => Promise<void>;
}

export function UndoDelete({ deleted, onRestore }: Props) {
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onRestore(deleted);
    } finally {
      setBusy(false);
    }
  };
  const { list } = deleted.entry;
  return (
    <p class="undo-delete">
      {t('options_deleted_list', list.title)}{' '}
      {/* aria-disabled, not disabled: a disabled button drops focus to <body> while the restore runs. */}
      <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void restore()}>
        {t('options_undo_delete')}
      </button>
      {/* Should Undo be refused (a list has taken its id since), it can still be kept as a file. */}
      <button type="button" onClick={() => saveJson(`${list.id}.json`, list)}>
        {t('options_export')}
      </button>
    </p>
  );
}
