// @vitest-environment happy-dom
// Stopping a term from the popup: the rule's own switch (set-rule-enabled), said in words, undone by
// the same button, and nothing changes when the background refuses.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Command, CommandResult } from '../../../src/shared/messages';

const sent: Command[] = [];
let answer: () => Promise<CommandResult>;
vi.mock('../../../src/shared/commands', () => ({
  send: (command: Command) => {
    sent.push(command);
    return answer();
  },
}));
const opened: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    // No options tab open yet (open-options.ts): a new one.
    runtime: { getURL: (path: string) => `chrome-extension://wortlupe/${path}`, getContexts: async () => [] },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
    windows: { getCurrent: async () => ({ id: 1 }) },
  },
}));
const { RuleOff } = await import('../../../src/popup/RuleOff');
const { default: browser } = await import('webextension-polyfill');

/** Press "Show its switch", and let the opening (several browser calls) end before looking. */
const showSwitch = () =>
  act(async () => {
    document.querySelectorAll<HTMLButtonElement>('.rule-off button')[1]!.click();
    await new Promise((settled) => setTimeout(settled));
  });

const changes: boolean[] = [];
beforeEach(() => {
  sent.length = 0;
  changes.length = 0;
  opened.length = 0;
  answer = async () => ({ ok: true });
  // The popup keeps whether the rule is off (App.tsx); here a stand-in does.
  function Row() {
    const [off, setOff] = useState(false);
    const onSwitch = (now: boolean) => {
      changes.push(now);
      setOff(now);
    };
    return <RuleOff listId="de-krieg" ruleId="kanonenfutter" term="Kanonenfutter" listTitle="Krieg und russische Staatspropaganda" off={off} onSwitch={onSwitch} />;
  }
  act(() => render(<Row />, document.body));
});
afterEach(() => act(() => render(null, document.body)));

const button = () => document.querySelector<HTMLButtonElement>('.rule-off button')!;
const buttons = () => [...document.querySelectorAll('.rule-off button')].map((b) => b.textContent);
const status = () => document.querySelector('.rule-off [role="status"]')!.textContent;
const error = () => document.querySelector('.rule-off [role="alert"]')!.textContent;
const press = async () => {
  await act(async () => button().click());
};

it('switches the rule off, says where its switch is, and keeps the focus on the button', async () => {
  expect([buttons(), status(), error()]).toEqual([['Stop flagging this term'], '', '']);
  button().focus();
  const pressed = button();
  await press();
  expect(sent).toEqual([{ type: 'set-rule-enabled', listId: 'de-krieg', ruleId: 'kanonenfutter', enabled: false }]);
  expect(status()).toBe('No longer flagged on any page. Its switch is in “Lists and settings”, in the list “Krieg und russische Staatspropaganda”.');
  expect(buttons()).toEqual(['Flag it again', 'Show its switch']);
  expect(button()).toBe(pressed);
  expect(document.activeElement).toBe(pressed);
  expect(changes).toEqual([true]);
});

it('switches it on again with the same button', async () => {
  await press();
  await press();
  expect(sent.map((c) => c.type === 'set-rule-enabled' && c.enabled)).toEqual([false, true]);
  expect([buttons(), status()]).toEqual([['Stop flagging this term'], 'Flagged again on every page.']);
  expect(changes).toEqual([true, false]);
});

it('changes nothing and says why when the background refuses', async () => {
  answer = async () => ({ ok: false, errors: ['Storage is full.'] });
  await press();
  expect([buttons(), status(), error()]).toEqual([['Stop flagging this term'], '', 'Storage is full.']);
  expect(changes).toEqual([]);
});

it('sends one command for a second press while the first is on its way', async () => {
  let done!: (result: CommandResult) => void;
  answer = () => new Promise((resolve) => (done = resolve));
  await press();
  await press();
  await act(async () => done({ ok: true }));
  expect(sent).toHaveLength(1);
  expect(button().textContent).toBe('Flag it again');
});

it('opens the options page at the rule\'s switch, with the term to find, and closes the popup', async () => {
  const close = vi.spyOn(window, 'close').mockImplementation(() => {});
  await press();
  await showSwitch();
  expect(opened).toEqual(['chrome-extension://wortlupe/src/options/index.html#find?term=Kanonenfutter&list=de-krieg&rule=kanonenfutter']);
  expect(close).toHaveBeenCalledOnce();
  close.mockRestore();
});

it('says why when the options page cannot be opened, and stays open', async () => {
  const close = vi.spyOn(window, 'close').mockImplementation(() => {});
  const create = vi.spyOn(browser.tabs, 'create').mockRejectedValueOnce(new Error('No window to open a tab in.'));
  await press();
  await showSwitch();
  expect(error()).toBe('No window to open a tab in.');
  expect(close).not.toHaveBeenCalled();
  create.mockRestore();
  close.mockRestore();
});
