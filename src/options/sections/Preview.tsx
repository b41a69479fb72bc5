// What a rule would flag: its examples, and any text the reader pastes, run through the real matcher.
import { useMemo, useState } from 'preact/hooks';
import { compile, type Rule } from '../../core';
import { describeSignals } from '../../shared/describe';
import { t } from '../../shared/i18n';

export function Preview({ rule, language }: { rule: Rule | undefined; language: string }) {
  const [text, setText] = useState('');
  const matcher = useMemo(
    () => (rule ? compile([{ format: 'wortlupe-list/1', id: 'preview', title: 'Preview', language, version: '0', rules: [rule] }]) : undefined),
    [rule, language],
  );
  if (!rule || !matcher) {
    return (
      <section class="preview" aria-label={t('options_preview')}>
        <h3>{t('options_preview')}</h3>
        <p class="hint">{t('options_preview_waiting')}</p>
      </section>
    );
  }
  const run = (sample: string) => matcher.find(sample, { lang: language });
  return (
    <section class="preview" aria-label={t('options_preview')}>
      <h3>{t('options_preview')}</h3>
      <ul class="examples">
        {(rule.examples?.flag ?? []).map((sample) => (
          <Example key={`f${sample}`} sample={sample} found={run(sample)} expected />
        ))}
        {(rule.examples?.ignore ?? []).map((sample) => (
          <Example key={`i${sample}`} sample={sample} found={run(sample)} expected={false} />
        ))}
      </ul>
      <label for="preview-text">{t('options_preview_paste')}</label>
      <textarea id="preview-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {text.trim() && <Marked sample={text} found={run(text)} />}
    </section>
  );
}

type Found = ReturnType<ReturnType<typeof compile>['find']>;

function Example({ sample, found, expected }: { sample: string; found: Found; expected: boolean }) {
  const pass = expected ? found.length > 0 : found.length === 0;
  return (
    <li class={pass ? 'pass' : 'fail'}>
      <span class="verdict">{pass ? '✓' : '✗'} {t(expected ? 'options_example_flag' : 'options_example_ignore')}</span>
      <Marked sample={sample} found={found} />
    </li>
  );
}

function Marked({ sample, found }: { sample: string; found: Found }) {
  const parts = [];
  let at = 0;
  for (const f of found) {
    parts.push(sample.slice(at, f.start));
    parts.push(
      <mark key={f.start} title={describeSignals(f.signals, t).join(' ')}>
        {f.match}
      </mark>,
    );
    at = f.end;
  }
  parts.push(sample.slice(at));
  return (
    <p class="marked">
      {parts}
      {found.length > 0 && <span class="why"> — {describeSignals(found[0]!.signals, t).join(' ')}</span>}
    </p>
  );
}
