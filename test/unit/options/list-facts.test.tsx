// @vitest-environment happy-dom
// What the options page says of a list and of the sites: its language by name, its rules counted as
// English and German count ("1 rule", "2 rules"), and the sites Wortlupe is off on.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { Lists } from '../../../src/options/sections/Lists';
import { Sites } from '../../../src/options/sections/Sites';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import type { RuleList } from '../../../src/core';
import type { PageState } from '../../../src/shared/store/store';
import { ruleList } from '../background/lists';

afterEach(() => act(() => render(null, document.body)));

const noop = () => {};
/** The options page's lists section with these lists of the reader's own, and these kept as deleted. */
function showLists(lists: RuleList[], deletedLists: unknown[] = []): void {
  const entry = (list: RuleList) => ({ list, origin: 'user', updatedAt: '2026-11-01T00:00:00.000Z', history: [] });
  const state = { settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: lists.map(entry) }, notices: [], setAside: [], deletedLists } as unknown as PageState;
  act(() =>
    render(<Lists state={state} shipped={[]} query="" onQuery={noop} onToggleList={noop} onToggleRule={noop} onEdit={noop} onUndo={noop} onDelete={noop} onUpdate={noop} />, document.body),
  );
}

it('counts one rule as "1 rule" and more as "N rules"', () => {
  const one = ruleList('one');
  const rule = one.rules[0]!;
  const two = { ...ruleList('two'), rules: [rule, { ...rule, id: 'second', term: 'Zweiter' }] };
  showLists([{ ...one, rules: [rule] }, two]);
  const facts = [...document.querySelectorAll('.facts')].map((facts) => [facts.children[0]?.textContent, facts.children[1]?.textContent]);
  expect(facts).toEqual([
    ['Language: German (de)', '1 rule'],
    ['Language: German (de)', '2 rules'],
  ]);
});

it('says which sites Wortlupe is off on only when there are any', () => {
  const texts = () => [...document.querySelectorAll('section p')].map((p) => p.textContent);
  act(() => render(<Sites sites={[]} onChange={async () => []} />, document.body));
  expect(texts()).toEqual(['Wortlupe is on everywhere.', '*.example.org includes every subdomain.']);
  act(() => render(<Sites sites={['*.example.org']} onChange={async () => []} />, document.body));
  expect(texts()).toEqual(['Wortlupe does nothing on these sites:', '*.example.org includes every subdomain.']);
  expect(document.querySelector('.sites li span')!.textContent).toBe('*.example.org');
});

it('says, before a delete, which kept deleted list it removes for good once 20 are kept', () => {
  // Newest first, as the background keeps them.
  const kept = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `old-${i}`, title: `Old ${i}`, version: '1', deletedAt: `2026-10-${String(30 - i).padStart(2, '0')}T00:00:00.000Z` }));
  const question = (deletedLists: ReturnType<typeof kept>) => {
    showLists([ruleList('mine')], deletedLists);
    act(() => [...document.querySelectorAll<HTMLButtonElement>('.list button')].find((b) => b.textContent === 'Delete')!.click());
    const text = document.querySelector('.confirm')!.firstChild!.textContent;
    act(() => render(null, document.body));
    return text;
  };
  const title = ruleList('mine').title;
  expect(question(kept(19))).toBe(`Delete “${title}”?`);
  expect(question(kept(20))).toBe(
    `Delete “${title}”? Only the last 20 deleted lists are kept: “Old 19”, the oldest of them, will then be gone for good (export it from Deleted lists first to keep it).`,
  );
});

it('gives a list\'s licence and the host of its website where it has them, the website as a link to a new tab', () => {
  showLists([{ ...ruleList('credited'), license: 'CC BY-SA 4.0', homepage: 'https://listen.example/credited' }, ruleList('plain')]);
  const facts = [...document.querySelectorAll('.facts')].map((p) => [...p.children].map((span) => span.textContent));
  expect(facts).toEqual([
    ['Language: German (de)', '1 rule', 'Version 1', 'Licence: CC BY-SA 4.0', 'Yours', 'Website: listen.example'],
    ['Language: German (de)', '1 rule', 'Version 1', 'Yours'],
  ]);
  const link = document.querySelector<HTMLAnchorElement>('.facts a')!;
  // The label is part of the link: a screen reader's list of links says whose site it is.
  expect([link.textContent, link.getAttribute('href'), link.target, link.rel]).toEqual([
    'Website: listen.example',
    'https://listen.example/credited',
    '_blank',
    'noopener noreferrer',
  ]);
});
