import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onShortcut, stepFor } from '../../src/background/shortcuts';
import { toContent } from '../../src/shared/messages';

// The polyfill refuses to load outside an extension: a stand-in whose tabs.sendMessage the tests
// watch, and whose every other API takes listeners (so the background's index.ts can be loaded and
// its onCommand listener found) and answers calls with nothing.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, (...args: never[]) => unknown>();
  const sendMessage = vi.fn<(tabId: number, message: unknown, options: unknown) => Promise<unknown>>();
  const api = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_, key) => {
        if (key === 'then') return undefined; // not a promise
        if (key === 'addListener') return (listener: (...args: never[]) => unknown) => listeners.set(path, listener);
        if (path === 'tabs' && key === 'sendMessage') return sendMessage;
        return api(path ? `${path}.${String(key)}` : String(key));
      },
      apply: () => Promise.resolve(undefined),
    });
  return { listeners, sendMessage, browser: api('') };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const root = join(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

it('maps each shortcut to the step its page understands, and nothing else', () => {
  expect(stepFor('next-flag')).toEqual({ type: 'step', direction: 1 });
  expect(stepFor('previous-flag')).toEqual({ type: 'step', direction: -1 });
  expect(stepFor('toString')).toBeUndefined();
  expect(stepFor('_execute_action')).toBeUndefined();
  expect(toContent.parse(stepFor('next-flag'))).toEqual({ type: 'step', direction: 1 });
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

describe('a shortcut pressed', () => {
  const tab = (id?: number) => ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false }) as never;

  beforeEach(() => {
    fake.sendMessage.mockReset();
    fake.sendMessage.mockResolvedValue(undefined);
  });

  it.each([
    ['next-flag', 1],
    ['previous-flag', -1],
  ] as const)('%s sends a step of %i to the top frame of the active tab', async (command, direction) => {
    await onShortcut(command, tab(42));
    expect(fake.sendMessage.mock.calls).toEqual([[42, { type: 'step', direction }, { frameId: 0 }]]);
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
    expect(fake.sendMessage).toHaveBeenCalledOnce();
  });

  it('is what the background listens to', async () => {
    await import('../../src/background/index');
    const listener = fake.listeners.get('commands.onCommand') as ((command: string, tab: unknown) => void) | undefined;
    expect(listener).toBeTypeOf('function');
    listener!('previous-flag', tab(9));
    await vi.waitFor(() => expect(fake.sendMessage.mock.calls).toEqual([[9, { type: 'step', direction: -1 }, { frameId: 0 }]]));
  });
});
