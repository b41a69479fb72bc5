import browser from 'webextension-polyfill';
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeSignals, indexRules } from '../shared/describe';
import { severityLabel, t, techniqueLabel } from '../shared/i18n';
import { readActiveLists, tabKey } from '../shared/storage';
import { ListWebsite } from '../shared/ui/ListWebsite';
import { SafeLink } from '../shared/ui/SafeLink';
import { Chart } from './Chart';
import { groupFindings, type Group } from './group';
import { ExportButtons, savedSort, SortControl } from './ReportTools';
import { sortGroups, summaryLine, techniqueCounts } from './report';
import { RuleOff } from './RuleOff';
import { Shortcuts } from './Shortcuts';
import { Unread } from './Unread';
import { SiteSwitch } from './SiteSwitch';
import { activeTabId, loadFindings, reveal, type FrameFinding } from './load-findings';

type State =
  | { kind: 'loading' }
  | { kind: 'unread'; tabId?: number }
  | { kind: 'ready'; tabId: number; groups: Group[]; host?: string; page: { url?: string; title?: string } };

export function App({ tabId }: { tabId: number | undefined }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [order, setOrder] = useState(savedSort);
  /** Raised to read the tab's findings again (a page that was still loading has loaded, the site switch was used). */
  const [attempt, setAttempt] = useState(0);
  /** Wortlupe on this tab's site, as the site switch says (null until it knows). */
  const [siteOn, setSiteOn] = useState<boolean | null>(null);
  /**
   * The site switch was used here: from then on the list follows the page's counts. A ref, set
   * before the command goes out: the first change can come before its answer does.
   */
  const followCounts = useRef(false);
  /**
   * The terms whose switch the reader used in this popup, as they were listed then, and whether
   * each is off now. They stay listed whatever the page answers later: a term switched off is gone
   * from it, but its row says so and holds the button that flags it again. Off ones are not
   * counted, charted or exported.
   */
  const [switched, setSwitched] = useState<ReadonlyMap<string, { group: Group; off: boolean }>>(new Map());
  const switchOff = (group: Group, off: boolean) => setSwitched((before) => new Map(before).set(group.key, { group, off }));
  const isOff = (key: string) => switched.get(key)?.off === true;
  useEffect(() => {
    // Asked again: "Reading the page…" until its frames answer, unless the list is shown already
    // (it stays, and with it the focus on the site switch, until the new answer replaces it).
    setState((shown) => (shown.kind === 'ready' ? shown : { kind: 'loading' }));
    let superseded = false;
    void (async () => {
      const id = tabId ?? (await activeTabId());
      const loaded = id === undefined ? null : await loadFindings(id);
      const lists = loaded ? await readActiveLists() : [];
      // A later ask (the site switched twice in a row) answers for both.
      if (superseded) return;
      if (id === undefined || loaded === null) return setState({ kind: 'unread', ...(id === undefined ? {} : { tabId: id }) });
      const fresh = groupFindings(loaded.findings, indexRules(lists));
      const host = loaded.url && /^https?:/.test(loaded.url) ? new URL(loaded.url).hostname : undefined;
      const page = { ...(loaded.url ? { url: loaded.url } : {}), ...(loaded.title ? { title: loaded.title } : {}) };
      setState({ kind: 'ready', tabId: id, groups: fresh, page, ...(host ? { host } : {}) });
    })();
    return () => {
      superseded = true;
    };
  }, [tabId, attempt]);

  // After the site switch was used here, the page is cleared or read again, its first screen first
  // and the rest in idle time, and its counts in storage.session change with each report: ask its
  // frames again each time, so the list ends up as the page does.
  const shownTab = state.kind === 'ready' ? state.tabId : undefined;
  useEffect(() => {
    if (shownTab === undefined) return;
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabKey(shownTab) in changes && followCounts.current) setAttempt((n) => n + 1);
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [shownTab]);

  // Switched off for this site: nothing of the page is listed, whatever was before.
  const siteOff = state.kind === 'ready' && state.host !== undefined && siteOn === false;
  const answered = state.kind === 'ready' && !siteOff ? state.groups : [];
  const listed = [...answered, ...(siteOff ? [] : [...switched.values()].map((s) => s.group).filter((g) => !answered.some((a) => a.key === g.key)))];
  const flagged = listed.filter((g) => !isOff(g.key));
  const flags = flagged.reduce((sum, g) => sum + g.occurrences.length, 0);
  return (
    <main>
      <header>
        <h1>{t('popup_title')}</h1>
        {listed.length > 0 && (
          <p class="summary" data-testid="summary">
            {flags > 0 ? summaryLine(flags, flagged.length, t) : t('popup_all_off')}
          </p>
        )}
      </header>
      {state.kind === 'loading' && <p class="empty">{t('popup_loading')}</p>}
      {state.kind === 'unread' && <Unread key={attempt} tabId={state.tabId} onLoaded={() => setAttempt((n) => n + 1)} />}
      {state.kind === 'ready' && listed.length === 0 && (
        <p class="empty" data-testid="empty">
          {siteOff && state.host ? t('popup_site_off', state.host) : t('popup_none')}
        </p>
      )}
      {state.kind === 'ready' && listed.length > 0 && (
        <>
          {flags > 0 && (
            <>
              <Chart counts={techniqueCounts(flagged)} />
              <SortControl order={order} onChange={setOrder} />
            </>
          )}
          <ul class="groups">
            {sortGroups(listed, order).map((group) => (
              <RuleGroup key={group.key} group={group} tabId={state.tabId} off={isOff(group.key)} onSwitch={(off) => switchOff(group, off)} />
            ))}
          </ul>
          {flags > 0 && <ExportButtons page={state.page} groups={sortGroups(flagged, order)} />}
        </>
      )}
      <footer>
        {state.kind === 'ready' && state.host && (
          <SiteSwitch host={state.host} onState={setSiteOn} onSwitching={(going) => (followCounts.current ||= going)} />
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
        <Shortcuts />
      </footer>
    </main>
  );
}

function RuleGroup({ group, tabId, off, onSwitch }: { group: Group; tabId: number; off: boolean; onSwitch: (off: boolean) => void }) {
  const { rule } = group;
  // The list's words (and the page's sentences it matched, which are in the same language) are
  // marked with the list's language; labels around them are in the interface's.
  const lang = group.list.language;
  return (
    <li class={`group severity-${rule.severity}`} data-rule={group.key}>
      <details>
        <summary>
          <span class="label">
            <span class="term" lang={lang}>
              {rule.term}
            </span>
            <span class="chip">
              {techniqueLabel(rule.technique)} · {severityLabel(rule.severity)}
            </span>
            {off && <span class="off-tag">{t('popup_rule_off_tag')}</span>}
          </span>
          <span class="count" aria-label={String(group.occurrences.length)}>
            {group.occurrences.length}
          </span>
        </summary>
        <div class="body">
          <p class="explanation" lang={lang}>
            {rule.explanation}
          </p>
          {rule.legitimate && (
            <p class="legitimate">
              <strong>{t('popup_legitimate')}:</strong> <span lang={lang}>{rule.legitimate}</span>
            </p>
          )}
          {rule.alternatives?.length ? (
            <p class="alternatives">
              <strong>{t('popup_alternatives')}:</strong> <span lang={lang}>{rule.alternatives.join(' · ')}</span>
            </p>
          ) : null}
          <h2>{t('popup_occurrences')}</h2>
          <ol class="occurrences">
            {group.occurrences.map((finding) => (
              <Occurrence key={`${finding.frameId}:${finding.index}`} finding={finding} tabId={tabId} lang={lang} off={off} />
            ))}
          </ol>
          <h2>{t('popup_sources')}</h2>
          <ul class="sources">
            {rule.sources.map((source) => (
              <li key={source.url}>
                <SafeLink href={source.url}>{source.title}</SafeLink>
              </li>
            ))}
          </ul>
          <p class="list-line">
            <span>
              {t('popup_list')} <span lang={lang}>{group.list.title}</span>
            </span>
            <ListWebsite homepage={group.list.homepage} />
          </p>
          <RuleOff listId={group.list.id} ruleId={rule.id} term={rule.term} listTitle={group.list.title} off={off} onSwitch={onSwitch} />
        </div>
      </details>
    </li>
  );
}

/** `off`: its rule was switched off here; the page no longer marks it, so there is nothing to show there. */
function Occurrence({ finding, tabId, lang, off }: { finding: FrameFinding; tabId: number; lang: string; off: boolean }) {
  return (
    <li>
      <button type="button" class="occurrence" disabled={off} {...(off ? {} : { title: t('popup_jump') })} onClick={() => reveal(tabId, finding)}>
        <span class="sentence" lang={lang}>
          {finding.before}
          <mark>{finding.match}</mark>
          {finding.after}
        </span>
        {/* One line per note, as the card lists them; the space keeps them apart in the button's name too. */}
        <span class="signals">
          {describeSignals(finding.signals, t).map((note, i) => (
            <Fragment key={note}>
              {i > 0 && ' '}
              <span class="signal">{note}</span>
            </Fragment>
          ))}
        </span>
      </button>
    </li>
  );
}
