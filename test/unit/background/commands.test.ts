// Commands against storage that fails: the reader is told what the browser said, and nothing changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { republish, run } from '../../../src/background/commands';
import { MATCHER_FORMAT } from '../../../src/core';
import { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY } from '../../../src/shared/storage';
import { commandResultSchema } from '../../../src/shared/answers';
import type { CommandResult } from '../../../src/shared/messages';
import type { PageState } from '../../../src/shared/store/store';
import { USER_LISTS_KEY } from '../../../src/shared/store/user-lists';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { ruleList } from './lists';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).fakeBrowser }));

const NOT_SAVED = 'The change could not be saved: QUOTA_BYTES quota exceeded. Nothing was changed.';

beforeEach(async () => {
  resetFakeBrowser();
  // A first read records the schema version, so later reads write nothing.
  expect(await run({ type: 'get-state' })).toMatchObject({ ok: true });
});

/** The state a command answered with (these all answer with one). */
const stateOf = (result: CommandResult) => (result.ok ? (result.data as PageState) : undefined);

const snapshot = () => [fakeBrowser.storage.local.snapshot(), fakeBrowser.storage.sync.snapshot()];

describe('a command whose write fails', () => {
  it('says what the browser said and leaves the stored lists as they were', async () => {
    expect(await run({ type: 'import-list', text: JSON.stringify(ruleList('mine')), name: 'mine.json', replace: false })).toMatchObject({ ok: true });
    const before = snapshot();
    fakeBrowser.storage.local.failWrites = true;
    const result = await run({ type: 'import-list', text: JSON.stringify(ruleList('mine', '2')), name: 'mine.json', replace: true });
    expect(result).toEqual({ ok: false, errors: [NOT_SAVED] });
    expect(snapshot()).toEqual(before);
    expect(fakeBrowser.storage.local.data.get(USER_LISTS_KEY)).toMatchObject({ lists: [{ list: ruleList('mine') }] });
  });

  it('says so for settings too, when neither synced nor local storage takes them', async () => {
    const before = snapshot();
    fakeBrowser.storage.sync.failWrites = true;
    fakeBrowser.storage.local.failWrites = true;
    const result = await run({ type: 'set-style', style: { colourBy: 'list', look: 'background' } });
    expect(result).toEqual({ ok: false, errors: [NOT_SAVED] });
    expect(snapshot()).toEqual(before);
  });
});

describe('saving a new list', () => {
  it('keeps a list saved meanwhile under the same id, saves the new one under a free id and answers which', async () => {
    const first = { ...ruleList('mine'), title: 'First tab' };
    const second = { ...ruleList('mine'), title: 'Second tab' };
    expect(await run({ type: 'save-list', list: first, replace: false })).toMatchObject({ ok: true, savedAs: 'mine' });
    const result = await run({ type: 'save-list', list: second, replace: false });
    expect(result).toMatchObject({ ok: true, savedAs: 'mine-2' });
    expect(commandResultSchema.safeParse(result).success).toBe(true);
    expect(fakeBrowser.storage.local.data.get(USER_LISTS_KEY)).toMatchObject({ lists: [{ list: first }, { list: { ...second, id: 'mine-2' } }] });
    // An edit of a list the reader has replaces it, under its own id.
    expect(await run({ type: 'save-list', list: { ...second, id: 'mine-2', version: '2' }, replace: true })).toMatchObject({ ok: true, savedAs: 'mine-2' });
    expect(fakeBrowser.storage.local.data.get(USER_LISTS_KEY)).toMatchObject({ lists: [{ list: first }, { list: { id: 'mine-2', version: '2' } }] });
  });
});

describe('one list edited in two tabs', () => {
  afterEach(() => vi.useRealTimers());
  // Each save is stamped with the time: tabs that save in turn save at different times.
  const at = (minute: number) => vi.setSystemTime(new Date(`2026-11-26T10:0${minute}:00Z`));
  const stored = () => (fakeBrowser.storage.local.data.get(USER_LISTS_KEY) as { lists: { list: { version: string }; updatedAt: string; history: { list: { version: string } }[] }[] }).lists[0]!;
  /** Saved in a first tab; a second tab opened the list then. */
  async function openedInTwoTabs(): Promise<string> {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    const saved = await run({ type: 'save-list', list: ruleList('mine'), replace: false });
    return stateOf(saved)!.userLists.lists[0]!.updatedAt;
  }

  it('saves the later tab over a version saved meanwhile, says so, and keeps that version for Undo', async () => {
    const base = await openedInTwoTabs();
    at(1);
    const first = await run({ type: 'save-list', list: ruleList('mine', '2'), replace: true, base });
    expect(first).toMatchObject({ ok: true });
    expect(first).not.toHaveProperty('warning');
    at(2);
    const second = await run({ type: 'save-list', list: ruleList('mine', '3'), replace: true, base });
    expect(second).toMatchObject({
      ok: true,
      warning: '“List mine” had been changed in another tab since you opened it. Your version is saved; the other one is kept in its history: “Undo last change” brings it back.',
    });
    expect(stored().list.version).toBe('3');
    expect(stored().history.map((h) => h.list.version)).toEqual(['2', '1']);
  });

  it('refuses to undo from a page that shows an older version, and changes nothing; from the current one, undoes', async () => {
    const base = await openedInTwoTabs();
    at(1);
    const changed = await run({ type: 'save-list', list: ruleList('mine', '2'), replace: true, base });
    const before = snapshot();
    expect(await run({ type: 'undo-list', listId: 'mine', base })).toEqual({
      ok: false,
      errors: ['“List mine” was changed since this page showed it (in another tab?): nothing was undone. Look at it again here, then undo if you still want to.'],
    });
    expect(snapshot()).toEqual(before);
    const current = stateOf(changed)!.userLists.lists[0]!.updatedAt;
    expect(await run({ type: 'undo-list', listId: 'mine', base: current })).toMatchObject({ ok: true });
    expect(stored().list.version).toBe('1');
  });
});

describe('deleting a list', () => {
  it('keeps the list as stored when it went, a version saved in another tab included; the answer says when, and Undo brings that back', async () => {
    await run({ type: 'save-list', list: ruleList('other'), replace: false });
    await run({ type: 'save-list', list: ruleList('mine'), replace: false });
    // Saved in another tab after this page last read the state.
    await run({ type: 'save-list', list: ruleList('mine', '2'), replace: true });
    const result = await run({ type: 'delete-list', listId: 'mine' });
    expect(commandResultSchema.safeParse(result).success).toBe(true);
    const deletedAt = (result as { deletedAt: string }).deletedAt;
    // The page is sent the kept list by name only.
    expect(stateOf(result)!.deletedLists).toEqual([{ id: 'mine', title: 'List mine', version: '2', deletedAt }]);
    expect(await run({ type: 'delete-list', listId: 'mine' })).not.toHaveProperty('deletedAt');
    // As a file, while it is kept: the version that went.
    const file = await run({ type: 'export-kept', listId: 'mine', deletedAt });
    expect(file).toMatchObject({ ok: true, data: { format: 'wortlupe-list/1', id: 'mine', version: '2' } });
    const restored = await run({ type: 'restore-kept', listId: 'mine', deletedAt });
    expect(stateOf(restored)!.userLists.lists.map((e) => [e.list.id, e.list.version, e.history.map((h) => h.list.version)])).toEqual([
      ['other', '1', []],
      ['mine', '2', ['1']],
    ]);
    expect(stateOf(restored)!.deletedLists).toEqual([]);
    expect(await run({ type: 'export-kept', listId: 'mine', deletedAt })).toEqual({
      ok: false,
      errors: ['The deleted list “mine” is no longer kept (brought back or removed in another tab?).'],
    });
  });
});

describe('data set aside', () => {
  it('is sent to pages described only, given as a file by id, and removed for good by id', async () => {
    // A backup restored over a large list: what it replaced is set aside, whole.
    const big = ruleList('big', '1', 2000);
    expect(await run({ type: 'save-list', list: big, replace: false })).toMatchObject({ ok: true });
    expect(JSON.stringify(big).length).toBeGreaterThan(300_000);
    const backup = await run({ type: 'export-backup' });
    const empty = JSON.stringify({ ...(backup as { data: object }).data, userLists: { schema: 1, lists: [] } });
    const restored = await run({ type: 'import-backup', text: empty, name: 'empty.json' });
    expect(JSON.stringify(restored).length).toBeLessThan(10_000);
    const [kept] = stateOf(restored)!.setAside;
    expect(kept).toEqual({ id: expect.any(String), what: 'your lists and settings before a backup was restored', reason: expect.any(String), at: expect.any(String), backup: true });
    const file = await run({ type: 'export-set-aside', id: kept!.id });
    expect(file).toMatchObject({ ok: true, data: { format: 'wortlupe-backup/1', userLists: { lists: [{ list: big }] } } });
    expect(await run({ type: 'export-set-aside' })).toMatchObject({ ok: true, data: [{ id: kept!.id, what: kept!.what, value: { format: 'wortlupe-backup/1' } }] });
    const removed = await run({ type: 'forget-set-aside', id: kept!.id });
    expect(stateOf(removed)!.setAside).toEqual([]);
    expect(fakeBrowser.storage.local.data.get('setAside')).toEqual([]);
    expect(await run({ type: 'export-set-aside', id: kept!.id })).toEqual({ ok: false, errors: ['That is no longer kept (removed in another tab?).'] });
  });
});

describe('a refused import', () => {
  it("names the file in every reason, those of the store's checks too, as in the reasons found reading it", async () => {
    const shipped = await run({ type: 'import-list', text: JSON.stringify(ruleList('de-krieg')), name: 'krieg.json', replace: false });
    expect(shipped).toEqual({ ok: false, errors: ['krieg.json: The id "de-krieg" belongs to a list that ships with Wortlupe. Give your list another id.'] });
    expect(await run({ type: 'import-list', text: JSON.stringify(ruleList('mine')), name: 'mine.json', replace: false })).toMatchObject({ ok: true });
    expect(await run({ type: 'import-list', text: JSON.stringify(ruleList('mine')), name: 'again.json', replace: false })).toEqual({
      ok: false,
      errors: ['again.json: You already have a list with the id "mine" ("List mine"). Replace it?'],
      canReplace: true,
    });
    expect(await run({ type: 'import-backup', text: 'not json', name: 'backup.json' })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^backup\.json: The backup is not valid JSON \(.+\)\.$/)],
    });
    expect(await run({ type: 'import-backup', text: '{}', name: 'other.json' })).toEqual({
      ok: false,
      errors: ['other.json: This is not a Wortlupe backup (format must be "wortlupe-backup/1").'],
    });
  });
});

describe('a change stored but not published to the tabs', () => {
  it('is done, with the new state, and says that open pages do not have it yet; the next change passes it on', async () => {
    fakeBrowser.storage.local.failWrites = (items) => COMPILED_KEY in items;
    const result = await run({ type: 'save-list', list: ruleList('mine'), replace: false });
    expect(result).toMatchObject({
      ok: true,
      savedAs: 'mine',
      warning: 'Saved, but open pages could not be given the change: QUOTA_BYTES quota exceeded. They get it with your next change, or when the browser starts again.',
    });
    expect(commandResultSchema.safeParse(result).success).toBe(true);
    expect(fakeBrowser.storage.local.data.get(USER_LISTS_KEY)).toMatchObject({ lists: [{ list: ruleList('mine') }] });
    fakeBrowser.storage.local.failWrites = false;
    expect(await run({ type: 'set-style', style: { colourBy: 'list', look: 'background' } })).toEqual({ ok: true, data: expect.anything() });
    expect(fakeBrowser.storage.local.data.get(ACTIVE_KEY)).toMatchObject({ lists: expect.arrayContaining([expect.objectContaining({ id: 'mine' })]) });
  });
});

describe('a refusal with many reasons', () => {
  it('sends the first 50 and how many more, so the page can show it', async () => {
    const broken = { ...ruleList('broken'), rules: Array.from({ length: 1200 }, (_, i) => ({ ...ruleList('x').rules[0]!, id: `r${i}`, sources: [] })) };
    const result = await run({ type: 'import-list', text: JSON.stringify(broken), name: 'broken.json', replace: false });
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toHaveLength(51);
    expect(errors.at(-1)).toBe('… and 1150 more.');
    expect(errors[0]).toMatch(/r0/);
    expect(commandResultSchema.safeParse(result).success).toBe(true);
  });
});

describe('publishing to tabs', () => {
  it('writes nothing when the lists, settings and matcher format are what tabs already have', async () => {
    await republish();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await republish();
    expect(set).not.toHaveBeenCalled();
    // A stored matcher of an older format is written again (after an update).
    fakeBrowser.storage.local.data.set(COMPILED_KEY, { format: 'wortlupe-matcher/2' });
    await republish();
    expect(set).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.storage.local.data.get(COMPILED_KEY)).toMatchObject({ format: MATCHER_FORMAT });
    // A real change is published.
    expect(await run({ type: 'set-style', style: { colourBy: 'list', look: 'background' } })).toMatchObject({ ok: true });
    expect(fakeBrowser.storage.local.data.get(PAGE_SETTINGS_KEY)).toMatchObject({ style: { colourBy: 'list', look: 'background' } });
  });

  it('gives every publish a new id, written with what it publishes', async () => {
    await republish();
    const first = fakeBrowser.storage.local.data.get(PUBLISHED_KEY);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    await republish(); // nothing new: no write, the same id
    expect(fakeBrowser.storage.local.data.get(PUBLISHED_KEY)).toBe(first);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await run({ type: 'set-style', style: { colourBy: 'list', look: 'underline' } })).toMatchObject({ ok: true });
    const published = set.mock.calls.map(([items]) => items as Record<string, unknown>).find((items) => PAGE_SETTINGS_KEY in items)!;
    expect(Object.keys(published).sort()).toEqual([ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY].sort());
    expect(published[PUBLISHED_KEY]).toMatch(/^[0-9a-f-]{36}$/);
    expect(published[PUBLISHED_KEY]).not.toBe(first);
  });
});
