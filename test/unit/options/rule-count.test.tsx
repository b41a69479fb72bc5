// @vitest-environment happy-dom
// A list's rule count in the options page reads as English and German count: "1 rule", "2 rules".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { Lists } from '../../../src/options/sections/Lists';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import type { PageState } from '../../../src/shared/store/store';
import { ruleList } from '../background/lists';

afterEach(() => act(() => render(null, document.body)));

it('counts one rule as "1 rule" and more as "N rules"', () => {
  const one = ruleList('one');
  const rule = one.rules[0]!;
  const two = { ...ruleList('two'), rules: [rule, { ...rule, id: 'second', term: 'Zweiter' }] };
  const entry = (list: typeof one) => ({ list, origin: 'user', updatedAt: '2026-11-01T00:00:00.000Z', history: [] });
  const state = {
    settings: DEFAULT_SETTINGS,
    userLists: { schema: 1, lists: [entry({ ...one, rules: [rule] }), entry(two)] },
    notices: [],
    setAside: [],
    deletedLists: [],
  } as unknown as PageState;
  const noop = () => {};
  act(() =>
    render(<Lists state={state} shipped={[]} onToggleList={noop} onToggleRule={noop} onEdit={noop} onUndo={noop} onDelete={noop} onUpdate={noop} />, document.body),
  );
  const counts = [...document.querySelectorAll('.facts')].map((facts) => facts.children[1]?.textContent);
  expect(counts).toEqual(['1 rule', '2 rules']);
});
