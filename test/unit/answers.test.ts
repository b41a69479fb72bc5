// Extension pages check what the background answers before they use it: a malformed answer is an
// error on the page, never a change shown as done.
import { beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/store/settings';
import { EMPTY_USER_LISTS } from '../../src/shared/store/user-lists';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) } } }));
const { send, stateOf } = await import('../../src/shared/commands');

const STATE = { settings: DEFAULT_SETTINGS, userLists: EMPTY_USER_LISTS, notices: [], setAside: [], deletedLists: [] };
const BAD_ANSWER = 'Wortlupe answered with something this page cannot read. Reload this page and try again.';

beforeEach(() => sendMessage.mockReset());

it('passes on a well-formed state and a refusal', async () => {
  sendMessage.mockResolvedValueOnce({ ok: true, data: STATE });
  const done = await send({ type: 'get-state' });
  expect(stateOf(done, { type: 'get-state' })).toEqual(STATE);
  sendMessage.mockResolvedValueOnce({ ok: false, errors: ['List "x": title: too long'], canReplace: true });
  expect(await send({ type: 'delete-list', listId: 'x' })).toEqual({ ok: false, errors: ['List "x": title: too long'], canReplace: true });
});

it('turns a malformed state into an error instead of showing it', async () => {
  sendMessage.mockResolvedValueOnce({ ok: true, data: { ...STATE, settings: { ...DEFAULT_SETTINGS, disabledSites: 'everything' } } });
  expect(await send({ type: 'set-list-enabled', listId: 'de-krieg', enabled: false })).toEqual({ ok: false, errors: [BAD_ANSWER] });
  sendMessage.mockResolvedValueOnce({ ok: true, data: { ...STATE, userLists: { schema: 1, lists: [{ list: { id: 'x' } }] } } });
  expect(await send({ type: 'get-state' })).toEqual({ ok: false, errors: [BAD_ANSWER] });
  sendMessage.mockResolvedValueOnce({ ok: 'yes' });
  expect(await send({ type: 'get-state' })).toEqual({ ok: false, errors: [BAD_ANSWER] });
});

it('checks a subscription preview and a backup by their own shapes', async () => {
  const preview = { id: 'shared', title: 'Shared', language: 'de', version: '1', ruleCount: 3, digest: 'ab'.repeat(32) };
  sendMessage.mockResolvedValueOnce({ ok: true, data: preview });
  expect(await send({ type: 'subscribe', url: 'https://example.org/l.json', confirm: false, replace: false })).toEqual({ ok: true, data: preview });
  sendMessage.mockResolvedValueOnce({ ok: true, data: { ...preview, ruleCount: 'three' } });
  expect(await send({ type: 'subscribe', url: 'https://example.org/l.json', confirm: false, replace: false })).toEqual({ ok: false, errors: [BAD_ANSWER] });
  // The list's licence and website come along, as text.
  const credited = { ...preview, license: 'CC BY 4.0', homepage: 'https://example.org/' };
  sendMessage.mockResolvedValueOnce({ ok: true, data: credited });
  expect(await send({ type: 'subscribe', url: 'https://example.org/l.json', confirm: false, replace: false })).toEqual({ ok: true, data: credited });
  sendMessage.mockResolvedValueOnce({ ok: true, data: { ...preview, homepage: ['https://example.org/'] } });
  expect(await send({ type: 'subscribe', url: 'https://example.org/l.json', confirm: false, replace: false })).toEqual({ ok: false, errors: [BAD_ANSWER] });
  const backup = { format: 'wortlupe-backup/1', exportedAt: '2026-11-26T00:00:00Z', ...STATE };
  sendMessage.mockResolvedValueOnce({ ok: true, data: backup });
  expect(await send({ type: 'export-backup' })).toEqual({ ok: true, data: backup });
});

it('never takes what an export answers for the state, however much it looks like one', async () => {
  // A set-aside item is stored data as it was, a former state included.
  for (const command of [{ type: 'export-set-aside', id: 'x' }, { type: 'export-backup' }] as const) {
    sendMessage.mockResolvedValueOnce({ ok: true, data: { format: 'wortlupe-backup/1', ...STATE } });
    const exported = await send(command);
    expect(exported.ok).toBe(true);
    expect(stateOf(exported, command)).toBeUndefined();
  }
  // Every item at once is a list of them.
  sendMessage.mockResolvedValueOnce({ ok: true, data: STATE });
  expect(await send({ type: 'export-set-aside' })).toEqual({ ok: false, errors: [BAD_ANSWER] });
});

it('says so when nothing answers', async () => {
  sendMessage.mockResolvedValueOnce(undefined);
  expect(await send({ type: 'get-state' })).toEqual({ ok: false, errors: ['Wortlupe did not answer. Reload this page and try again.'] });
  sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
  expect(await send({ type: 'get-state' })).toEqual({ ok: false, errors: ['Could not establish connection. Receiving end does not exist.'] });
});
