// @vitest-environment happy-dom
// The options page (App.tsx) with the background's answers given by the test. Around Delete and Undo
// delete: what it says when the list was gone already, and which Undo it still offers when a restore
// and another delete end in an order the reader did not see. Around data set aside: what it asks the
// background for, by name, and which files it saves.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandResult } from '../../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import type { State } from '../../../src/shared/store/store';
import type { UserListEntry } from '../../../src/shared/store/user-lists';
import { ruleList } from '../background/lists';

/** The page's listeners for storage changes (another tab, the background): the test calls them. */
const storageListeners = vi.hoisted(() => new Set<(changes: object, area: string) => void>());
/** What is stored changed in `area`, as the browser tells every page. */
const storageChanged = (area = 'local') => storageListeners.forEach((changed) => changed({}, area));
/** Tabs the page opened (a request it hands on while its editor is open). */
const tabsOpened = vi.hoisted(() => [] as string[]);
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      onChanged: {
        addListener: (f: (changes: object, area: string) => void) => storageListeners.add(f),
        removeListener: (f: (changes: object, area: string) => void) => storageListeners.delete(f),
      },
    },
    tabs: { create: async ({ url }: { url: string }) => void tabsOpened.push(url) },
  },
}));
/** Each command the page sends waits here until the test answers it. */
const asked: { command: Command; answer: (result: CommandResult) => void }[] = [];
vi.mock('../../../src/shared/commands', async (original) => ({
  ...(await original<typeof import('../../../src/shared/commands')>()),
  send: (command: Command) => new Promise<CommandResult>((answer) => asked.push({ command, answer })),
}));
/** Files the page saved, by name. */
const saved = vi.hoisted(() => [] as [string, unknown][]);
vi.mock('../../../src/shared/ui/download', () => ({ saveJson: (name: string, value: unknown) => saved.push([name, value]) }));
const { App } = await import('../../../src/options/App');

const entry = (id: string): UserListEntry => ({ list: { ...ruleList(id), title: `List ${id}` }, origin: 'user', updatedAt: '2026-11-01T00:00:00.000Z', history: [] });
const stateWith = (...ids: string[]): State =>
  ({ settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: ids.map(entry) }, notices: [], setAside: [], deletedLists: [] }) as unknown as State;

const status = () => document.querySelector('.status')!.textContent;
const undoLine = () => document.querySelector('.undo-delete')?.textContent ?? null;
const click = (el: Element | undefined) => act(() => (el as HTMLElement).click());
const buttonIn = (selector: string, text: string) => [...document.querySelectorAll(`${selector} button`)].find((b) => b.textContent === text);
/**
 * Answer a command, and let everything that follows from it run (the page's handlers go on in later
 * microtasks; a macrotask comes after all of them) before the test looks.
 */
async function reply(waiting: (typeof asked)[number], result: CommandResult): Promise<void> {
  await act(async () => {
    waiting.answer(result);
    await new Promise((settled) => setTimeout(settled));
  });
}
/** Answer the oldest command still waiting, after checking what it asked. */
async function answer(type: Command['type'], result: CommandResult): Promise<void> {
  const next = asked.shift()!;
  expect(next.command.type).toBe(type);
  await reply(next, result);
}
async function deleteList(id: string): Promise<void> {
  click(buttonIn(`[data-list="${id}"]`, 'Delete'));
  click(buttonIn(`[data-list="${id}"] .confirm`, 'Delete'));
}

beforeEach(async () => {
  asked.length = 0;
  act(() => render(<App />, document.body));
  await answer('get-state', { ok: true, data: stateWith('a', 'b') });
});
afterEach(() => act(() => render(null, document.body)));

const AT = '2026-11-20T10:00:00.000Z';
/** `state` with these lists kept as deleted, as the background sends them: by name only. */
const keeping = (state: State, ...ids: string[]): State =>
  ({ ...state, deletedLists: ids.map((id) => ({ id, title: `List ${id}`, version: '1', deletedAt: AT })) }) as unknown as State;

it('offers Undo after a delete, and says so; a list deleted in another tab already has nothing to undo', async () => {
  await deleteList('a');
  await answer('delete-list', { ok: true, data: keeping(stateWith('b'), 'a'), deletedAt: AT });
  expect(status()).toBe('List deleted. “Undo delete” below brings it back.');
  expect(undoLine()).toBe('“List a” was deleted. Undo deleteExport');

  await deleteList('b');
  await answer('delete-list', { ok: true, data: keeping(stateWith(), 'a') });
  expect(status()).toBe('That list was deleted already (in another tab?).');
  // The Undo still on offer is the one for "List a".
  expect(undoLine()).toBe('“List a” was deleted. Undo deleteExport');
});

it('keeps offering a list deleted while another one was being restored', async () => {
  await deleteList('a');
  await answer('delete-list', { ok: true, data: keeping(stateWith('b'), 'a'), deletedAt: AT });
  click(buttonIn('.undo-delete', 'Undo delete'));
  await deleteList('b');
  // The delete of b ends first: its Undo replaces a's.
  expect(asked.map((a) => a.command.type)).toEqual(['restore-kept', 'delete-list']);
  const restore = asked.shift()!;
  await answer('delete-list', { ok: true, data: keeping(stateWith(), 'b', 'a'), deletedAt: AT });
  expect(undoLine()).toBe('“List b” was deleted. Undo deleteExport');
  // Then a's restore: a is back, and b can still be brought back.
  await reply(restore, { ok: true, data: keeping(stateWith('a'), 'b') });
  expect(status()).toBe('“List a” is back, with its earlier versions.');
  expect(undoLine()).toBe('“List b” was deleted. Undo deleteExport');
});

describe('the deleted lists the background keeps', () => {
  const summary = () => document.querySelector('.deleted-lists summary')?.textContent ?? null;
  const reopen = async (state: State) => {
    act(() => render(null, document.body));
    act(() => render(<App />, document.body));
    await answer('get-state', { ok: true, data: state });
  };

  it('brings one back from a page opened after the delete, one press one restore, and focuses it', async () => {
    await reopen(keeping(stateWith('b'), 'a'));
    expect(summary()).toBe('Deleted lists (1)');
    expect(document.querySelector('[data-deleted="a"]')!.textContent).toBe(
      `List aversion 1, deleted ${new Date(AT).toLocaleString()}RestoreExportRemove for good`,
    );
    expect(undoLine()).toBe(null); // nothing deleted from this page
    // Pressed twice before the page renders again, and once more while the restore runs.
    const restore = buttonIn('[data-deleted="a"]', 'Restore') as HTMLElement;
    act(() => {
      restore.click();
      restore.click();
    });
    click(buttonIn('[data-deleted="a"]', 'Restore'));
    expect(asked.map((a) => a.command)).toEqual([{ type: 'restore-kept', listId: 'a', deletedAt: AT }]);
    expect(restore.getAttribute('aria-disabled')).toBe('true');
    await answer('restore-kept', { ok: true, data: stateWith('a', 'b') });
    expect(status()).toBe('“List a” is back, with its earlier versions.');
    expect(summary()).toBe(null);
    await act(async () => new Promise<void>((settled) => requestAnimationFrame(() => settled())));
    expect(document.activeElement?.closest('[data-list]')?.getAttribute('data-list')).toBe('a');
  });

  it('restores one list at a time, whichever button: Undo delete and Restore of the same list', async () => {
    await deleteList('a');
    await answer('delete-list', { ok: true, data: keeping(stateWith('b'), 'a'), deletedAt: AT });
    expect(undoLine()).toBe('“List a” was deleted. Undo deleteExport');
    click(buttonIn('.undo-delete', 'Undo delete'));
    click(buttonIn('[data-deleted="a"]', 'Restore'));
    expect(asked.map((a) => a.command)).toEqual([{ type: 'restore-kept', listId: 'a', deletedAt: AT }]);
    await answer('restore-kept', { ok: true, data: stateWith('a', 'b') });
    expect(undoLine()).toBe(null);
    expect(summary()).toBe(null);
  });

  it('takes back the Undo of a list no longer kept: brought back, or removed for good, in another tab', async () => {
    // Brought back (a is listed again), then, deleted once more, removed for good (a is nowhere).
    for (const elsewhere of [stateWith('a', 'b'), stateWith('b')]) {
      await deleteList('a');
      await answer('delete-list', { ok: true, data: keeping(stateWith('b'), 'a'), deletedAt: AT });
      expect(undoLine()).toBe('“List a” was deleted. Undo deleteExport');
      // The next answer shows list a no longer kept.
      click(document.querySelector<HTMLElement>('[data-list="b"] input[role="switch"]')!);
      await answer('set-list-enabled', { ok: true, data: elsewhere });
      expect(undoLine()).toBe(null);
    }
  });

  it('shows a time of deletion that is not a date as it is stored', async () => {
    const state = keeping(stateWith('b'), 'a') as unknown as { deletedLists: { deletedAt: string }[] };
    state.deletedLists[0]!.deletedAt = 'gestern';
    await reopen(state as unknown as State);
    expect(document.querySelector('[data-deleted="a"] .meta')!.textContent).toBe('version 1, deleted gestern');
  });

  it('saves a kept list as a file, from Undo delete and from the deleted lists, and it stays kept', async () => {
    saved.length = 0;
    await deleteList('a');
    await answer('delete-list', { ok: true, data: keeping(stateWith('b'), 'a'), deletedAt: AT });
    click(buttonIn('.undo-delete', 'Export'));
    await answer('export-kept', { ok: true, data: ruleList('a') });
    click(buttonIn('[data-deleted="a"]', 'Export'));
    expect(asked.map((a) => a.command)).toEqual([{ type: 'export-kept', listId: 'a', deletedAt: AT }]);
    await answer('export-kept', { ok: true, data: ruleList('a') });
    expect(saved).toEqual([
      ['a.json', ruleList('a')],
      ['a.json', ruleList('a')],
    ]);
    expect(undoLine()).toBe('“List a” was deleted. Undo deleteExport');
  });

  it('removes one for good only once confirmed', async () => {
    await reopen(keeping(stateWith('b'), 'a', 'c'));
    expect(summary()).toBe('Deleted lists (2)');
    click(buttonIn('[data-deleted="c"]', 'Remove for good'));
    expect(document.querySelector('[data-deleted="c"] .confirm')!.getAttribute('aria-label')).toBe('Remove “List c” for good?');
    expect(asked).toEqual([]);
    click(buttonIn('[data-deleted="c"] .confirm', 'Remove for good'));
    expect(asked.map((a) => a.command)).toEqual([{ type: 'forget-kept', listId: 'c', deletedAt: AT }]);
    await answer('forget-kept', { ok: true, data: keeping(stateWith('b'), 'a') });
    expect(summary()).toBe('Deleted lists (1)');
    expect(status()).toBe('“List c” was removed for good.');
  });
});

describe('data set aside', () => {
  const BACKUP_AT = '2026-11-21T09:00:00.000Z';
  const setAside = [
    { id: 'id-1', what: 'list "old" › updatedAt', reason: 'the field "updatedAt" is not valid', at: AT, backup: false },
    { id: 'id-2', what: 'your lists and settings before a backup was restored', reason: 'It was replaced by a restored backup.', at: BACKUP_AT, backup: true },
  ];
  const withSetAside = (items = setAside) => ({ ...stateWith('a'), setAside: items }) as unknown as State;
  const rows = () => [...document.querySelectorAll('.set-aside li')].map((li) => [li.querySelector('.title')!.textContent, li.querySelector('.meta')!.textContent]);
  const rowButton = (row: number, text: string) => [...document.querySelectorAll(`.set-aside li:nth-child(${row + 1}) button`)].find((b) => b.textContent === text);

  beforeEach(async () => {
    saved.length = 0;
    // A page opened anew, on a state with data set aside.
    act(() => render(null, document.body));
    act(() => render(<App />, document.body));
    await answer('get-state', { ok: true, data: withSetAside() });
  });

  it('lists each item by what it is, why and when, a backup by what it holds', () => {
    expect(document.querySelector('#set-aside-heading')!.textContent).toBe('Set aside (2)');
    expect(rows()).toEqual([
      ['list "old" › updatedAt', `the field "updatedAt" is not valid · ${new Date(AT).toLocaleString()}`],
      ['What you had before a backup was restored', `It was replaced by a restored backup. · ${new Date(BACKUP_AT).toLocaleString()}`],
    ]);
    // Written in English where it was set aside, so marked English for a German interface's screen reader.
    expect(document.querySelector('.set-aside li .title')!.getAttribute('lang')).toBe('en');
  });

  it('asks for one item by its id and saves it; a backup as a backup file, all of it as one file', async () => {
    click(rowButton(1, 'Save as a backup file'));
    expect(asked[0]!.command).toEqual({ type: 'export-set-aside', id: 'id-2' });
    await answer('export-set-aside', { ok: true, data: { format: 'wortlupe-backup/1' } });
    click(rowButton(0, 'Export'));
    expect(asked[0]!.command).toEqual({ type: 'export-set-aside', id: 'id-1' });
    await answer('export-set-aside', { ok: true, data: 5 });
    click(buttonIn('.set-aside .actions', 'Export what was set aside (2)'));
    expect(asked[0]!.command).toEqual({ type: 'export-set-aside' });
    await answer('export-set-aside', { ok: true, data: ['all'] });
    expect(saved).toEqual([
      ['wortlupe-backup-before-restore-2026-11-21.json', { format: 'wortlupe-backup/1' }],
      ['wortlupe-set-aside-2026-11-20.json', 5],
      ['wortlupe-set-aside.json', ['all']],
    ]);
    // What an export answers is never shown as the state, however it looks.
    expect(rows()).toHaveLength(2);
  });

  it('saves nothing when the background refuses, and says why', async () => {
    click(rowButton(0, 'Export'));
    await answer('export-set-aside', { ok: false, errors: ['gone'] });
    await answer('get-state', { ok: true, data: withSetAside() });
    expect(saved).toEqual([]);
    expect(document.querySelector('.errors')!.textContent).toBe('gone');
  });

  it('shows what an export answers as a file, never as the page, when it looks like a state', async () => {
    click(rowButton(1, 'Save as a backup file'));
    const former = { format: 'wortlupe-backup/1', ...withSetAside([]), settings: DEFAULT_SETTINGS };
    await answer('export-set-aside', { ok: true, data: former });
    expect(saved).toEqual([['wortlupe-backup-before-restore-2026-11-21.json', former]]);
    expect(rows()).toHaveLength(2);
  });

  it('removes an item for good only once confirmed, by id, says so, and keeps focus in the section', async () => {
    click(rowButton(0, 'Remove for good'));
    expect(document.querySelector('.set-aside .confirm')!.getAttribute('aria-label')).toBe('Remove this for good? Wortlupe keeps no other copy.');
    expect(asked).toEqual([]);
    click(buttonIn('.set-aside .confirm', 'Remove for good'));
    expect(asked[0]!.command).toEqual({ type: 'forget-set-aside', id: 'id-1' });
    await answer('forget-set-aside', { ok: true, data: withSetAside(setAside.slice(1)) });
    expect(status()).toBe('Removed for good.');
    expect(rows().map(([title]) => title)).toEqual(['What you had before a backup was restored']);
    expect(document.activeElement!.id).toBe('set-aside-heading');
    // The last one: the section goes, focus to the page's heading.
    click(rowButton(0, 'Remove for good'));
    click(buttonIn('.set-aside .confirm', 'Remove for good'));
    await answer('forget-set-aside', { ok: true, data: withSetAside([]) });
    expect(document.querySelector('.notices')).toBeNull();
    expect(document.activeElement!.id).toBe('options-heading');
  });

  it('keeps an open question with its own item when an item before it goes in another tab', async () => {
    click(rowButton(1, 'Remove for good'));
    await act(async () => storageChanged());
    await answer('get-state', { ok: true, data: withSetAside(setAside.slice(1)) });
    const open = document.querySelector('.set-aside .confirm')!.closest('li')!;
    expect(open.querySelector('.title')!.textContent).toBe('What you had before a backup was restored');
    click(buttonIn('.set-aside .confirm', 'Remove for good'));
    expect(asked[0]!.command).toEqual({ type: 'forget-set-aside', id: 'id-2' });
  });
});

describe('a request sent to the page while it is open (the popup\'s "Show its switch", "Add to my list…")', () => {
  const PAGE = `${location.origin}${location.pathname}`;
  /** The address changes after "#" (open-options.ts), as the browser does it: hashchange follows. */
  const request = (hash: string) =>
    act(async () => {
      location.hash = hash;
      await new Promise((heard) => addEventListener('hashchange', heard, { once: true }));
    });
  const findBox = () => document.querySelector<HTMLInputElement>('#find-term')!;
  afterEach(() => {
    tabsOpened.length = 0;
    history.replaceState(null, '', location.pathname);
  });

  /** The lists with rule b/r0 switched off (the popup's "Stop flagging this term" just before). */
  const ruleOff = () => ({ ...stateWith('a', 'b'), settings: { ...DEFAULT_SETTINGS, disabledRules: ['b/r0'] } }) as State;
  const switchShown = () => [document.activeElement?.id, (document.activeElement as HTMLInputElement).checked];

  it('reads what is stored, then finds the term, focuses the rule\'s switch and clears the address', async () => {
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    expect(location.hash).toBe('');
    // Nothing is answered before the read: the popup's change may not have reached this page yet.
    expect(document.activeElement).toBe(document.body);
    expect(findBox().value).toBe('');
    await answer('get-state', { ok: true, data: ruleOff() });
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(switchShown()).toEqual(['rule-b_r0', false]);
    // The shipped Kanonenfutter is found too: its form is in the word.
    expect(document.querySelector('.find-result')!.textContent).toBe('3 rules found in 3 lists');
    expect(asked).toEqual([]);
    expect(tabsOpened).toEqual([]);
  });

  it('opens the rule form with the term when no editor is open', async () => {
    await request('#add?term=Luftschloss&lang=de');
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(asked).toEqual([]);
    expect(document.querySelector<HTMLInputElement>('.rule-form input')!.value).toBe('Luftschloss');
    expect(location.hash).toBe('');
  });

  it('keeps a request that comes before the page has its lists, at the start or after, and takes the latest once they are there', async () => {
    act(() => render(null, document.body));
    history.replaceState(null, '', '#add?term=Luftschloss&lang=de');
    act(() => render(<App />, document.body));
    // Taken from the address at once, so a reload would not ask again.
    expect(location.hash).toBe('');
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    // The page's first read, then the request's.
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('');
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(asked).toEqual([]);
    expect(document.querySelector('.rule-form')).toBeNull();
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(document.activeElement?.id).toBe('rule-b_r0');
  });

  it('hands a request to a new tab while an editor is open, and leaves the editor and its draft as they are', async () => {
    click(buttonIn('[data-list="a"]', 'Edit'));
    const title = document.querySelector<HTMLInputElement>('.editor input[name="list-title"]')!;
    title.value = 'A title not saved yet';
    act(() => void title.dispatchEvent(new Event('input', { bubbles: true })));

    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    await request('#add?term=Luftschloss&lang=de');
    expect(tabsOpened).toEqual([`${PAGE}#find?term=Kanonenfutter0&list=b&rule=r0`, `${PAGE}#add?term=Luftschloss&lang=de`]);
    expect(asked).toEqual([]);
    expect(document.querySelector<HTMLInputElement>('.editor input[name="list-title"]')!.value).toBe('A title not saved yet');
    expect(document.querySelector('.rule-form')).toBeNull();
    expect(location.hash).toBe('');
  });

  it('hands a waiting request to a new tab when the reader opened an editor meanwhile', async () => {
    await request('#add?term=Luftschloss&lang=de');
    click(buttonIn('[data-list="a"]', 'Edit'));
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(tabsOpened).toEqual([`${PAGE}#add?term=Luftschloss&lang=de`]);
    expect(document.querySelector('.editor h2')!.textContent).toBe('Edit “List a”');
    expect(document.querySelector('.rule-form')).toBeNull();
  });

  it('answers a request that waited for the lists when they come from a storage change, after the first ask failed', async () => {
    act(() => render(null, document.body));
    history.replaceState(null, '', '#find?term=Kanonenfutter0&list=b&rule=r0');
    act(() => render(<App />, document.body));
    await answer('get-state', { ok: false, errors: ['The background did not answer.'] });
    expect(document.querySelector('[role="status"]')!.textContent).toBe('The background did not answer.');
    act(() => storageChanged());
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(document.activeElement?.id).toBe('rule-b_r0');
  });

  it('answers a waiting request once every read is back, with the newest state: an older answer that comes late is not shown', async () => {
    act(() => render(null, document.body));
    history.replaceState(null, '', '#find?term=Kanonenfutter0&list=b&rule=r0');
    act(() => render(<App />, document.body));
    const first = asked.shift()!;
    // A storage change reads too (list b was added), and its answer comes before the first one's.
    act(() => storageChanged());
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('');
    await reply(first, { ok: true, data: stateWith('a') });
    expect(document.querySelector('[data-list="b"]')).not.toBeNull();
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(document.activeElement?.id).toBe('rule-b_r0');
    // Answered once: the reader types on, and the next read takes nothing up again.
    findBox().value = 'Regime';
    act(() => void findBox().dispatchEvent(new Event('input', { bubbles: true })));
    act(() => storageChanged());
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('Regime');
  });

  it('takes the latest of two requests that come while the first is being read', async () => {
    await request('#add?term=Luftschloss&lang=de');
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('');
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(document.querySelector('.rule-form')).toBeNull();
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(document.activeElement?.id).toBe('rule-b_r0');
  });

  it('hands a request to a new tab at once while an editor is open, also while a read is out', async () => {
    click(buttonIn('[data-list="a"]', 'Edit'));
    act(() => storageChanged());
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    await request('#add?term=Luftschloss&lang=de');
    expect(tabsOpened).toEqual([`${PAGE}#find?term=Kanonenfutter0&list=b&rule=r0`, `${PAGE}#add?term=Luftschloss&lang=de`]);
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(tabsOpened).toHaveLength(2);
    expect(document.querySelector('.rule-form')).toBeNull();
  });

  it('answers after the last read that is out: one a storage change started before the request, and its own', async () => {
    act(() => storageChanged());
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    expect(asked.map((a) => a.command.type)).toEqual(['get-state', 'get-state']);
    await answer('get-state', { ok: true, data: stateWith('a', 'b') });
    expect(findBox().value).toBe('');
    await answer('get-state', { ok: true, data: ruleOff() });
    expect(switchShown()).toEqual(['rule-b_r0', false]);
  });

  it('answers with the lists it has when its read fails', async () => {
    await request('#find?term=Kanonenfutter0&list=b&rule=r0');
    await answer('get-state', { ok: false, errors: ['The background did not answer.'] });
    expect(findBox().value).toBe('Kanonenfutter0');
    expect(switchShown()).toEqual(['rule-b_r0', true]);
  });

  it('reads nothing again for what tabs store in storage.session (the counts of what they found)', () => {
    act(() => storageChanged('session'));
    expect(asked).toEqual([]);
    act(() => storageChanged('sync'));
    expect(asked.map((a) => a.command.type)).toEqual(['get-state']);
  });

  it('does nothing for an address that asks for nothing', async () => {
    await request('#somewhere');
    expect(asked).toEqual([]);
    expect(tabsOpened).toEqual([]);
  });
});
