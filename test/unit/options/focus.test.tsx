// @vitest-environment happy-dom
// Keyboard focus in the options page when the control the reader used goes away or a form opens:
// it goes where the reader can go on, never back to the top of the page.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import type { RuleList } from '../../../src/core';
import { Appearance } from '../../../src/options/sections/Appearance';
import { ListEditor } from '../../../src/options/sections/ListEditor';
import { Lists } from '../../../src/options/sections/Lists';
import { useOnePress } from '../../../src/options/one-press';
import { UndoDelete } from '../../../src/options/sections/UndoDelete';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import type { DeletedSummary } from '../../../src/shared/store/deleted-lists';
import type { PageState } from '../../../src/shared/store/store';
import { ruleList } from '../background/lists';

afterEach(() => act(() => render(null, document.body)));

/** A list of three rules: a, b, c. */
function threeRules(): RuleList {
  const list = ruleList('mine');
  const rule = list.rules[0]!;
  return { ...list, rules: ['a', 'b', 'c'].map((id) => ({ ...rule, id, term: `Term ${id}` })) };
}

function editor(list = threeRules(), onSave = vi.fn(async () => [] as string[])) {
  act(() => render(<ListEditor list={list} isNew={false} onSave={onSave} onClose={() => {}} />, document.body));
  return onSave;
}

const button = (text: string, within: ParentNode = document) => [...within.querySelectorAll('button')].find((b) => b.textContent === text)!;
const rowButton = (rule: string, text: string) => button(text, document.querySelector(`[data-rule="${rule}"]`)!);
/** What has focus, described: a button by its text (and its rule's row), a field by its name, a heading by its text. */
function focused(): string {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return 'body';
  const row = el.closest<HTMLElement>('[data-rule]')?.dataset.rule;
  if (el.localName === 'button') return row ? `${el.textContent} (${row})` : `${el.textContent}`;
  if (el.getAttribute('name')) return `field ${el.getAttribute('name')}`;
  return `${el.localName} ${el.textContent}`;
}
const click = (el: HTMLElement) => act(() => el.click());

it('opens the list editor with focus on its heading', () => {
  editor();
  expect(focused()).toBe('h2 Edit “List mine”');
});

it('puts focus in a rule form when it opens, and back on the button that opened it when it closes', () => {
  editor();
  click(button('Add rule'));
  expect(focused()).toBe('field term');
  click(button('Cancel'));
  expect(focused()).toBe('Add rule');

  click(rowButton('b', 'Edit'));
  expect(focused()).toBe('field term');
  click(button('Cancel'));
  expect(focused()).toBe('Edit (b)');

  click(rowButton('b', 'Edit'));
  act(() => button('Save rule').closest('form')!.requestSubmit());
  expect(focused()).toBe('Edit (b)');
});

it('moves focus to the next rule after a delete, then to the one before, then to "Add rule"', () => {
  editor();
  click(rowButton('b', 'Delete'));
  expect(focused()).toBe('Edit (c)');
  click(rowButton('c', 'Delete'));
  expect(focused()).toBe('Edit (a)');
  click(rowButton('a', 'Delete'));
  expect(focused()).toBe('Add rule');
});

it('keeps focus on "Save list" while the list is saved, and says it cannot be used meanwhile', async () => {
  let finish: (problems: string[]) => void = () => {};
  const onSave = editor(threeRules(), vi.fn(() => new Promise<string[]>((resolve) => (finish = resolve))));
  click(rowButton('a', 'Delete'));
  const save = button('Save list');
  save.focus();
  click(save);
  expect(onSave).toHaveBeenCalledOnce();
  expect(save.getAttribute('aria-disabled')).toBe('true');
  click(save); // unavailable while saving: not saved twice
  expect(onSave).toHaveBeenCalledOnce();
  await act(async () => finish([]));
  expect(focused()).toBe('Save list');
  expect(save.getAttribute('aria-disabled')).toBe('true'); // nothing left to save
});

it('asks before deleting a list with focus on Cancel, and returns it to Delete when cancelled', () => {
  const list = ruleList('mine');
  const state = {
    settings: DEFAULT_SETTINGS,
    userLists: { schema: 1, lists: [{ list, origin: 'user', updatedAt: '2026-11-01T00:00:00.000Z', history: [] }] },
    notices: [],
    setAside: [],
    deletedLists: [],
  } as unknown as PageState;
  const onDelete = vi.fn();
  const noop = () => {};
  act(() =>
    render(
      <Lists state={state} shipped={[]} query="" onQuery={noop} onToggleList={noop} onToggleRule={noop} onEdit={noop} onUndo={noop} onDelete={onDelete} onUpdate={noop} />,
      document.body,
    ),
  );
  click(button('Delete'));
  expect(focused()).toBe('Cancel');
  click(button('Cancel'));
  expect(focused()).toBe('Delete');
  expect(onDelete).not.toHaveBeenCalled();
});

it('asks before restoring the defaults, which switch lists and rules back on, and restores only when confirmed', () => {
  const onRestore = vi.fn();
  const style = { colourBy: 'list', look: 'background' } as const;
  act(() => render(<Appearance style={style} onChange={() => {}} onRestore={onRestore} />, document.body));
  click(button('Restore defaults'));
  expect(document.querySelector('.confirm')!.getAttribute('aria-label')).toBe(
    'Switch every list and rule back on, and go back to the default look? Sites you turned Wortlupe off for stay off.',
  );
  expect(focused()).toBe('Cancel');
  expect(onRestore).not.toHaveBeenCalled();
  click(button('Cancel'));
  expect(focused()).toBe('Restore defaults');
  click(button('Restore defaults'));
  click(button('Restore defaults', document.querySelector('.confirm')!));
  expect(onRestore).toHaveBeenCalledOnce();
  // Answered: the question goes, focus is back on the button, and the next press asks again.
  expect(document.querySelector('.confirm')).toBe(null);
  expect(focused()).toBe('Restore defaults');
  click(button('Restore defaults'));
  expect(focused()).toBe('Cancel');
  expect(onRestore).toHaveBeenCalledOnce();
});

it('restores a deleted list once however often "Undo delete" is pressed while it works, and says it cannot be used meanwhile', async () => {
  let finish: () => void = () => {};
  const onRestore = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  const deleted: DeletedSummary = { id: 'mine', title: 'List mine', version: '1', deletedAt: '2026-11-20T10:00:00.000Z' };
  // As the page uses it: one guard for every restore button (see App.tsx).
  function Page() {
    const restoring = useOnePress(onRestore);
    return <UndoDelete kept={deleted} busy={restoring.busy} onRestore={restoring.press} onExport={() => {}} />;
  }
  act(() => render(<Page />, document.body));
  expect(document.querySelector('.undo-delete')!.textContent).toBe('“List mine” was deleted. Undo deleteExport');
  const undo = button('Undo delete');
  undo.focus();
  click(undo);
  click(undo);
  expect(onRestore).toHaveBeenCalledOnce();
  expect(onRestore).toHaveBeenCalledWith(deleted);
  expect(undo.getAttribute('aria-disabled')).toBe('true');
  expect(focused()).toBe('Undo delete');
  await act(async () => finish());
  // Refused (say a list took its id meanwhile): the line stays, and can be pressed again.
  expect(undo.getAttribute('aria-disabled')).toBe(null);
  click(undo);
  expect(onRestore).toHaveBeenCalledTimes(2);
});
