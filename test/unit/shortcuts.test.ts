import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onShortcut, stepFor } from '../../src/background/shortcuts';
import { toContent } from '../../src/shared/messages';
import { framesOf } from '../../src/shared/storage';

// The polyfill refuses to load outside an extension: a stand-in whose tabs.sendMessage the tests
// watch, whose storage.session keeps what is set, and whose every other API takes listeners (so the
// background's index.ts can be loaded and its onCommand listener found) and answers calls with nothing.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, (...args: never[]) => unknown>();
  const sendMessage = vi.fn<(tabId: number, message: unknown, options: { frameId: number }) => Promise<unknown>>();
  const session = new Map<string, unknown>();
  const storage = {
    get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
    remove: async (keys: string[]) => void keys.forEach((k) => session.delete(k)),
  };
  const api = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_, key) => {
        if (key === 'then') return undefined; // not a promise
        if (key === 'addListener') return (listener: (...args: never[]) => unknown) => listeners.set(path, listener);
        if (path === 'tabs' && key === 'sendMessage') return sendMessage;
        if (path === 'storage' && key === 'session') return storage;
        return api(path ? `${path}.${String(key)}` : String(key));
      },
      apply: () => Promise.resolve(undefined),
    });
  return { listeners, sendMessage, session, browser: api('') };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const root = join(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

it('maps each shortcut to a direction, and nothing else; a step is what content scripts accept', () => {
  expect(stepFor('next-flag')).toBe(1);
  expect(stepFor('previous-flag')).toBe(-1);
  expect(stepFor('toString')).toBeUndefined();
  expect(stepFor('_execute_action')).toBeUndefined();
  expect(toContent.parse({ type: 'step', direction: 1 })).toEqual({ type: 'step', direction: 1 });
  expect(toContent.parse({ type: 'step', direction: -1, enter: true })).toEqual({ type: 'step', direction: -1, enter: true });
  expect(toContent.safeParse({ type: 'step', direction: 1, enter: false }).success).toBe(false);
});

it('declares every shortcut in the manifest with a default key and a description in both languages', () => {
  const { commands } = json('manifest.json');
  expect(Object.keys(commands)).toEqual(['next-flag', 'previous-flag']);
  expect(commands['next-flag'].suggested_key.default).toBe('Alt+Shift+J');
  expect(commands['previous-flag'].suggested_key.default).toBe('Alt+Shift+K');
  for (const name of Object.keys(commands)) {
    expect(stepFor(name)).toBeDefined();
    const key = /^__MSG_(\w+)__$/.exec(commands[name].description)![1]!;
    for (const lang of ['en', 'de']) expect(json(`public/_locales/${lang}/messages.json`)[key].message).toMatch(/\w/);
  }
});

it('takes the top frame first, then the other frames that reported, by id', () => {
  const frame = { docId: 'd'.repeat(8), count: 1 };
  expect(framesOf({ frames: { '12': frame, '3': frame, '0': frame } })).toEqual([0, 3, 12]);
  expect(framesOf({ frames: { '7': frame } })).toEqual([0, 7]);
  expect(framesOf({ frames: {} })).toEqual([0]);
});

describe('a shortcut pressed', () => {
  const tab = (id?: number) => ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false }) as never;

  /**
   * A tab whose frames hold these flags and answer steps as the content script does (bridge.ts,
   * stepper.ts): within the frame from the flag it revealed last (with none yet, as if the window
   * were at the top), or at its first or last flag when entered; nothing past either end.
   */
  function tabWith(tabId: number, flags: Record<number, string[]>, gone: Record<number, number> = {}): string[] {
    const shown: string[] = [];
    const last = new Map<number, number>();
    // What the frames reported (storage.session); `gone`: frames that reported this many, then left the page.
    const frames = Object.fromEntries([
      ...Object.entries(flags).map(([id, mine]) => [id, { docId: `doc-${id}-xyz`, count: mine.length }]),
      ...Object.entries(gone).map(([id, count]) => [id, { docId: `doc-${id}-xyz`, count }]),
    ]);
    fake.session.set(`tab:${tabId}`, { frames });
    fake.sendMessage.mockImplementation(async (to, raw, { frameId }) => {
      const mine = flags[frameId];
      if (to !== tabId || !mine) throw new Error('Could not establish connection. Receiving end does not exist.');
      const message = toContent.parse(raw);
      if (message.type !== 'step') return undefined;
      const at = last.get(frameId);
      const next = message.enter ? (message.direction === 1 ? 0 : mine.length - 1) : at === undefined ? (message.direction === 1 ? 0 : mine.length - 1) : at + message.direction;
      if (next < 0 || next >= mine.length) return { stepped: false };
      last.set(frameId, next);
      shown.push(mine[next]!);
      return { stepped: true };
    });
    return shown;
  }

  beforeEach(() => {
    fake.sendMessage.mockReset();
    fake.session.clear();
  });

  it('steps through the top frame, then the other frames in order, and wraps around to the first flag', async () => {
    const shown = tabWith(42, { 0: ['a', 'b'], 5: ['c'], 3: [], 9: ['d', 'e'] });
    for (let i = 0; i < 7; i++) await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
    // Where it stopped is kept for the tab, so the service worker may stop in between.
    expect(fake.session.get('step:42')).toBe(0);
  });

  it('steps backwards into the last flag of the frame before, and from the first flag to the very last', async () => {
    const shown = tabWith(42, { 0: ['a', 'b'], 5: ['c'], 9: ['d', 'e'] });
    for (let i = 0; i < 6; i++) await onShortcut('previous-flag', tab(42));
    expect(shown).toEqual(['b', 'a', 'e', 'd', 'c', 'b']);
  });

  it('wraps around within a page without frames, both ways', async () => {
    const shown = tabWith(42, { 0: ['a', 'b'] });
    for (const command of ['next-flag', 'next-flag', 'next-flag', 'previous-flag', 'previous-flag']) await onShortcut(command, tab(42));
    expect(shown).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('reaches flags in frames when the page itself has none', async () => {
    const shown = tabWith(42, { 0: [], 7: ['x'] });
    await onShortcut('next-flag', tab(42));
    await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['x', 'x']);
  });

  it('goes on in the frame whose flag the popup revealed last', async () => {
    // (The stand-in's frame steps from its own last flag; a real one, from the popup's.)
    const shown = tabWith(42, { 0: ['a', 'b'], 5: ['c', 'd'], 9: ['e'] });
    fake.session.set('step:42', 5); // as the popup's reveal() writes it (load-findings.ts)
    await onShortcut('next-flag', tab(42));
    await onShortcut('next-flag', tab(42));
    await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['c', 'd', 'e']);
  });

  it('takes shortcuts pressed in quick succession one after another, each from where the last stopped', async () => {
    const shown = tabWith(42, { 0: ['a'], 5: ['b'], 9: ['c'] });
    await Promise.all([onShortcut('next-flag', tab(42)), onShortcut('next-flag', tab(42)), onShortcut('next-flag', tab(42))]);
    expect(shown).toEqual(['a', 'b', 'c']);
  });

  it('starts from the top frame when the frame it stopped in is no longer known (a new page in the tab)', async () => {
    const shown = tabWith(42, { 0: ['a', 'b'] });
    fake.session.set('step:42', 31);
    await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['a']);
    expect(fake.sendMessage.mock.calls.map(([, , options]) => options.frameId)).toEqual([0]);
  });

  it('goes on to the next frame when the frame it stopped in has left the page, and enters only frames with flags', async () => {
    const shown = tabWith(42, { 0: ['a'], 7: [], 9: ['c'] }, { 5: 2 });
    fake.session.set('step:42', 5);
    await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['c']);
    // Frame 5 was asked to step and could not answer; frame 7, next, reported no flags and was not asked.
    expect(fake.sendMessage.mock.calls.map(([, message, options]) => [options.frameId, (message as { enter?: true }).enter ?? false])).toEqual([
      [5, false],
      [9, true],
    ]);
    expect(fake.session.get('step:42')).toBe(9);
  });

  it('keeps where it stopped even if the popup wrote another frame while it stepped', async () => {
    const shown = tabWith(42, { 0: ['a', 'b'], 5: ['c'] });
    fake.session.set('step:42', 0);
    const send = fake.sendMessage.getMockImplementation()!;
    fake.sendMessage.mockImplementation(async (...args) => {
      fake.session.set('step:42', 5); // the popup's reveal in frame 5, answered meanwhile
      return send(...args);
    });
    await onShortcut('next-flag', tab(42));
    expect(shown).toEqual(['a']);
    expect(fake.session.get('step:42')).toBe(0);
  });

  it('sends nothing for a command it does not know, or without a tab to send to', async () => {
    await onShortcut('_execute_action', tab(42));
    await onShortcut('toString', tab(42));
    await onShortcut('next-flag', undefined);
    await onShortcut('next-flag', tab(undefined));
    expect(fake.sendMessage).not.toHaveBeenCalled();
  });

  it('is quiet in a tab without the content script (a browser page, a site switched off)', async () => {
    fake.sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(onShortcut('next-flag', tab(7))).resolves.toBeUndefined();
    // A step within the top frame, which did not answer; no frame reported flags to enter.
    expect(fake.sendMessage.mock.calls).toEqual([[7, { type: 'step', direction: 1 }, { frameId: 0 }]]);
    expect(fake.session.has('step:7')).toBe(false);
  });

  it('is what the background listens to', async () => {
    const shown = tabWith(9, { 0: ['a', 'b'] });
    await import('../../src/background/index');
    const listener = fake.listeners.get('commands.onCommand') as ((command: string, tab: unknown) => void) | undefined;
    expect(listener).toBeTypeOf('function');
    listener!('previous-flag', tab(9));
    await vi.waitFor(() => expect(shown).toEqual(['b']));
  });
});
