// Counts per tab and frame in storage.session, and the popup's mark that it reloaded a tab: a page
// read in the tab (its top frame reports), a navigation or the tab closing forgets the mark, so an
// unread page later in the same tab is not taken for one closed to extensions.
import { beforeEach, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
const badges: string[] = [];
const keysOf = (keys: string | string[]) => [keys].flat();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (keys: string | string[]) => Object.fromEntries(keysOf(keys).filter((k) => session.has(k)).map((k) => [k, structuredClone(session.get(k))])),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v))),
        remove: async (keys: string | string[]) => void keysOf(keys).forEach((k) => session.delete(k)),
      },
    },
    action: {
      setBadgeBackgroundColor: async () => {},
      setBadgeText: async ({ text }: { text: string }) => void badges.push(text),
      setTitle: async () => {},
    },
  },
}));
const { forgetTab, recordCount } = await import('../../../src/background/tab-counts');
const { markReloaded, wasReloaded } = await import('../../../src/shared/storage');

beforeEach(() => {
  session.clear();
  badges.length = 0;
});

it('sums the frames of a tab into its badge', async () => {
  await recordCount(7, 0, 'top-document', 2);
  await recordCount(7, 3, 'frame-document', 5);
  expect(badges).toEqual(['2', '7']);
});

it("forgets the popup's reload once the tab's page is read, not when only a frame reports", async () => {
  await markReloaded(7);
  await recordCount(7, 3, 'frame-document', 1);
  expect(await wasReloaded(7)).toBe(true);
  await recordCount(7, 0, 'top-document', 0);
  expect(await wasReloaded(7)).toBe(false);
});

it('forgets it, with the counts, when the tab navigates or closes', async () => {
  await markReloaded(7);
  await recordCount(7, 3, 'frame-document', 1);
  await forgetTab(7);
  expect([await wasReloaded(7), session.has('tab:7')]).toEqual([false, false]);
});
