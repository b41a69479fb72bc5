// Sorting the popup's list, and saving a report of the page (Markdown to read, JSON to process).
import { t } from '../shared/i18n';
import { saveFile, saveJson } from '../shared/ui/download';
import type { Group } from './group';
import { buildReport, reportMarkdown, SORT_ORDERS, type SortOrder } from './report';

const SORT_LABELS = { page: 'popup_sort_page', count: 'popup_sort_count', severity: 'popup_sort_severity' } as const;
const SORT_KEY = 'wortlupe-popup-sort';

/** The reader's last choice, kept by the popup itself (it is not a setting worth syncing). */
export function savedSort(): SortOrder {
  const saved = localStorage.getItem(SORT_KEY);
  return SORT_ORDERS.find((order) => order === saved) ?? 'page';
}

export function SortControl({ order, onChange }: { order: SortOrder; onChange: (order: SortOrder) => void }) {
  return (
    <label class="sort">
      {t('popup_sort')}{' '}
      <select
        id="sort"
        value={order}
        onChange={(event) => {
          const next = SORT_ORDERS.find((o) => o === event.currentTarget.value) ?? 'page';
          localStorage.setItem(SORT_KEY, next);
          onChange(next);
        }}
      >
        {SORT_ORDERS.map((o) => (
          <option key={o} value={o}>
            {t(SORT_LABELS[o])}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ExportButtons({ page, groups }: { page: { url?: string; title?: string }; groups: Group[] }) {
  const name = (extension: string) => {
    const host = page.url && /^https?:/.test(page.url) ? new URL(page.url).hostname : 'page';
    return `wortlupe-report-${host}-${new Date().toISOString().slice(0, 10)}.${extension}`;
  };
  const report = () => buildReport(page, groups, new Date(), t);
  return (
    <p class="export">
      <span>{t('popup_export')}</span>
      <button type="button" id="export-markdown" onClick={() => saveFile(name('md'), reportMarkdown(report(), t), 'text/markdown')}>
        {t('popup_export_markdown')}
      </button>
      <button type="button" id="export-json" onClick={() => saveJson(name('json'), report())}>
        {t('popup_export_json')}
      </button>
    </p>
  );
}
