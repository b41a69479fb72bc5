// Occurrences per technique as bars. The number is always written out: the bar only repeats it.
import { techniqueLabel, t } from '../shared/i18n';
import type { TechniqueCount } from './report';

export function Chart({ counts }: { counts: TechniqueCount[] }) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <ul class="chart" aria-label={t('popup_chart_label')}>
      {counts.map(({ technique, count }) => (
        <li key={technique} data-technique={technique}>
          <span class="chart-label">{techniqueLabel(technique)}</span>
          <span class="chart-bar" aria-hidden="true">
            <span style={{ width: `${(count / most) * 100}%` }} />
          </span>
          <span class="chart-count">{count}</span>
        </li>
      ))}
    </ul>
  );
}
