// A stand-in for webextension-polyfill in unit tests of background code, given to vi.mock:
//   vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).fakeBrowser }));
// Storage areas in memory (with faults on demand, see FakeArea) and the host permissions granted.
import { FakeArea } from '../store/fake-area';

export const fakeBrowser = {
  storage: { local: new FakeArea(), sync: new FakeArea() },
  permissions: {
    /** Origin patterns the reader allowed, as the manifest's optional_host_permissions name them. */
    granted: new Set<string>(),
    async contains({ origins = [] }: { origins?: string[] }): Promise<boolean> {
      return origins.every((origin) => fakeBrowser.permissions.granted.has(origin));
    },
  },
};

/** Empty storage, no faults, no permissions: call in beforeEach. */
export function resetFakeBrowser(): void {
  fakeBrowser.storage.local = new FakeArea();
  fakeBrowser.storage.sync = new FakeArea();
  fakeBrowser.permissions.granted.clear();
}
