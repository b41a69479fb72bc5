// Subscriptions: how a download is refused (permission, size, server), how subscribing takes only the
// list that was shown, and how an update run keeps the last good version and says why. (Which
// addresses are accepted: test/unit/subscription-address.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run, updateSubscriptions } from '../../../src/background/commands';
import { fetchList, updateFailure } from '../../../src/background/subscriptions';
import { Refused } from '../../../src/shared/store/store';
import { USER_LISTS_KEY, type UserLists } from '../../../src/shared/store/user-lists';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { ruleList, served } from './lists';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).fakeBrowser }));

const URL_A = 'https://lists.example/a.json';
const URL_B = 'https://lists.example/b.json';
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  resetFakeBrowser();
  fakeBrowser.permissions.granted.add('https://lists.example/*');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The errors of the Refused that `make` rejects with. */
async function refusal(make: () => Promise<unknown>): Promise<string[]> {
  const error = await make().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refused);
  return (error as Refused).errors;
}

const storedLists = () => fakeBrowser.storage.local.data.get(USER_LISTS_KEY) as UserLists;

describe('fetchList', () => {
  it('refuses without the permission for the site, and does not ask the server', async () => {
    fakeBrowser.permissions.granted.clear();
    expect(await refusal(() => fetchList(URL_A))).toEqual(['Wortlupe has no permission to read from https://lists.example. Subscribe again and allow it.']);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reads a list, without cookies and without following redirects', async () => {
    fetchMock.mockResolvedValue(served(ruleList('a')));
    expect(await fetchList(URL_A)).toEqual(ruleList('a'));
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
  });

  it('refuses a list whose declared length is over the limit', async () => {
    fetchMock.mockResolvedValue(new Response('{}', { headers: { 'content-length': String(10_000_001) } }));
    expect(await refusal(() => fetchList(URL_A))).toEqual(['https://lists.example/a.json: the list is larger than 10 MB, more than Wortlupe downloads.']);
  });

  it('stops reading a body that grows over the limit, naming the address', async () => {
    const chunk = new Uint8Array(1_000_000).fill(32);
    let sent = 0;
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
      },
      cancel,
    });
    fetchMock.mockResolvedValue(new Response(body));
    expect(await refusal(() => fetchList(URL_A))).toEqual(['https://lists.example/a.json: the list is larger than 10 MB, more than Wortlupe downloads.']);
    expect(cancel).toHaveBeenCalled();
    expect(sent).toBeLessThan(13);
  });

  it('says when the server cannot be reached, and what it answered', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await refusal(() => fetchList(URL_A))).toEqual(['https://lists.example/a.json could not be reached (Failed to fetch).']);
    fetchMock.mockResolvedValueOnce(new Response('oops', { status: 500, statusText: 'Internal Server Error' }));
    expect(await refusal(() => fetchList(URL_A))).toEqual(['https://lists.example/a.json answered 500 Internal Server Error.']);
  });
});

describe('updateSubscriptions', () => {
  async function subscribe(url: string, list: ReturnType<typeof ruleList>) {
    fetchMock.mockResolvedValueOnce(served(list)).mockResolvedValueOnce(served(list));
    const shown = await run({ type: 'subscribe', url, confirm: false, replace: false });
    const { digest } = (shown as { data: { digest: string } }).data;
    expect(await run({ type: 'subscribe', url, confirm: true, replace: false, digest })).toMatchObject({ ok: true });
  }

  it('keeps the last good version when the server cannot be reached, and stores why', async () => {
    vi.setSystemTime('2030-01-01T00:00:00.000Z');
    await subscribe(URL_A, ruleList('a'));
    vi.setSystemTime('2030-01-02T00:00:00.000Z');
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await updateSubscriptions()).toMatchObject({ ok: true });
    expect(storedLists().lists).toEqual([
      {
        list: ruleList('a'),
        origin: 'subscribed',
        updatedAt: '2030-01-01T00:00:00.000Z',
        history: [],
        subscription: {
          url: URL_A,
          lastChecked: '2030-01-02T00:00:00.000Z',
          lastUpdated: '2030-01-01T00:00:00.000Z',
          lastError: 'https://lists.example/a.json could not be reached (Failed to fetch). Kept the last good version.',
        },
      },
    ]);
  });

  it("stores a short reason for a list with many invalid rules, and still applies the other lists' updates", async () => {
    vi.setSystemTime('2030-01-01T00:00:00.000Z');
    await subscribe(URL_A, ruleList('a'));
    await subscribe(URL_B, ruleList('b'));
    vi.setSystemTime('2030-01-02T00:00:00.000Z');
    const broken = ruleList('a', '2', 25);
    broken.rules = broken.rules.map((rule) => ({ ...rule, severity: 7 as never }));
    fetchMock.mockImplementation(async (url) => served(String(url) === URL_A ? broken : ruleList('b', '2')));
    expect(await updateSubscriptions()).toMatchObject({ ok: true });
    const [a, b] = storedLists().lists;
    expect(a!.list).toEqual(ruleList('a'));
    expect(a!.subscription).toEqual({
      url: URL_A,
      lastChecked: '2030-01-02T00:00:00.000Z',
      lastUpdated: '2030-01-01T00:00:00.000Z',
      lastError:
        'https://lists.example/a.json: rule "r0" (rules[0]) › severity: must be 1, 2 or 3; ' +
        'https://lists.example/a.json: rule "r1" (rules[1]) › severity: must be 1, 2 or 3; ' +
        'https://lists.example/a.json: rule "r2" (rules[2]) › severity: must be 1, 2 or 3 … and 22 more. Kept the last good version.',
    });
    expect(b!.list).toEqual(ruleList('b', '2'));
    expect(b!.subscription).toEqual({ url: URL_B, lastChecked: '2030-01-02T00:00:00.000Z', lastUpdated: '2030-01-02T00:00:00.000Z' });
  });

  it("writes each list's update on its own when they cannot be written together, so one failure costs no other", async () => {
    vi.setSystemTime('2030-01-01T00:00:00.000Z');
    await subscribe(URL_A, ruleList('a'));
    await subscribe(URL_B, ruleList('b'));
    vi.setSystemTime('2030-01-02T00:00:00.000Z');
    fetchMock.mockImplementation(async (url) => served(ruleList(String(url) === URL_A ? 'a' : 'b', '2')));
    // Storage refuses any write holding the new version of "a" (say it no longer fits).
    fakeBrowser.storage.local.failWrites = (items) =>
      (items[USER_LISTS_KEY] as UserLists | undefined)?.lists.some((e) => e.list.id === 'a' && e.list.version === '2') ?? false;
    expect(await updateSubscriptions()).toEqual({
      ok: false,
      errors: ['list "a": The change could not be saved: QUOTA_BYTES quota exceeded. Nothing was changed.'],
    });
    const [a, b] = storedLists().lists;
    expect(a!.list).toEqual(ruleList('a'));
    expect(b!.list).toEqual(ruleList('b', '2'));
    // Why "a" kept its old version is stored with it, for the Lists section (and the scheduled run).
    expect(a!.subscription).toEqual({
      url: URL_A,
      lastChecked: '2030-01-02T00:00:00.000Z',
      lastUpdated: '2030-01-01T00:00:00.000Z',
      lastError: 'The change could not be saved: QUOTA_BYTES quota exceeded. Nothing was changed. Kept the last good version.',
    });
  });

  it('stops following the address of a subscribed list the reader saves an edit of', async () => {
    await subscribe(URL_A, ruleList('a'));
    const edited = ruleList('a', 'edited');
    expect(await run({ type: 'save-list', list: edited, replace: true })).toMatchObject({ ok: true });
    expect(storedLists().lists).toMatchObject([{ list: edited, origin: 'user' }]);
    expect(storedLists().lists[0]!.subscription).toBeUndefined();
    expect(await updateSubscriptions()).toMatchObject({ ok: true });
    expect(storedLists().lists[0]!.list).toEqual(edited);
  });

  it('stores why when the only subscribed list cannot be written', async () => {
    vi.setSystemTime('2030-01-01T00:00:00.000Z');
    await subscribe(URL_A, ruleList('a'));
    vi.setSystemTime('2030-01-02T00:00:00.000Z');
    fetchMock.mockResolvedValueOnce(served(ruleList('a', '2')));
    fakeBrowser.storage.local.failWrites = (items) =>
      (items[USER_LISTS_KEY] as UserLists | undefined)?.lists.some((e) => e.list.version === '2') ?? false;
    expect(await updateSubscriptions()).toMatchObject({ ok: false });
    expect(storedLists().lists[0]).toMatchObject({ list: ruleList('a'), subscription: { lastChecked: '2030-01-02T00:00:00.000Z', lastError: 'The change could not be saved: QUOTA_BYTES quota exceeded. Nothing was changed. Kept the last good version.' } });
  });

  it('does not put back a list the reader imported over its subscription while it was being fetched', async () => {
    await subscribe(URL_A, ruleList('a'));
    let answer!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const update = updateSubscriptions();
    // Two downloads to subscribe (preview, confirm), the third is the update's.
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    const imported = ruleList('a', 'mine');
    expect(await run({ type: 'import-list', text: JSON.stringify(imported), name: 'a.json', replace: true })).toMatchObject({ ok: true });
    answer(served(ruleList('a', '2')));
    await update;
    expect(storedLists().lists).toMatchObject([{ list: imported, origin: 'imported' }]);
    expect(storedLists().lists[0]!.subscription).toBeUndefined();
  });
});

describe('updateFailure', () => {
  it('cuts a reason made of long errors to what a subscription can store, keeping the end of the sentence', () => {
    const reason = updateFailure(['e'.repeat(1500), 'f'.repeat(1500)]);
    expect(reason).toHaveLength(2000);
    expect(reason.startsWith('e'.repeat(1500) + '; fff')).toBe(true);
    expect(reason.endsWith('f… Kept the last good version.')).toBe(true);
  });
});

describe('subscribe', () => {
  it('subscribes only to the list the reader was shown', async () => {
    fetchMock.mockResolvedValueOnce(served(ruleList('a')));
    const shown = await run({ type: 'subscribe', url: URL_A, confirm: false, replace: false });
    expect(shown).toEqual({
      ok: true,
      data: { format: 'wortlupe-list/1', id: 'a', title: expect.any(String), language: 'de', version: expect.any(String), ruleCount: 1, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const { digest } = (shown as { data: { digest: string } }).data;

    // The server now serves another list under the same address: nothing is subscribed.
    const swapped = { ...ruleList('a'), title: 'Something else entirely' };
    fetchMock.mockResolvedValueOnce(served(swapped));
    expect(await run({ type: 'subscribe', url: URL_A, confirm: true, replace: false, digest })).toEqual({
      ok: false,
      errors: [`The list at ${URL_A} has changed since it was shown. Check it again before subscribing; nothing was changed.`],
    });
    fetchMock.mockResolvedValueOnce(served(ruleList('a')));
    expect(await run({ type: 'subscribe', url: URL_A, confirm: true, replace: false })).toMatchObject({ ok: false });
    expect(fakeBrowser.storage.local.data.get(USER_LISTS_KEY)).toBeUndefined();

    // The same list again: subscribed.
    fetchMock.mockResolvedValueOnce(served(ruleList('a')));
    expect(await run({ type: 'subscribe', url: URL_A, confirm: true, replace: false, digest })).toMatchObject({ ok: true });
    expect(storedLists().lists.map((e) => [e.list.id, e.subscription?.url])).toEqual([['a', URL_A]]);
  });
});
