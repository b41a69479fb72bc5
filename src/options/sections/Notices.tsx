// What happened to the reader's data: repairs, lists set aside, failed updates.
import { t } from '../../shared/i18n';
import { BACKUP_FORMAT, type PageState } from '../../shared/store/store';
import { saveJson } from '../../shared/ui/download';

/** What a restored backup replaced is itself a backup: it can be saved and restored as one. */
const isBackup = (kept: PageState['setAside'][number]) => (kept.value as { format?: unknown } | null)?.format === BACKUP_FORMAT;

export function Notices({ state, onDismiss }: { state: PageState; onDismiss: () => void }) {
  if (!state.notices.length && !state.setAside.length) return null;
  return (
    <section class="notices" aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('options_notices')}</h2>
      <ul>
        {state.notices.map((n) => (
          <li key={n.at + n.message}>
            <time dateTime={n.at}>{new Date(n.at).toLocaleString()}</time> {n.message}
          </li>
        ))}
      </ul>
      <div class="actions">
        {state.setAside.filter(isBackup).map((kept) => (
          <button key={kept.at} type="button" class="save-kept" onClick={() => saveJson(`wortlupe-backup-before-restore-${kept.at.slice(0, 10)}.json`, kept.value)}>
            {t('options_save_kept_backup', new Date(kept.at).toLocaleString())}
          </button>
        ))}
        {state.setAside.length > 0 && (
          <button type="button" onClick={() => saveJson('wortlupe-set-aside.json', state.setAside)}>
            {t('options_export_set_aside', state.setAside.length)}
          </button>
        )}
        {state.notices.length > 0 && (
          <button type="button" class="quiet" onClick={onDismiss}>
            {t('options_dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
