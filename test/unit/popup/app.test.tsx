// @vitest-environment happy-dom
// The popup with a term switched off from it: still listed, saying so, its sentences no longer
// leading to the page, and left out of the count, the chart and the report; with every term off it
// says nothing is flagged any more. Sorting keeps what was switched off where it is.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { parseList } from '../../../src/core';
import type { Command, CommandResult } from '../../../src/shared/messages';

const loaded = parseList(readFileSync('rules/de-krieg.json', 'utf8'), 'de-krieg.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const krieg = loaded.list;

// freiwillig (euphemism) once, Volksfreiwilligenarmee (euphemism) twice, Faschismus (name-calling) three times.
const occurrences: [ruleId: string, times: number][] = [
  ['freiwillig', 1],
  ['volksfreiwilligenarmee', 2],
  ['faschismus', 3],
];
const findings = occurrences.flatMap(([ruleId, times]) => Array.from({ length: times }, () => ruleId)).map((ruleId, index) => ({
  frameId: 0,
  index,
  listId: 'de-krieg',
  ruleId,
  match: ruleId,
  before: 'Vor ',
  after: ' nach.',
  signals: [],
}));

const sent: Command[] = [];
const saved: { name: string; data: unknown }[] = [];
vi.mock('../../../src/shared/commands', () => ({ send: async (command: Command): Promise<CommandResult> => (sent.push(command), { ok: true }) }));
/** The lists switched on (a test may give one a website). */
let activeLists = [krieg];
vi.mock('../../../src/shared/storage', () => ({ readActiveLists: async () => activeLists, tabKey: (tabId: number) => `tab:${tabId}` }));
vi.mock('../../../src/shared/ui/download', () => ({ saveJson: (name: string, data: unknown) => saved.push({ name, data }), saveFile: () => {} }));
/** What the tab's frames answer now (a test may change the page). */
let answered = findings;
vi.mock('../../../src/popup/load-findings', () => ({
  activeTabId: async () => 7,
  reveal: () => {},
  loadFindings: async () => ({ url: 'https://zeitung.example/artikel', title: 'Artikel', findings: answered }),
}));
// The site switch as two buttons, switching the site on and off (its own tests are the e2e ones).
vi.mock('../../../src/popup/SiteSwitch', () => ({
  SiteSwitch: ({ onSwitching, onState }: { onSwitching: (going: boolean) => void; onState: (on: boolean) => void }) =>
    [true, false].map((on) => (
      <button
        key={String(on)}
        type="button"
        id={on ? 'site-on' : 'site-off'}
        onClick={() => {
          onSwitching(true);
          onState(on);
        }}
      >
        {on ? 'on' : 'off'}
      </button>
    )),
}));
vi.mock('../../../src/popup/Shortcuts', () => ({ Shortcuts: () => null }));
const storageListeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { openOptionsPage: () => {}, getURL: (path: string) => path },
    tabs: {},
    storage: { onChanged: { addListener: (f: never) => storageListeners.add(f), removeListener: (f: never) => storageListeners.delete(f) } },
  },
}));
const { App } = await import('../../../src/popup/App');

beforeEach(async () => {
  answered = findings;
  activeLists = [krieg];
  sent.length = 0;
  saved.length = 0;
  localStorage.clear();
  await act(async () => render(<App tabId={7} />, document.body));
  // The findings and lists are read after the first render.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
});
afterEach(() => act(() => render(null, document.body)));

const view = () => ({
  summary: document.querySelector('.summary')?.textContent,
  chart: [...document.querySelectorAll('.chart li')].map((li) => `${li.querySelector('.chart-label')!.textContent} ${li.querySelector('.chart-count')!.textContent}`),
  sort: document.querySelector('#sort') !== null,
  exportable: document.querySelector('#export-json') !== null,
  rows: [...document.querySelectorAll<HTMLElement>('.group')].map((g) => ({
    rule: g.dataset.rule!.split('/')[1],
    off: g.querySelector('.off-tag') !== null,
    jumps: [...g.querySelectorAll<HTMLButtonElement>('.occurrence')].map((b) => !b.disabled),
  })),
});
const switchOf = (ruleId: string) => act(async () => document.querySelector<HTMLButtonElement>(`[data-rule="de-krieg/${ruleId}"] .rule-off button`)!.click());
const sortBy = (order: string) =>
  act(() => {
    const select = document.querySelector<HTMLSelectElement>('#sort')!;
    select.value = order;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

it('leaves a term switched off out of the count, the chart and the report, and keeps it listed', async () => {
  expect(view().summary).toBe('6 flags, 3 terms');
  await switchOf('faschismus');
  expect(sent).toEqual([{ type: 'set-rule-enabled', listId: 'de-krieg', ruleId: 'faschismus', enabled: false }]);
  expect(view()).toEqual({
    summary: '3 flags, 2 terms',
    chart: ['Euphemism 3'],
    sort: true,
    exportable: true,
    rows: [
      { rule: 'freiwillig', off: false, jumps: [true] },
      { rule: 'volksfreiwilligenarmee', off: false, jumps: [true, true] },
      { rule: 'faschismus', off: true, jumps: [false, false, false] },
    ],
  });
  await act(async () => document.querySelector<HTMLButtonElement>('#export-json')!.click());
  const report = saved[0]!.data as { total: number; rules: { rule: string }[] };
  expect([report.total, report.rules.map((r) => r.rule)]).toEqual([3, ['freiwillig', 'volksfreiwilligenarmee']]);
});

it('keeps a term switched off when the rows are sorted again, and counts it once it is flagged again', async () => {
  await switchOf('faschismus');
  await sortBy('count');
  expect(view().rows.map((r) => [r.rule, r.off])).toEqual([
    ['faschismus', true],
    ['volksfreiwilligenarmee', false],
    ['freiwillig', false],
  ]);
  expect(document.querySelector('[data-rule="de-krieg/faschismus"] .rule-off button')!.textContent).toBe('Flag it again');
  await switchOf('faschismus');
  expect([view().summary, view().chart, view().rows[0]]).toEqual(['6 flags, 3 terms', ['Euphemism 3', 'Name-calling 3'], { rule: 'faschismus', off: false, jumps: [true, true, true] }]);
});

it('says nothing is flagged any more once every term is switched off, without chart, sort or report', async () => {
  for (const [ruleId] of occurrences) await switchOf(ruleId);
  expect(view()).toEqual({
    summary: 'Nothing on this page is flagged any more.',
    chart: [],
    sort: false,
    exportable: false,
    rows: [
      { rule: 'freiwillig', off: true, jumps: [false] },
      { rule: 'volksfreiwilligenarmee', off: true, jumps: [false, false] },
      { rule: 'faschismus', off: true, jumps: [false, false, false] },
    ],
  });
});

it('follows the page after the site switch was used, and keeps a term switched off here listed with its button', async () => {
  await switchOf('faschismus');
  // Counts that change before the switch was used are not followed.
  answered = findings.filter((f) => f.ruleId === 'freiwillig');
  const countsChange = () =>
    act(async () => {
      for (const listener of storageListeners) listener({ 'tab:7': { newValue: {} } }, 'session');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  await countsChange();
  expect(view().summary).toBe('3 flags, 2 terms');
  await act(async () => document.querySelector<HTMLButtonElement>('#site-on')!.click());
  // The page is read again: only freiwillig is there now; faschismus, switched off here, stays listed.
  await countsChange();
  // The frames are asked again on the change: their answer arrives after it.
  await vi.waitFor(() => expect(view().summary).toBe('1 flag, 1 term'));
  expect(view().rows.map((r) => [r.rule, r.off])).toEqual([
    ['freiwillig', false],
    ['faschismus', true],
  ]);
  expect(document.querySelector('[data-rule="de-krieg/faschismus"] .rule-off button')!.textContent).toBe('Flag it again');
  // Each later report is followed too: the list ends up as the page does.
  answered = findings;
  await countsChange();
  await vi.waitFor(() => expect(view().summary).toBe('3 flags, 2 terms'));
});

it('says the site is switched off, and lists nothing, also after a term was switched off here', async () => {
  await switchOf('faschismus');
  await act(async () => document.querySelector<HTMLButtonElement>('#site-off')!.click());
  expect([view().summary, view().rows, document.querySelector('[data-testid="empty"]')?.textContent]).toEqual([
    undefined,
    [],
    'Wortlupe is off on zeitung.example: it does not read this site.',
  ]);
});

it('says which list each term is from, and links the list\'s website by its host, in a new tab without a referrer', async () => {
  const line = () => [...document.querySelectorAll('.group .list-line')].map((p) => p.textContent);
  expect(line()).toEqual(Array(3).fill('List: Krieg und russische Staatspropaganda'));
  expect(document.querySelector('.list-line a')).toBeNull();
  // The title in the list's language, for screen readers; the label in the interface's.
  expect(document.querySelector('.list-line [lang]')!.outerHTML).toBe('<span lang="de">Krieg und russische Staatspropaganda</span>');

  act(() => render(null, document.body));
  activeLists = [{ ...krieg, homepage: 'https://listen.example/krieg?von=wortlupe' }];
  await act(async () => render(<App tabId={7} />, document.body));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(line()).toEqual(Array(3).fill('List: Krieg und russische StaatspropagandaWebsite: listen.example'));
  const link = document.querySelector<HTMLAnchorElement>('.list-line a')!;
  expect([link.getAttribute('href'), link.target, link.rel]).toEqual(['https://listen.example/krieg?von=wortlupe', '_blank', 'noopener noreferrer']);
});
