import { describe, expect, it } from 'vitest';
import type { RuleList } from '../../../src/core';
import { stateSchema } from '../../../src/shared/answers';
import { withFallback, type Areas } from '../../../src/shared/store/area';
import { CURRENT_VERSION, META_KEY, migrate } from '../../../src/shared/store/migrations';
import { DEFAULT_SETTINGS, SETTINGS_KEY, siteIsOff } from '../../../src/shared/store/settings';
import {
  deletedList,
  deleteList,
  exportBackup,
  forgetKept,
  forPage,
  freeId,
  importBackup,
  MAX_LIST_TEXT,
  readListText,
  listFileTooLarge,
  listTooLarge,
  readState,
  Refused,
  keptList,
  restoreKept,
  saveList,
  setListEnabled,
  setRuleEnabled,
  setSiteEnabled,
  undoList,
  writeState,
} from '../../../src/shared/store/store';
import { DELETED_LISTS_KEY, MAX_DELETED_LISTS } from '../../../src/shared/store/deleted-lists';
import { MAX_USER_LISTS, USER_LISTS_KEY } from '../../../src/shared/store/user-lists';
import { FakeArea } from './fake-area';
import { useLocale } from '../support/browser-i18n';

/** Set-aside items as stored: each with an id of its own (given when it was set aside). */
const named = (items: object[]) => items.map((item) => ({ id: expect.any(String), ...item }));

function areas() {
  const local = new FakeArea();
  const sync = new FakeArea();
  const all: Areas = { local, sync: withFallback(sync, local) };
  return { local, sync, all };
}

const list = (id: string, term = 'Kanonenfutter', version = '1'): RuleList => ({
  format: 'wortlupe-list/1',
  id,
  title: `List ${id}`,
  language: 'de',
  version,
  rules: [
    {
      id: 'r',
      term,
      technique: 'dehumanisation',
      severity: 2,
      explanation: 'Why.',
      sources: [{ title: 'Source', url: 'https://example.org/' }],
    },
  ],
});
const saved = { origin: 'user' as const, replace: true, shippedIds: ['de-krieg'] };

/** The errors of the Refused that `make` throws (it must throw one). */
function refusal(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    if (error instanceof Refused) return error.errors;
    throw error;
  }
  throw new Error('expected a Refused, but nothing was thrown');
}

describe('schema versions and migrations', () => {
  it('starts a fresh install at the current version with the defaults', async () => {
    const { local, all } = areas();
    const state = await readState(all);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.userLists.lists).toEqual([]);
    expect(local.data.get(META_KEY)).toEqual({ version: CURRENT_VERSION });
  });

  it('brings version 1 (settings in local storage) to version 2 (synced), keeping what was switched off', async () => {
    const { local, sync, all } = areas();
    local.data.set(SETTINGS_KEY, { schema: 1, disabledLists: ['de-krieg'] });
    const state = await readState(all);
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, disabledLists: ['de-krieg'] });
    expect(sync.data.get(SETTINGS_KEY)).toEqual({ ...DEFAULT_SETTINGS, disabledLists: ['de-krieg'] });
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
    expect(local.data.get(META_KEY)).toEqual({ version: 2 });
  });

  it('is idempotent: migrating again changes nothing', async () => {
    const { local, sync, all } = areas();
    local.data.set(SETTINGS_KEY, { schema: 1, disabledLists: ['de-krieg'] });
    await migrate(all);
    const after = [local.snapshot(), sync.snapshot()];
    local.data.delete(META_KEY); // even when the version record is lost
    await migrate(all);
    expect([local.snapshot(), sync.snapshot()]).toEqual(after);
  });

  it('keeps settings in local storage when synced storage fails', async () => {
    const { local, sync, all } = areas();
    sync.failWrites = true;
    local.data.set(SETTINGS_KEY, { schema: 1, disabledLists: ['en-war'] });
    const state = await readState(all);
    expect(state.settings.disabledLists).toEqual(['en-war']);
    expect(local.data.get(SETTINGS_KEY)).toEqual({ ...DEFAULT_SETTINGS, disabledLists: ['en-war'] });
  });
});

describe('synced storage with a local fallback', () => {
  it('reads the newest copy after sync refused a write, and goes back to sync when it works again', async () => {
    const { local, sync, all } = areas();
    await all.sync.set({ [SETTINGS_KEY]: 'first' });
    expect(sync.data.get(SETTINGS_KEY)).toBe('first');
    sync.failWrites = true; // e.g. the item grew past sync's 8 KB per item
    await all.sync.set({ [SETTINGS_KEY]: 'second' });
    expect(sync.data.get(SETTINGS_KEY)).toBe('first');
    expect((await all.sync.get([SETTINGS_KEY]))[SETTINGS_KEY]).toBe('second');
    sync.failWrites = false;
    await all.sync.set({ [SETTINGS_KEY]: 'third' });
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
    expect((await all.sync.get([SETTINGS_KEY]))[SETTINGS_KEY]).toBe('third');
  });
});

describe('repair', () => {
  it('resets only the broken setting, says so, and keeps the original value', async () => {
    const { sync, local, all } = areas();
    sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, disabledLists: ['de-krieg'], style: { colourBy: 'pink', look: 'underline' } });
    const state = await readState(all);
    expect(state.settings.disabledLists).toEqual(['de-krieg']);
    expect(state.settings.style).toEqual(DEFAULT_SETTINGS.style);
    expect(state.notices.map((n) => n.message)).toEqual(['The setting "style" could not be read and was reset to its default.']);
    expect(state.setAside[0]).toMatchObject({ what: 'settings', value: { style: { colourBy: 'pink' } } });
    // Repaired once: reading again finds nothing wrong.
    expect((await readState(all)).notices).toHaveLength(1);
    expect(local.data.get('notices')).toHaveLength(1);
  });

  it('sets a broken list aside, unchanged, and keeps the others', async () => {
    const { local, all } = areas();
    const good = { list: list('mine'), origin: 'user', updatedAt: 't', history: [] };
    const broken = { list: { ...list('broken'), rules: [{ ...list('broken').rules[0], severity: 7 }] }, origin: 'user', updatedAt: 't', history: [] };
    local.data.set(USER_LISTS_KEY, { schema: 1, lists: [good, broken] });
    const state = await readState(all);
    expect(state.userLists.lists.map((e) => e.list.id)).toEqual(['mine']);
    expect(state.setAside).toEqual(named([
      { what: 'list "broken"', reason: 'list "broken": rule "r" (rules[0]) › severity: must be 1, 2 or 3', value: broken, at: expect.any(String) },
    ]));
    expect(state.notices[0]!.message).toBe(
      'Your list "broken" could not be read (list "broken": rule "r" (rules[0]) › severity: must be 1, 2 or 3). It was set aside unchanged; export it from the notice below.',
    );
  });
});

describe('repair of a list with a very long id', () => {
  it('names it cut short, and every notice stays within what the pages accept', async () => {
    const { local, all } = areas();
    const id = 'x'.repeat(1500);
    const broken = { list: { ...list('broken'), id }, origin: 'user', updatedAt: 't', history: [] };
    local.data.set(USER_LISTS_KEY, { schema: 1, lists: [broken] });
    const state = await readState(all);
    expect(state.setAside).toEqual([expect.objectContaining({ what: `list "${'x'.repeat(63)}…"`, value: broken })]);
    expect(state.notices[0]!.message.startsWith(`Your list "${'x'.repeat(63)}…" could not be read (`)).toBe(true);
    expect(stateSchema.safeParse(forPage(state)).success).toBe(true);
  });
});

describe('repairing a stored list field by field', () => {
  const AT = '2030-01-02T03:04:05.000Z';
  const version = (v: string) => ({ list: list('mine', 'Kanonenfutter', v), savedAt: `t${v}` });
  const entry = (fields: Record<string, unknown>) => ({ list: list('mine'), origin: 'user', updatedAt: 't', history: [], ...fields });
  const repaired = (field: string) =>
    `The field "${field}" of your list "mine" could not be read and was repaired; the list stays in use. The old value was set aside unchanged; export it from the notice below.`;

  async function readStored(stored: unknown) {
    const { local, all } = areas();
    local.data.set(USER_LISTS_KEY, { schema: 1, lists: [stored] });
    const state = await readState(all, AT);
    return { state, local, all };
  }

  it('keeps the list in use when its date cannot be read, dated now, the old value set aside', async () => {
    const { state, local, all } = await readStored(entry({ updatedAt: 5 }));
    expect(state.userLists.lists).toEqual([{ list: list('mine'), origin: 'user', updatedAt: AT, history: [] }]);
    expect(state.notices).toEqual([{ at: AT, message: repaired('updatedAt') }]);
    expect(state.setAside).toEqual(named([{ what: 'list "mine" › updatedAt', reason: 'the field "updatedAt" is not valid', value: 5, at: AT }]));
    // Written back, so it is repaired once.
    expect(local.data.get(USER_LISTS_KEY)).toEqual(state.userLists);
    expect((await readState(all)).notices).toHaveLength(1);
  });

  it('sets aside only the earlier version that cannot be read', async () => {
    const bad = { list: { ...list('mine'), format: 'nope' }, savedAt: 't2' };
    const { state } = await readStored(entry({ history: [version('3'), bad, version('1')] }));
    expect(state.userLists.lists[0]!.history).toEqual([version('3'), version('1')]);
    expect(state.notices.map((n) => n.message)).toEqual([repaired('history[1]')]);
    expect(state.setAside).toEqual(named([{ what: 'list "mine" › history[1]', reason: 'the field "history[1]" is not valid', value: bad, at: AT }]));
  });

  it('keeps the newest five earlier versions and sets aside the ones beyond', async () => {
    const seven = ['7', '6', '5', '4', '3', '2', '1'].map(version);
    const { state } = await readStored(entry({ history: seven }));
    expect(state.userLists.lists[0]!.history).toEqual(seven.slice(0, 5));
    expect(state.notices.map((n) => n.message)).toEqual([repaired('history[5]'), repaired('history[6]')]);
    expect(state.setAside).toEqual(named([
      { what: 'list "mine" › history[5]', reason: 'more than 5 earlier versions', value: version('2'), at: AT },
      { what: 'list "mine" › history[6]', reason: 'more than 5 earlier versions', value: version('1'), at: AT },
    ]));
  });

  it("cuts a subscription's over-long failure reason to fit, keeping the subscription and the whole reason", async () => {
    const lastError = 'x'.repeat(2500);
    const subscription = { url: 'https://lists.example/mine.json', lastChecked: 't1', lastUpdated: 't0', lastError };
    const { state } = await readStored(entry({ origin: 'subscribed', subscription }));
    expect(state.userLists.lists[0]).toMatchObject({ origin: 'subscribed', updatedAt: 't' });
    expect(state.userLists.lists[0]!.subscription).toEqual({ ...subscription, lastError: `${'x'.repeat(1999)}…` });
    expect(state.notices.map((n) => n.message)).toEqual([repaired('subscription.lastError')]);
    expect(state.setAside).toEqual(named([
      { what: 'list "mine" › subscription.lastError', reason: 'the field "subscription.lastError" is not valid', value: lastError, at: AT },
    ]));
  });

  it('drops an unreadable subscription field and keeps the rest', async () => {
    const { state } = await readStored(entry({ origin: 'subscribed', subscription: { url: 'https://lists.example/mine.json', lastChecked: 7 } }));
    expect(state.userLists.lists[0]).toMatchObject({ origin: 'subscribed', subscription: { url: 'https://lists.example/mine.json' } });
    expect(state.userLists.lists[0]!.subscription).toEqual({ url: 'https://lists.example/mine.json' });
    expect(state.setAside.map((x) => [x.what, x.value])).toEqual([['list "mine" › subscription.lastChecked', 7]]);
  });

  it('sets aside a subscription without a usable address, and keeps the list as imported', async () => {
    const subscription = { url: 42, lastChecked: 't1' };
    const { state } = await readStored(entry({ origin: 'subscribed', subscription }));
    expect(state.userLists.lists).toEqual([{ list: list('mine'), origin: 'imported', updatedAt: 't', history: [] }]);
    expect(state.notices.map((n) => n.message)).toEqual([repaired('subscription')]);
    expect(state.setAside).toEqual(named([{ what: 'list "mine" › subscription', reason: 'the field "subscription" is not valid', value: subscription, at: AT }]));
  });

  it('infers an unreadable origin: subscribed when a subscription remains, else written by the reader', async () => {
    const subscription = { url: 'https://lists.example/mine.json' };
    const withSubscription = await readStored(entry({ origin: 'stolen', subscription }));
    expect(withSubscription.state.userLists.lists[0]).toMatchObject({ origin: 'subscribed', subscription });
    expect(withSubscription.state.notices.map((n) => n.message)).toEqual([repaired('origin')]);
    expect(withSubscription.state.setAside).toEqual(named([{ what: 'list "mine" › origin', reason: 'the field "origin" is not valid', value: 'stolen', at: AT }]));
    const without = await readStored(entry({ origin: 'stolen' }));
    expect(without.state.userLists.lists[0]!.origin).toBe('user');
  });
});

describe('changes', () => {
  it('keeps the last five versions of a list, and Undo goes back one', async () => {
    const { all } = areas();
    let state = await readState(all);
    for (let v = 1; v <= 7; v++) state = saveList(state, list('mine', 'Kanonenfutter', String(v)), saved, `t${v}`);
    const entry = state.userLists.lists[0]!;
    expect(entry.list.version).toBe('7');
    expect(entry.history.map((h) => h.list.version)).toEqual(['6', '5', '4', '3', '2']);
    state = undoList(state, 'mine');
    expect(state.userLists.lists[0]!.list.version).toBe('6');
    expect(state.userLists.lists[0]!.history.map((h) => h.list.version)).toEqual(['5', '4', '3', '2']);
  });

  it('finds a free list id by counting on, within the 64 characters an id may have', () => {
    expect(freeId('mine', ['other'])).toBe('mine');
    expect(freeId('mine', ['mine', 'mine-2'])).toBe('mine-3');
    const long = 'x'.repeat(64);
    expect(freeId(long, [long])).toBe(`${'x'.repeat(62)}-2`);
    const taken = ['a'.repeat(63), ...Array.from({ length: 8 }, (_, i) => `${'a'.repeat(62)}-${i + 2}`)];
    expect(freeId('a'.repeat(63), taken)).toBe(`${'a'.repeat(61)}-10`);
  });

  it("refuses a shipped list's id, and asks before replacing a list", async () => {
    const { all } = areas();
    let state = await readState(all);
    expect(() => saveList(state, list('de-krieg'), saved)).toThrow(
      'The id "de-krieg" belongs to a list that ships with Wortlupe. Give your list another id.',
    );
    state = saveList(state, list('mine'), saved);
    expect(() => saveList(state, list('mine'), { ...saved, replace: false })).toThrow('You already have a list with the id "mine" ("List mine"). Replace it?');
  });

  it('drops the subscription of a subscribed list that an import replaces, so no update brings the old list back', async () => {
    const { all } = areas();
    const subscription = { url: 'https://lists.example/mine.json', lastChecked: 't1', lastUpdated: 't1' };
    let state = saveList(await readState(all), list('mine'), { ...saved, origin: 'subscribed', subscription }, 't1');
    expect(state.userLists.lists[0]!.subscription).toEqual(subscription);
    state = saveList(state, list('mine', 'Menschenmaterial', '2'), { ...saved, origin: 'imported' }, 't2');
    expect(state.userLists.lists).toEqual([
      { list: list('mine', 'Menschenmaterial', '2'), origin: 'imported', updatedAt: 't2', history: [{ list: list('mine'), savedAt: 't1' }] },
    ]);
  });

  it('keeps the subscription when a subscribed list is saved as a subscribed list again', async () => {
    const { all } = areas();
    const subscription = { url: 'https://lists.example/mine.json', lastChecked: 't1' };
    let state = saveList(await readState(all), list('mine'), { ...saved, origin: 'subscribed', subscription }, 't1');
    state = saveList(state, list('mine', 'Kanonenfutter', '2'), { ...saved, origin: 'subscribed' }, 't2');
    expect(state.userLists.lists[0]!.subscription).toEqual(subscription);
  });

  it('forgets the switches of a deleted list', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('mine'), saved);
    state = setRuleEnabled(state, 'mine', 'r', false);
    state = deleteList(state, 'mine');
    expect(state.settings.disabledRules).toEqual([]);
    expect(state.userLists.lists).toEqual([]);
  });

  it('brings a deleted list back as it was: its versions, its origin, its switches', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('other'), saved, 't0');
    state = saveList(state, list('mine'), { ...saved, origin: 'imported' }, 't1');
    state = saveList(state, list('mine', 'Menschenmaterial', '2'), { ...saved, origin: 'imported' }, 't2');
    state = setRuleEnabled(state, 'mine', 'r', false);
    state = setRuleEnabled(state, 'other', 'r', false);
    state = setListEnabled(state, 'mine', false);
    const before = state;
    const gone = deletedList(state, 'mine')!;
    expect(gone).toEqual({ entry: before.userLists.lists[1], index: 1, listOff: true, rulesOff: ['mine/r'] });
    state = deleteList(state, 'mine', 't3');
    expect(state.settings.disabledRules).toEqual(['other/r']);
    expect(state.deletedLists).toEqual([{ deletedAt: 't3', deleted: gone }]);
    state = restoreKept(state, 'mine', 't3', ['de-krieg']);
    expect(state.userLists).toEqual(before.userLists);
    expect(state.settings.disabledLists).toEqual(['mine']);
    expect([...state.settings.disabledRules].sort()).toEqual(['mine/r', 'other/r']);
    expect(state.userLists.lists[1]!.history.map((h) => h.list.version)).toEqual(['1']);
  });

  it('brings a deleted list back to its place among the lists (its colour follows its place)', async () => {
    const { all } = areas();
    let state = await readState(all);
    for (const id of ['a', 'b', 'c']) state = saveList(state, list(id), saved, 't0');
    const gone = deletedList(state, 'b')!;
    state = deleteList(state, 'b', 'tb');
    expect(state.userLists.lists.map((e) => e.list.id)).toEqual(['a', 'c']);
    expect(restoreKept(state, 'b', 'tb', []).userLists.lists.map((e) => e.list.id)).toEqual(['a', 'b', 'c']);
    // Lists deleted meanwhile: it comes back as near its place as there is.
    expect(restoreKept(deleteList(deleteList(state, 'a'), 'c'), 'b', 'tb', []).userLists.lists.map((e) => e.list.id)).toEqual(['b']);
    // Kept as something else wrote it to storage: checked in full when it comes back.
    const keptAs = (deleted: object) => ({ ...state, deletedLists: [{ deletedAt: 'tb', deleted: { ...gone, ...deleted } }] }) as never;
    expect(refusal(() => restoreKept(keptAs({ index: -1 }), 'b', 'tb', []))).toEqual(['The deleted list: index: Too small: expected number to be >=0']);
    // As many switched-off rules as the settings hold.
    const many = Array.from({ length: 10_001 }, (_, i) => `b/r${i}`);
    expect(restoreKept(keptAs({ rulesOff: many }), 'b', 'tb', []).settings.disabledRules).toHaveLength(10_001);
  });

  it('does not bring a deleted list back over one that has taken its id, nor one damaged in storage', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('mine'), saved, 't1');
    const gone = deletedList(state, 'mine')!;
    state = deleteList(state, 'mine', 't2');
    state = saveList(state, { ...list('mine', 'Luftschloss'), title: 'Neu' }, saved, 't3');
    expect(refusal(() => restoreKept(state, 'mine', 't2', ['de-krieg']))).toEqual([
      'The deleted list was not brought back: you now have another list with the id "mine" ("Neu").',
    ]);
    const damaged = { ...state, deletedLists: [{ deletedAt: 't2', deleted: { ...gone, entry: { ...gone.entry, history: 'none' } } }] } as never;
    expect(refusal(() => restoreKept(damaged, 'mine', 't2', []))).toEqual(['The deleted list: entry.history: Invalid input: expected array, received string']);
    expect(refusal(() => restoreKept(deleteList(state, 'mine', 't4'), 'mine', 't2', ['mine']))).toEqual([
      'The id "mine" belongs to a list that ships with Wortlupe. Give your list another id.',
    ]);
  });

  it('keeps deleted lists to be brought back later, newest first, the last 20', async () => {
    const { all } = areas();
    let state = await readState(all);
    for (const id of ['a', 'b']) state = saveList(state, list(id), saved, 't0');
    state = setRuleEnabled(state, 'b', 'r', false);
    const a = deletedList(state, 'a')!;
    state = deleteList(state, 'a', 't1');
    const b = deletedList(state, 'b')!;
    state = deleteList(state, 'b', 't2');
    expect(state.deletedLists).toEqual([
      { deletedAt: 't2', deleted: b },
      { deletedAt: 't1', deleted: a },
    ]);
    expect(b.rulesOff).toEqual(['b/r']);
    // Deleting a list that is gone already keeps nothing more.
    expect(deleteList(state, 'a', 't3').deletedLists).toBe(state.deletedLists);
    // One more than are kept: the oldest goes.
    for (let i = 0; i < MAX_DELETED_LISTS - 1; i++) state = deleteList(saveList(state, list(`x${i}`), saved, 't0'), `x${i}`, `t${i + 3}`);
    expect(state.deletedLists).toHaveLength(MAX_DELETED_LISTS);
    expect(state.deletedLists.at(-1)!.deleted.entry.list.id).toBe('b');
    expect(state.deletedLists[0]!.deleted.entry.list.id).toBe(`x${MAX_DELETED_LISTS - 2}`);
  });

  it('takes a list brought back out of the deleted ones, and only that version of it', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('mine'), saved, 't1');
    state = deleteList(state, 'mine', 't2');
    state = deleteList(saveList(state, list('mine', 'Menschenmaterial', '2'), saved, 't3'), 'mine', 't4');
    expect(state.deletedLists.map((d) => [d.deletedAt, d.deleted.entry.list.version])).toEqual([
      ['t4', '2'],
      ['t2', '1'],
    ]);
    // The older one; the newer one cannot come back over it: refused, so what is kept stays.
    state = restoreKept(state, 'mine', 't2', []);
    expect(state.userLists.lists.map((e) => e.list.version)).toEqual(['1']);
    expect(state.deletedLists.map((d) => d.deletedAt)).toEqual(['t4']);
    expect(refusal(() => restoreKept(state, 'mine', 't4', []))).toEqual([
      'The deleted list was not brought back: you now have another list with the id "mine" ("List mine").',
    ]);
  });

  it('brings back a kept list named by id and time of deletion, gives it as a file, or removes it for good', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('mine'), saved, 't1');
    state = setRuleEnabled(state, 'mine', 'r', false);
    const before = state;
    state = deleteList(state, 'mine', 't2');
    state = deleteList(saveList(state, list('other'), saved, 't3'), 'other', 't4');
    const back = restoreKept(state, 'mine', 't2', []);
    expect(back.userLists).toEqual(before.userLists);
    expect(back.settings.disabledRules).toEqual(['mine/r']);
    expect(back.deletedLists.map((d) => d.deletedAt)).toEqual(['t4']);
    // Not kept (restored or removed in another tab): refused, and said so.
    expect(refusal(() => restoreKept(back, 'mine', 't2', []))).toEqual([
      'The deleted list “mine” is no longer kept (brought back or removed in another tab?).',
    ]);
    // Damaged in storage below what names it: checked in full when asked for, refused, still kept.
    const damaged = { ...state, deletedLists: [{ ...state.deletedLists[0]!, deleted: { ...state.deletedLists[0]!.deleted, rulesOff: 'none' } }] } as never;
    expect(refusal(() => restoreKept(damaged, 'other', 't4', []))).toEqual(['The deleted list: rulesOff: Invalid input: expected array, received string']);
    expect(keptList(state, 'mine', 't2')).toEqual(list('mine'));
    expect(refusal(() => keptList(damaged, 'other', 't4'))).toEqual(['The deleted list: rulesOff: Invalid input: expected array, received string']);
    expect(forgetKept(state, 'other', 't4').deletedLists.map((d) => d.deletedAt)).toEqual(['t2']);
    expect(forgetKept(state, 'other', 't9')).toBe(state);
  });

  it('names a site it cannot use', async () => {
    const { all } = areas();
    const state = await readState(all);
    expect(setSiteEnabled(state, 'Example.ORG', false).settings.disabledSites).toEqual(['example.org']);
    expect(() => setSiteEnabled(state, 'https://example.org/x', false)).toThrow(
      '"https://example.org/x" must be a host name such as example.org or *.example.org',
    );
    // Pages are matched by host name, without the port: a site with one would never match.
    expect(() => setSiteEnabled(state, 'localhost:8080', false)).toThrow('"localhost:8080" must be a host name such as example.org or *.example.org');
    const stored = { ...state, settings: { ...state.settings, disabledSites: ['localhost:8080'] } };
    expect(setSiteEnabled(stored, 'localhost:8080', true).settings.disabledSites).toEqual([]);
    expect(siteIsOff('news.example.org', ['*.example.org'])).toBe(true);
    expect(siteIsOff('example.org', ['*.example.org'])).toBe(true);
    expect(siteIsOff('badexample.org', ['*.example.org'])).toBe(false);
  });
});

describe('writing', () => {
  it('changes nothing when the write fails (quota), and says why', async () => {
    const { local, all } = areas();
    const before = await readState(all);
    const snapshot = local.snapshot();
    local.failWrites = true;
    await expect(writeState(all, before, saveList(before, list('mine'), saved))).rejects.toThrow('QUOTA_BYTES quota exceeded');
    local.failWrites = false;
    expect(local.snapshot()).toBe(snapshot);
    expect((await readState(all)).userLists.lists).toEqual([]);
  });

  it('leaves every list whole when a write is cut off between its two areas (the extension updated mid-write)', async () => {
    const { local, sync, all } = areas();
    let state = saveList(await readState(all), list('mine'), saved);
    state = setRuleEnabled(state, 'mine', 'r', false);
    await writeState(all, await readState(all), state);
    // The lists are written, then the extension goes away before the settings are.
    const cut = { local, sync: { ...sync, get: sync.get.bind(sync), remove: sync.remove.bind(sync), set: () => Promise.reject(new Error('Extension context invalidated.')) } };
    await expect(writeState(cut, state, deleteList(state, 'mine'))).rejects.toThrow('Extension context invalidated.');
    const after = await readState(all);
    expect(after.userLists.lists).toEqual([]);
    expect(after.setAside).toEqual([]);
    // The left-over switch names a list that no longer exists and changes nothing.
    expect(after.settings.disabledRules).toEqual(['mine/r']);
  });

  it('keeps a stored value it cannot read at all, and starts from no lists', async () => {
    const { local, all } = areas();
    local.data.set(USER_LISTS_KEY, 'garbage');
    const state = await readState(all);
    expect(state.userLists.lists).toEqual([]);
    expect(state.setAside.map((s) => [s.what, s.value])).toEqual([['all your lists', 'garbage']]);
  });

  it('keeps set-aside data it cannot read, wrapped, and says so, rather than overwriting it', async () => {
    const { local, all } = areas();
    local.data.set('setAside', { old: 'shape' });
    const AT = '2030-01-02T03:04:05.000Z';
    const state = await readState(all, AT);
    expect(state.setAside).toEqual(named([{ what: 'set-aside data', reason: 'not in the expected shape', value: { old: 'shape' }, at: AT }]));
    expect(state.notices).toEqual([{ at: AT, message: 'Data set aside earlier could not be read. It is kept unchanged; export it from the notice below.' }]);
    expect(local.data.get('setAside')).toEqual(state.setAside);
    // A later change that writes the set-aside data again keeps it.
    const next = saveList(state, list('mine'), saved);
    await writeState(all, state, { ...next, setAside: [...next.setAside] });
    expect((await readState(all)).setAside).toEqual(state.setAside);
  });

  it('wraps only the set-aside items it cannot read', async () => {
    const { local, all } = areas();
    const good = { what: 'list "x"', reason: 'why', value: { a: 1 }, at: 't' };
    local.data.set('setAside', [good, 'stray']);
    const state = await readState(all, 'now');
    expect(state.setAside).toEqual(named([good, { what: 'set-aside data', reason: 'not in the expected shape', value: 'stray', at: 'now' }]));
  });

  it('keeps the notices it can read and sets aside the others', async () => {
    const { local, all } = areas();
    const good = { at: 't', message: 'Something happened.' };
    local.data.set('notices', [good, { at: 5 }, 'stray']);
    const state = await readState(all, 'now');
    expect(state.notices).toEqual([
      { at: 'now', message: 'Some earlier notices could not be read. They were set aside unchanged; export them from the notice below.' },
      good,
    ]);
    expect(state.setAside).toEqual(named([{ what: 'notices', reason: 'not in the expected shape', value: [{ at: 5 }, 'stray'], at: 'now' }]));
  });

  it('writes the deleted lists and reads them back; one it cannot read is set aside, the others kept', async () => {
    const { local, all } = areas();
    let state = saveList(await readState(all), list('mine'), saved, 't1');
    const before = state;
    state = deleteList(state, 'mine', 't2');
    await writeState(all, before, state);
    // Pages are sent the kept lists by name only.
    expect(forPage(await readState(all)).deletedLists).toEqual([{ id: 'mine', title: 'List mine', version: '1', deletedAt: 't2' }]);
    expect(stateSchema.safeParse(forPage(await readState(all))).success).toBe(true);
    expect((await readState(all)).deletedLists).toEqual(state.deletedLists);
    // One the page could list but not ask for (commands take ids of 1 to 64 characters) is set aside too.
    const noId = { ...state.deletedLists[0]!, deleted: { ...state.deletedLists[0]!.deleted, entry: { ...state.deletedLists[0]!.deleted.entry, list: { ...list('x'), id: '' } } } };
    local.data.set(DELETED_LISTS_KEY, [...state.deletedLists, { deletedAt: 5 }, noId]);
    const read = await readState(all, 'now');
    expect(read.deletedLists).toEqual(state.deletedLists);
    expect(read.setAside).toEqual(named([{ what: 'deleted lists', reason: 'not in the expected shape', value: [{ deletedAt: 5 }, noId], at: 'now' }]));
    expect(read.notices[0]).toEqual({
      at: 'now',
      message: 'Some deleted lists kept to be brought back could not be read. They were set aside unchanged; export them from the notice below.',
    });
    // Repaired once, in storage too.
    expect(local.data.get(DELETED_LISTS_KEY)).toEqual(state.deletedLists);
  });

  it('refuses to keep a damaged deleted list', async () => {
    const { all } = areas();
    const before = await readState(all);
    const bad = { ...before, deletedLists: [{ deletedAt: 't', deleted: { entry: 'none', index: 0, listOff: false, rulesOff: [] } }] };
    expect(await writeState(all, before, bad as never).catch((error: Refused) => error.errors)).toEqual([
      'The deleted list: 0.deleted.entry: Invalid input: expected object, received string',
    ]);
  });

  it('refuses to write an invalid state', async () => {
    const { all } = areas();
    const before = await readState(all);
    const bad = { ...before, userLists: { ...before.userLists, lists: [{ list: { ...list('x'), format: 'nope' }, origin: 'user', updatedAt: 't', history: [] }] } };
    await expect(writeState(all, before, bad as never)).rejects.toBeInstanceOf(Refused);
  });

  it('checks the entries a change made, beside the ones it left as they were read', async () => {
    const { all } = areas();
    const read = saveList(await readState(all), list('mine'), saved);
    await writeState(all, await readState(all), read);
    const before = await readState(all);
    const changed = { list: { ...list('x'), format: 'nope' }, origin: 'user', updatedAt: 't', history: [] };
    const bad = { ...before, userLists: { ...before.userLists, lists: [before.userLists.lists[0]!, changed] } };
    expect(await writeState(all, before, bad as never).catch((error: Refused) => error.errors)).toEqual(['list "x": must be "wortlupe-list/1"']);
    // The same content as a new object is checked too: only what was read is taken as checked.
    const copy = { ...before, userLists: { ...before.userLists, lists: [{ ...before.userLists.lists[0]!, list: { ...before.userLists.lists[0]!.list, format: 'nope' } }] } };
    await expect(writeState(all, before, copy as never)).rejects.toBeInstanceOf(Refused);
  });
});

describe('import and export', () => {
  it('round-trips a backup', async () => {
    const { all } = areas();
    let state = saveList(await readState(all), list('mine'), saved);
    state = setRuleEnabled(state, 'de-krieg', 'freiwillig', false);
    const text = JSON.stringify(exportBackup(state));
    const { all: other } = areas();
    const restored = importBackup(await readState(other), text, ['de-krieg']);
    expect(restored.settings).toEqual(state.settings);
    expect(restored.userLists).toEqual(state.userLists);
  });

  it("brings the backup's set-aside data along, so restoring on a new install loses none of it", async () => {
    const { all } = areas();
    const kept = { what: 'list "old"', reason: 'not in the expected shape', value: { list: { id: 'old' } }, at: '2026-01-01T00:00:00.000Z' };
    const backup = JSON.stringify({ ...exportBackup(await readState(all)), setAside: [kept, 'unreadable'] });
    const { all: other } = areas();
    const restored = importBackup(await readState(other), backup, ['de-krieg']);
    expect(restored.setAside.slice(0, 2)).toEqual(named([kept, { what: 'set-aside data', reason: 'not in the expected shape', value: 'unreadable', at: expect.any(String) }]));
    expect(restored.setAside).toHaveLength(3);
  });

  it('keeps what a restored backup replaces, with a notice, so nothing is lost', async () => {
    const { all } = areas();
    const backup = JSON.stringify(exportBackup(saveList(await readState(all), list('theirs'), saved)));
    let state = saveList(await readState(all), list('mine'), saved);
    state = setRuleEnabled(state, 'mine', 'r', false);
    const restored = importBackup(state, backup, ['de-krieg']);
    expect(restored.userLists.lists.map((e) => e.list.id)).toEqual(['theirs']);
    const kept = restored.setAside.at(-1)!;
    expect(kept.what).toBe('your lists and settings before a backup was restored');
    // The kept value is itself a backup: restoring it brings back what was there.
    const back = importBackup(restored, JSON.stringify(kept.value), ['de-krieg']);
    expect(back.userLists).toEqual(state.userLists);
    expect(back.settings).toEqual(state.settings);
    expect(restored.notices[0]!.message).toBe(
      'A backup was restored. Your lists and settings from before are kept: export them from the notice below to bring them back.',
    );
  });

  it('refuses a broken backup as a whole, naming what is wrong', async () => {
    const { all } = areas();
    const state = await readState(all);
    // Import wording: the backup is refused, so nothing was reset (repair wording said it was).
    expect(refusal(() => importBackup(state, '{"format":"wortlupe-backup/1","settings":{"style":1},"userLists":{"schema":1,"lists":[]}}', []))).toEqual([
      'The backup’s setting "style" is not valid. Nothing was changed.',
    ]);
    expect(() => importBackup(state, 'not json', [])).toThrow(/^The backup is not valid JSON/);
  });

  it('names what is wrong with a backup\'s lists, in words for a refused backup', async () => {
    const state = await readState(areas().all);
    const backup = (userLists: unknown) => JSON.stringify({ format: 'wortlupe-backup/1', settings: DEFAULT_SETTINGS, userLists });
    const broken = { list: { ...list('broken'), rules: [{ ...list('broken').rules[0], severity: 7 }] }, origin: 'user', updatedAt: 't', history: [] };
    expect(refusal(() => importBackup(state, backup({ schema: 1, lists: 'x' }), []))).toEqual([
      "The backup’s lists are not in the expected shape. Nothing was changed.",
    ]);
    expect(refusal(() => importBackup(state, backup({ schema: 1, lists: [broken] }), []))).toEqual([
      'The backup’s list "broken" is not valid (list "broken": rule "r" (rules[0]) › severity: must be 1, 2 or 3). Nothing was changed.',
    ]);
    // A field a stored list would have repaired is still a reason to refuse a backup.
    const undated = { list: list('mine'), origin: 'user', updatedAt: 5, history: [] };
    expect(refusal(() => importBackup(state, backup({ schema: 1, lists: [undated] }), []))).toEqual([
      'The backup’s list "mine" is not valid (the field "updatedAt" is not valid). Nothing was changed.',
    ]);
  });

  it(`refuses a backup with more than ${MAX_USER_LISTS} lists, and takes one with exactly that many`, async () => {
    const state = await readState(areas().all);
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ list: list(`l${i}`), origin: 'user', updatedAt: 't', history: [] }));
    const backup = (n: number) => JSON.stringify({ format: 'wortlupe-backup/1', settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: entries(n) } });
    expect(refusal(() => importBackup(state, backup(MAX_USER_LISTS + 1), []))).toEqual([
      'The backup has 101 lists; Wortlupe keeps at most 100. Nothing was changed.',
    ]);
    expect(importBackup(state, backup(MAX_USER_LISTS), []).userLists.lists).toHaveLength(MAX_USER_LISTS);
  });

  it(`keeps at most ${MAX_USER_LISTS} lists, and still replaces one when there are that many`, async () => {
    let state = await readState(areas().all);
    for (let i = 0; i < MAX_USER_LISTS; i++) state = saveList(state, list(`l${i}`), { ...saved, replace: false });
    expect(refusal(() => saveList(state, list('one-more'), saved))).toEqual(['You can keep at most 100 lists.']);
    const replaced = saveList(state, list('l0', 'Menschenmaterial', '2'), saved);
    expect(replaced.userLists.lists).toHaveLength(MAX_USER_LISTS);
    expect(replaced.userLists.lists[0]!.list.version).toBe('2');
  });

  it('reads a list of 20000 rules and refuses one of 20001', () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ ...list('big').rules[0]!, id: `r${i}`, term: `Wort${i}` }));
    const text = (n: number) => JSON.stringify({ ...list('big'), rules: rules(n) });
    expect(readListText(text(20000), 'big.json').rules).toHaveLength(20000);
    expect(refusal(() => readListText(text(20001), 'big.json'))).toEqual(['big.json: rules: must hold at most 20000 rules']);
  });

  it('limits the size of a list and names the file, rule and field of an invalid one', () => {
    expect(() => readListText(' '.repeat(MAX_LIST_TEXT + 1), 'big.json')).toThrow(
      'big.json: the list has 5.1 million characters; Wortlupe reads lists of up to 5 million.',
    );
    // In German, with a decimal comma; a file too large to read is named by its size in bytes.
    useLocale('de');
    try {
      expect(listTooLarge(5_100_000, 'lang.json')).toBe('lang.json: Die Liste hat 5,1 Millionen Zeichen; Wortlupe liest Listen mit bis zu 5 Millionen.');
      expect(listFileTooLarge(15_000_001, 'riesig.json')).toBe('riesig.json: Die Datei ist 15,1 MB groß, mehr als die 5 Millionen Zeichen, die Wortlupe in einer Liste liest.');
      expect(listFileTooLarge(15_000_000, 'riesig.json')).toBeUndefined();
      // Rounded up: one character over the limit does not read as the limit.
      expect(listTooLarge(5_000_001, 'knapp.json')).toBe('knapp.json: Die Liste hat 5,1 Millionen Zeichen; Wortlupe liest Listen mit bis zu 5 Millionen.');
    } finally {
      useLocale('en');
    }
    const broken = JSON.stringify({ ...list('x'), rules: [{ ...list('x').rules[0], technique: 'spin' }] });
    try {
      readListText(broken, 'x.json');
      expect.unreachable();
    } catch (error) {
      expect((error as Refused).errors).toEqual([
        'x.json: rule "r" (rules[0]) › technique: must be one of loaded-language, name-calling, euphemism, dehumanisation, ' +
          'exaggeration-minimisation, flag-waving, appeal-to-fear, reductio-ad-hitlerum, doubt, guilt-by-association, slogan',
      ]);
    }
  });
});
