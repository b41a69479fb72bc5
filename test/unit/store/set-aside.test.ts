// Set-aside data: every item has an id of its own once stored; pages are sent each item described,
// never its value, and ask for one by id to have it as a file or to remove it for good. Items that
// share description and time (set aside in one read) are still told apart.
import { describe, expect, it } from 'vitest';
import { stateSchema } from '../../../src/shared/answers';
import { commandMessage } from '../../../src/shared/messages';
import { withFallback, type Areas } from '../../../src/shared/store/area';
import { withIds } from '../../../src/shared/store/set-aside';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import { BACKUP_FORMAT, exportBackup, forgetSetAside, forPage, importBackup, readState, Refused, setAsideData, writeState, type State } from '../../../src/shared/store/store';
import { USER_LISTS_KEY, type SetAside } from '../../../src/shared/store/user-lists';
import { FakeArea } from './fake-area';

const AT = '2026-11-27T10:00:00.000Z';
const item = (what: string, value: unknown, id?: string): SetAside => ({ what, reason: 'not in the expected shape', value, at: AT, ...(id ? { id } : {}) });
const backup = { format: BACKUP_FORMAT, exportedAt: AT, settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: [] } };
const state = (setAside: SetAside[]): State => ({ settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: [] }, notices: [], setAside, deletedLists: [] });
const refusal = (change: () => unknown) => {
  try {
    change();
  } catch (error) {
    if (error instanceof Refused) return error.errors;
    throw error;
  }
  return 'not refused';
};
function areas() {
  const local = new FakeArea();
  const sync = new FakeArea();
  const all: Areas = { local, sync: withFallback(sync, local) };
  return { local, all };
}

describe('ids', () => {
  it('are given to items without one and to repeats, once; items with their own keep it', () => {
    const items = [item('a', 1, 'one'), item('b', 2), item('c', 3, 'one'), item('d', 4, 'x'.repeat(65))];
    const named = withIds(items);
    expect(named[0]).toBe(items[0]);
    const ids = named.map((i) => i.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)).toBe(true);
    expect(named.map((i) => i.value)).toEqual([1, 2, 3, 4]);
    // Nothing more to give: the same array, so nothing is written.
    expect(withIds(named)).toBe(named);
  });

  it('are what the commands take to name an item, and nothing else is', () => {
    const takes = (id: string) => ['export-set-aside', 'forget-set-aside'].map((type) => commandMessage.safeParse({ type, id }).success);
    for (const { id } of withIds([item('a', 1), item('b', 2)])) expect(takes(id!)).toEqual([true, true]);
    expect(takes('x'.repeat(64))).toEqual([true, true]);
    expect(takes('x'.repeat(65))).toEqual([false, false]);
    expect(takes('')).toEqual([false, false]);
    expect(commandMessage.safeParse({ type: 'export-set-aside' }).success).toBe(true);
    expect(commandMessage.safeParse({ type: 'forget-set-aside' }).success).toBe(false);
  });

  it('are stored with items set aside by a read, and items stored without one get one, written back once', async () => {
    const { local, all } = areas();
    local.data.set(USER_LISTS_KEY, { schema: 1, lists: [{ list: { id: 'twin' } }, { list: { id: 'twin' } }] });
    local.data.set('setAside', [item('old', 'from an older version')]);
    const first = await readState(all, AT);
    expect(first.setAside.map((i) => [i.what, typeof i.id])).toEqual([
      ['old', 'string'],
      ['list "twin"', 'string'],
      ['list "twin"', 'string'],
    ]);
    expect(local.data.get('setAside')).toEqual(first.setAside);
    const stored = local.snapshot();
    expect((await readState(all, AT)).setAside).toEqual(first.setAside);
    expect(local.snapshot()).toBe(stored);
  });

  it('stay as given over later reads, also for an item set aside without a value, and a damaged id is only replaced', async () => {
    const { local, all } = areas();
    // A list entry without its date: the missing value is set aside as it was (undefined), which storage keeps as no key at all.
    const list = { format: 'wortlupe-list/1', id: 'mine', title: 'Mine', language: 'de', version: '1', rules: [] };
    local.data.set(USER_LISTS_KEY, { schema: 1, lists: [{ list, origin: 'user', history: [] }] });
    const first = await readState(all, AT);
    expect(first.setAside).toEqual([{ what: 'list "mine" › updatedAt', reason: expect.any(String), value: undefined, at: AT, id: expect.any(String) }]);
    const notices = first.notices;
    const second = await readState(all, AT);
    expect(second.setAside).toEqual([{ what: 'list "mine" › updatedAt', reason: expect.any(String), at: AT, id: first.setAside[0]!.id }]);
    expect(second.notices).toEqual(notices);
    // An id that is no id: the item is read as it is, given a new id, and no notice says it could not be read.
    local.data.set('setAside', [{ ...item('list "x"', 'kept'), id: 5 }]);
    const third = await readState(all, AT);
    expect(third.setAside).toEqual([{ ...item('list "x"', 'kept'), id: expect.any(String) }]);
    expect(third.notices).toEqual(notices);
  });

  it('stay apart when the same backup is restored twice', async () => {
    const { all } = areas();
    const kept = item('list "old"', 'old', 'carried');
    const text = JSON.stringify({ ...exportBackup(await readState(all, AT)), setAside: [kept] });
    const twice = importBackup(importBackup(await readState(all, AT), text, []), text, []);
    const ids = twice.setAside.map((i) => i.id);
    expect(twice.setAside.map((i) => i.what)).toEqual([
      'list "old"',
      'your lists and settings before a backup was restored',
      'list "old"',
      'your lists and settings before a backup was restored',
    ]);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('carried');
  });
});

describe('what pages are sent of set-aside data', () => {
  it('describes every item by id, marks what a restored backup replaced, and leaves the values out', () => {
    const big = 'x'.repeat(1_000_000);
    const s = state([item('list "mine"', { list: big }, 'a'), { what: 'your lists and settings before a backup was restored', reason: 'replaced', value: backup, at: AT, id: 'b' }]);
    const page = forPage(s);
    expect(page.setAside).toEqual([
      { id: 'a', what: 'list "mine"', reason: 'not in the expected shape', at: AT, backup: false },
      { id: 'b', what: 'your lists and settings before a backup was restored', reason: 'replaced', at: AT, backup: true },
    ]);
    expect(JSON.stringify(page).length).toBeLessThan(2_000);
    expect(stateSchema.safeParse(page).success).toBe(true);
  });

  it('cuts long descriptions to what the pages accept', () => {
    const s = state([{ what: 'w'.repeat(5000), reason: 'r'.repeat(5000), value: 1, at: 'a'.repeat(500), id: 'long' }]);
    const [summary] = forPage(s).setAside;
    expect([summary!.what.length, summary!.reason.length, summary!.at.length]).toEqual([300, 2000, 100]);
    expect(summary!.what.endsWith('w…')).toBe(true);
    expect(stateSchema.safeParse(forPage(s)).success).toBe(true);
  });
});

describe('one item by id', () => {
  // Set aside in one read: the same description and time, different values.
  const s = state([item('list "x"', 1, 'i1'), item('list "x"', 2, 'i2'), item('list "x"', 3, 'i3')]);

  it('is given whole, with what it is, why and when; a backup as the backup it is; with no id, every item whole', () => {
    expect(setAsideData(s, 'i2')).toEqual({ what: 'list "x"', reason: 'not in the expected shape', value: 2, at: AT, id: 'i2' });
    const replaced = state([{ what: 'your lists and settings before a backup was restored', reason: 'replaced', value: backup, at: AT, id: 'b' }]);
    expect(setAsideData(replaced, 'b')).toEqual(backup);
    expect(setAsideData(s)).toEqual(s.setAside);
    // An item without a value (a list entry without its date) still makes a file: JSON of its description.
    const valueless = state([{ what: 'list "mine" › updatedAt', reason: 'missing', value: undefined, at: AT, id: 'v' }]);
    expect(JSON.parse(JSON.stringify(setAsideData(valueless, 'v')))).toEqual({ what: 'list "mine" › updatedAt', reason: 'missing', at: AT, id: 'v' });
  });

  it('is removed for good, and only it, also after an item before it went in another tab', () => {
    expect(forgetSetAside(s, 'i2').setAside.map((i) => i.value)).toEqual([1, 3]);
    const elsewhere = forgetSetAside(s, 'i1');
    expect(forgetSetAside(elsewhere, 'i3').setAside.map((i) => i.value)).toEqual([2]);
  });

  it('once gone, is refused as a file and removing it again changes nothing (a second press takes no other item)', () => {
    const gone = forgetSetAside(s, 'i2');
    expect(refusal(() => setAsideData(gone, 'i2'))).toEqual(['That is no longer kept (removed in another tab?).']);
    expect(forgetSetAside(gone, 'i2')).toBe(gone);
  });

  it('stays removed once written and read back', async () => {
    const { all } = areas();
    const read = await readState(all, AT);
    await writeState(all, read, { ...read, setAside: s.setAside });
    const again = await readState(all, AT);
    expect(again.setAside).toEqual(s.setAside);
    await writeState(all, again, forgetSetAside(again, 'i1'));
    expect((await readState(all, AT)).setAside).toEqual(s.setAside.slice(1));
  });
});
