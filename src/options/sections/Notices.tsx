// What happened to the reader's data: repairs and failed updates (notices), and what Wortlupe could
// not use and keeps unchanged (set aside), each item to be saved as a file or removed for good.
import { t } from '../../shared/i18n';
import type { SetAsideSummary } from '../../shared/store/set-aside';
import type { PageState } from '../../shared/store/store';
import { Confirm } from './Confirm';
import { when } from '../when';

interface Props {
  state: PageState;
  onDismiss: () => void;
  /** Save one item, or with none every item, as a file. */
  onExport: (item?: SetAsideSummary) => void;
  onForget: (item: SetAsideSummary) => void;
}

export function Notices({ state, onDismiss, onExport, onForget }: Props) {
  if (!state.notices.length && !state.setAside.length) return null;
  return (
    <section class="notices" aria-labelledby="notices-heading">
      <h2 id="notices-heading" tabIndex={-1}>{t('options_notices')}</h2>
      {state.notices.length > 0 && (
        <>
          <ul>
            {state.notices.map((n) => (
              <li key={n.at + n.message}>
                <time dateTime={n.at}>{when(n.at)}</time> {n.message}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="quiet" onClick={onDismiss}>
              {t('options_dismiss')}
            </button>
          </div>
        </>
      )}
      {state.setAside.length > 0 && <SetAside items={state.setAside} onExport={onExport} onForget={onForget} />}
    </section>
  );
}

/** What a restored backup replaced is itself a backup: it is saved as one, to be restored. */
const title = (item: SetAsideSummary) => (item.backup ? t('options_set_aside_backup') : item.what);

function SetAside({ items, onExport, onForget }: { items: readonly SetAsideSummary[]; onExport: Props['onExport']; onForget: Props['onForget'] }) {
  return (
    <div class="set-aside">
      <h3 id="set-aside-heading" tabIndex={-1}>{t('options_set_aside', items.length)}</h3>
      <p class="hint">{t('options_set_aside_hint')}</p>
      <ul aria-labelledby="set-aside-heading">
        {items.map((item) => (
          <li key={item.id}>
            {/* The description is written where the data was set aside, in English; a backup's is the interface's. */}
            <span class="title" lang={item.backup ? undefined : 'en'}>
              {title(item)}
            </span>
            <span class="meta">{t('options_set_aside_entry', item.reason, when(item.at))}</span>
            <button type="button" class={item.backup ? 'save-kept' : undefined} onClick={() => onExport(item)}>
              {item.backup ? t('options_save_as_backup') : t('options_export')}
            </button>
            {/* The question names no item: the row says which, and its description is in English (see above). */}
            <Confirm label={t('options_forget_kept')} question={t('options_forget_set_aside_question')} onConfirm={() => onForget(item)} danger />
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={() => onExport()}>
          {t('options_export_set_aside', items.length)}
        </button>
      </div>
    </div>
  );
}
