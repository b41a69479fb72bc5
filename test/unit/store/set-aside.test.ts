// Set-aside data: pages are sent each item described, never its value, and name an item to have it
// as a file or to remove it for good; an item they name wrongly (gone, or no longer told apart) is
// refused, never mistaken for another.
import { describe, expect, it } from 'vitest';
import { stateSchema } from '../../../src/shared/answers';
import { withFallback, type Areas } from '../../../src/shared/store/area';
import { DEFAULT_SETTINGS } from '../../../src/shared/store/settings';
import { BACKUP_FORMAT, forgetSetAside, forPage, readState, Refused, setAsideData, writeState, type State } from '../../../src/shared/store/store';
import type { SetAside } from '../../../src/shared/store/user-lists';
import { FakeArea } from './fake-area';

const AT = '2026-11-27T10:00:00.000Z';
const item = (what: string, value: unknown, at = AT): SetAside => ({ what, reason: 'not in the expected shape', value, at });
const backup = { format: BACKUP_FORMAT, exportedAt: AT, settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: [] } };
const state = (setAside: SetAside[]): State => ({ settings: DEFAULT_SETTINGS, userLists: { schema: 1, lists: [] }, notices: [], setAside, deletedLists: [] });
const ref = (s: State, index: number) => ({ index, what: forPage(s).setAside[index]!.what, at: forPage(s).setAside[index]!.at });
const refusal = (change: () => unknown) => {
  try {
    change();
  } catch (error) {
    if (error instanceof Refused) return error.errors;
    throw error;
  }
  return 'not refused';
};
const GONE =
  'That was removed meanwhile, or can no longer be told apart from other data set aside at the same time. Nothing was changed; look at the list again.';

describe('what pages are sent of set-aside data', () => {
  it('describes every item, marks what a restored backup replaced, and leaves the values out', () => {
    const big = 'x'.repeat(1_000_000);
    const s = state([item('list "mine"', { list: big }), { what: 'your lists and settings before a backup was restored', reason: 'replaced', value: backup, at: AT }]);
    const page = forPage(s);
    expect(page.setAside).toEqual([
      { what: 'list "mine"', reason: 'not in the expected shape', at: AT, backup: false },
      { what: 'your lists and settings before a backup was restored', reason: 'replaced', at: AT, backup: true },
    ]);
    expect(JSON.stringify(page).length).toBeLessThan(2_000);
    expect(stateSchema.safeParse(page).success).toBe(true);
  });

  it('cuts long descriptions to what the pages accept and send back', () => {
    const s = state([{ what: 'w'.repeat(5000), reason: 'r'.repeat(5000), value: 1, at: 'a'.repeat(500) }]);
    const [summary] = forPage(s).setAside;
    expect([summary!.what.length, summary!.reason.length, summary!.at.length]).toEqual([300, 2000, 100]);
    expect(summary!.what.endsWith('w…')).toBe(true);
    expect(stateSchema.safeParse(forPage(s)).success).toBe(true);
    // Named by its cut description, it is found.
    expect(setAsideData(s, ref(s, 0))).toBe(1);
  });
});

describe('one item by name', () => {
  const s = state([item('list "a"', 'A'), item('list "b"', 'B'), item('settings', { style: 'pink' }, '2026-11-28T00:00:00.000Z')]);

  it('is given as it was kept; with no item named, every item whole', () => {
    expect(setAsideData(s, ref(s, 1))).toBe('B');
    expect(setAsideData(s, ref(s, 2))).toEqual({ style: 'pink' });
    expect(setAsideData(s)).toEqual(s.setAside);
  });

  it('is removed for good, and only it', () => {
    expect(forgetSetAside(s, ref(s, 1)).setAside).toEqual([s.setAside[0], s.setAside[2]]);
  });

  it('is found by its description when items before it went meanwhile (in another tab)', () => {
    const named = ref(s, 2);
    const after = forgetSetAside(s, ref(s, 0));
    expect(setAsideData(after, named)).toEqual({ style: 'pink' });
    expect(forgetSetAside(after, named).setAside).toEqual([s.setAside[1]]);
  });

  it('is refused, changing nothing, when it is gone or could be another with the same description', () => {
    const named = ref(s, 1);
    const gone = forgetSetAside(s, named);
    expect(refusal(() => setAsideData(gone, named))).toEqual([GONE]);
    expect(refusal(() => forgetSetAside(gone, named))).toEqual([GONE]);
    // Two items set aside at the same moment with the same description, and the one named moved: which is meant is unknown.
    const twins = state([item('list "x"', 1), item('list "x"', 2), item('list "x"', 3)]);
    const third = ref(twins, 2);
    const moved = forgetSetAside(twins, ref(twins, 0));
    expect(refusal(() => forgetSetAside(moved, third))).toEqual([GONE]);
    // Where the page saw it, it is that one.
    expect(forgetSetAside(moved, ref(moved, 1)).setAside.map((i) => i.value)).toEqual([2]);
  });

  it('stays removed once written and read back', async () => {
    const local = new FakeArea();
    const sync = new FakeArea();
    const all: Areas = { local, sync: withFallback(sync, local) };
    const before = { ...(await readState(all, AT)), setAside: s.setAside };
    await writeState(all, await readState(all, AT), before);
    const read = await readState(all, AT);
    expect(read.setAside).toEqual(s.setAside);
    await writeState(all, read, forgetSetAside(read, ref(read, 0)));
    expect((await readState(all, AT)).setAside).toEqual(s.setAside.slice(1));
  });
});
