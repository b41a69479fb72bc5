// @vitest-environment happy-dom
// "Find a term" in the options page: rules found by their term or any form they match, without case,
// accents or ß; only the lists with a rule found are shown, each with only those rules, opened.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { parseList, type RuleList } from '../../../src/core';
import { finderFor, foldForFind } from '../../../src/options/find-rules';
import { SETTLE_MS } from '../../../src/options/settled';

const rulesFound = (list: RuleList, query: string) => finderFor(query)?.(list);
import { Lists } from '../../../src/options/sections/Lists';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import type { PageState } from '../../../src/shared/store/store';

const shippedList = (id: string): RuleList => {
  const loaded = parseList(readFileSync(`rules/${id}.json`, 'utf8'), id);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.list;
};
const krieg = shippedList('de-krieg');
const entmenschlichung = shippedList('de-entmenschlichung');
const war = shippedList('en-war');

it('folds as the matcher does (case, ß, soft hyphens, runs of spaces), then accents', () => {
  expect(foldForFind('  Flüchtlings  STRÖME Straße ')).toBe('fluchtlings strome strasse');
  expect(foldForFind('Kanonen\u00ADfutter')).toBe('kanonenfutter');
});

it('reads ae, oe, ue as umlauts only in addition, and only when the text spells one out', () => {
  const israel: RuleList = { ...krieg, rules: [{ ...krieg.rules[0]!, id: 'israel', term: 'Israel', match: ['Israel'] }] };
  // "el" is found in "Israel", which would not be if "ae" were always read as "a" ("isral").
  expect(rulesFound(israel, 'el')).toEqual(new Set(['israel']));
  expect(rulesFound(israel, 'Israel')).toEqual(new Set(['israel']));
});

it('finds a rule by a form it matches, not only by its term', () => {
  // "freiwillig" is written once; "Freiwilligen" is one of the forms it matches (and a part of
  // "Volksfreiwilligenarmee"). "Asylindustrie" also matches "Flüchtlingsindustrie".
  expect(rulesFound(krieg, 'Freiwilligen')).toEqual(new Set(['freiwillig', 'volksfreiwilligenarmee']));
  expect(rulesFound(entmenschlichung, 'Flüchtlingsindustrie')).toEqual(new Set(['asylindustrie']));
  expect(rulesFound(entmenschlichung, 'fluchtlingswelle')).toEqual(new Set(['fluechtlingswelle']));
  expect(rulesFound(entmenschlichung, 'Fluechtlingswelle')).toEqual(new Set(['fluechtlingswelle']));
  // A compound the rule flags as a whole: the typed word holds one of its forms.
  expect(rulesFound(entmenschlichung, 'Asylantenheim')).toEqual(new Set(['asylant']));
  expect(rulesFound(krieg, 'Wolkenkuckucksheim')).toEqual(new Set());
  expect(rulesFound(krieg, '   ')).toBeUndefined();
});

// What was found is said once typing pauses (settled.ts): the tests move the clock there.
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  act(() => render(null, document.body));
  vi.useRealTimers();
});

function renderLists(pinned: string | null = null) {
  const state = { settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: [] }, notices: [], setAside: [], deletedLists: [] } as unknown as PageState;
  const noop = () => {};
  // The options page keeps what is typed (App.tsx); here a stand-in does.
  function Page() {
    const [query, setQuery] = useState('');
    return (
      <Lists
        state={state}
        shipped={[krieg, entmenschlichung, war]}
        query={query}
        onQuery={setQuery}
        pinned={pinned}
        onToggleList={noop}
        onToggleRule={noop}
        onEdit={noop}
        onUndo={noop}
        onDelete={noop}
        onUpdate={noop}
      />
    );
  }
  act(() => render(<Page />, document.body));
}

async function type(text: string) {
  const input = document.querySelector<HTMLInputElement>('#find-term')!;
  input.value = text;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

const shown = () =>
  [...document.querySelectorAll<HTMLElement>('.list')].map((list) => ({
    list: list.dataset.list,
    open: list.querySelector('details')!.open,
    summary: list.querySelector('.rule-switches summary')!.textContent,
    rules: [...list.querySelectorAll('.rule-switches label')].map((label) => label.textContent),
  }));
/** What the status says once typing has paused; what is shown is the same at once. */
const said = () => {
  const shownNow = document.querySelector('.find-result')!.textContent;
  act(() => void vi.advanceTimersByTime(SETTLE_MS));
  expect(document.querySelector('.find-result')!.textContent).toBe(shownNow);
  return document.querySelector('.find-said')!.textContent;
};
const shownText = () => document.querySelector('.find-result')!.textContent;
/** The live region, read out by screen readers, and the text shown, hidden from them. */
const saysNow = () => [document.querySelector('.find-said')!.textContent, document.querySelector('.find-result')!.textContent];

it('shows only the lists with a rule found, opened on those rules, and says how many', async () => {
  renderLists();
  expect(document.querySelector('label[for="find-term"]')!.textContent).toBe('Find a term');
  expect(shown().map((l) => [l.list, l.open, l.rules.length])).toEqual([
    ['de-krieg', false, krieg.rules.length],
    ['de-entmenschlichung', false, entmenschlichung.rules.length],
    ['en-war', false, war.rules.length],
  ]);
  expect(said()).toBe('');

  await type('Flüchtlings');
  expect(shown()).toEqual([
    {
      list: 'de-entmenschlichung',
      open: true,
      summary: `Rules found (8 of ${entmenschlichung.rules.length})`,
      rules: [
        'Flüchtlingsflut',
        'Flüchtlingswelle',
        'Flüchtlingsstrom',
        'Flüchtlingsansturm',
        'Flüchtlingslawine',
        'Invasion (von Flüchtlingen)',
        'Asylindustrie', // by its form "Flüchtlingsindustrie"
        'Wirtschaftsflüchtling', // "Wirtschaftsflüchtlings"
      ],
    },
  ]);
  expect(shownText()).toBe('8 rules found in 1 list');
  expect(said()).toBe('“Flüchtlings”: 8 rules found in 1 list');

  // Upper case finds lower; "Marionettenregierung" and "Maidan-Putsch" also match "…regime" forms.
  await type('REGIME');
  expect(shown().map((l) => [l.list, l.rules])).toEqual([
    ['de-krieg', ['Kiewer Regime', 'Marionettenregierung', 'Neonazi-Regime', 'Nazi-Regime in Kiew', 'Maidan-Putsch']],
    ['en-war', ['Kyiv regime', 'neo-Nazi regime in Kyiv', 'puppet regime']],
  ]);
  expect(shownText()).toBe('8 rules found in 2 lists');
  expect(said()).toBe('“REGIME”: 8 rules found in 2 lists');
});

it('says when nothing is found, and shows every list again when the box is cleared', async () => {
  renderLists();
  await type('Wolkenkuckucksheim');
  expect(shown()).toEqual([]);
  expect(said()).toBe('No rule in any list matches “Wolkenkuckucksheim”.');
  await type('');
  expect(shown().map((l) => [l.list, l.open])).toEqual([
    ['de-krieg', false],
    ['de-entmenschlichung', false],
    ['en-war', false],
  ]);
  expect(said()).toBe('');
});

it('keeps showing the list the reader just acted on, as it is, without counting it as found', async () => {
  renderLists('de-krieg');
  await type('Flüchtlings');
  expect(shown().map((l) => [l.list, l.open, l.summary, l.rules.length])).toEqual([
    ['de-krieg', false, 'Individual rules', krieg.rules.length],
    ['de-entmenschlichung', true, `Rules found (8 of ${entmenschlichung.rules.length})`, 8],
  ]);
  expect(said()).toBe('“Flüchtlings”: 8 rules found in 1 list');
});

it('says what was found once typing pauses, not at every key, shows it at once, and says nothing at once when the box is cleared', async () => {
  renderLists();
  expect(document.querySelector('.find-said')!.getAttribute('role')).toBe('status');
  expect(document.querySelector('.find-result')!.getAttribute('aria-hidden')).toBe('true');
  await type('F');
  act(() => void vi.advanceTimersByTime(SETTLE_MS - 100));
  await type('Fl');
  act(() => void vi.advanceTimersByTime(SETTLE_MS - 100));
  await type('Flüchtlings');
  // The lists and the text shown follow every key; the live region has said nothing yet.
  expect(shown().map((l) => l.list)).toEqual(['de-entmenschlichung']);
  expect(saysNow()).toEqual(['', '8 rules found in 1 list']);
  act(() => void vi.advanceTimersByTime(SETTLE_MS - 1));
  expect(saysNow()).toEqual(['', '8 rules found in 1 list']);
  act(() => void vi.advanceTimersByTime(1));
  expect(saysNow()).toEqual(['“Flüchtlings”: 8 rules found in 1 list', '8 rules found in 1 list']);
  await type('');
  expect(saysNow()).toEqual(['', '']);
});

it('says a second search that finds as many rules as the first, naming what was typed', async () => {
  renderLists();
  await type('Flüchtlingsflut');
  expect(said()).toBe('“Flüchtlingsflut”: 1 rule found in 1 list');
  await type('Flüchtlingswelle');
  expect(shownText()).toBe('1 rule found in 1 list');
  // The live region's text changes, so a screen reader reads it again.
  expect(saysNow()[0]).toBe('“Flüchtlingsflut”: 1 rule found in 1 list');
  expect(said()).toBe('“Flüchtlingswelle”: 1 rule found in 1 list');
  // What is said is what was typed, trimmed (as in "No rule … matches").
  await type('  Flüchtlingswelle ');
  expect(said()).toBe('“Flüchtlingswelle”: 1 rule found in 1 list');
});
