// @vitest-environment happy-dom
// The subscribe form checks an address by the background's rule before it asks for permission to read
// from the address's origin: an http:// list elsewhere is refused for needing https, and the reader
// is not asked for a permission that could not help.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { CommandResult } from '../../../src/shared/messages';
import { Subscribe } from '../../../src/options/sections/Subscribe';

const request = vi.hoisted(() => vi.fn<(permissions: { origins: string[] }) => Promise<boolean>>());
vi.mock('webextension-polyfill', () => ({ default: { permissions: { request } } }));

let subscribe: ReturnType<typeof vi.fn<(url: string, confirm: boolean, replace: boolean, digest?: string) => Promise<CommandResult>>>;

beforeEach(() => {
  request.mockReset();
  request.mockResolvedValue(false);
  subscribe = vi.fn(async () => ({ ok: false, errors: ['fetched'] }) as CommandResult);
  act(() => render(<Subscribe subscribe={subscribe} />, document.body));
});
afterEach(() => act(() => render(null, document.body)));

/** Types the address and presses Check; the error lines the form then shows. */
async function check(address: string): Promise<string[]> {
  const input = document.querySelector<HTMLInputElement>('#subscribe-url')!;
  await act(() => {
    input.value = address;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    document.querySelector<HTMLButtonElement>('#subscribe-check')!.click();
    await new Promise((resolve) => setTimeout(resolve));
  });
  return [...document.querySelectorAll('[role=alert] li')].map((li) => li.textContent ?? '');
}

it('refuses an http:// address elsewhere for needing https, without asking for permission', async () => {
  expect(await check('http://example.org/list.json')).toEqual([
    'Subscriptions need an https:// address (http:// only for this computer): http://example.org/list.json',
  ]);
  expect(request).not.toHaveBeenCalled();
  expect(subscribe).not.toHaveBeenCalled();
});

it('asks for permission to read from the origin of an address the background would fetch', async () => {
  expect(await check('https://example.org/lists/list.json')).toEqual(['Permission to read from https://example.org was not given; nothing was fetched.']);
  expect(request).toHaveBeenCalledWith({ origins: ['https://example.org/*'] });
  request.mockResolvedValue(true);
  expect(await check('http://127.0.0.1:8080/list.json')).toEqual(['fetched']);
  expect(request).toHaveBeenLastCalledWith({ origins: ['http://127.0.0.1/*'] });
  expect(subscribe).toHaveBeenCalledWith('http://127.0.0.1:8080/list.json', false, false);
});

it('subscribes to the address it showed, with its digest, and forgets the preview when the address changes', async () => {
  const digest = 'ab'.repeat(32);
  request.mockResolvedValue(true);
  subscribe.mockImplementation(async (_url, confirm) =>
    confirm ? { ok: true } : { ok: true, data: { id: 'a', title: 'Liste A', language: 'de', version: '1', ruleCount: 2, digest } },
  );
  expect(await check('https://a.example/l.json')).toEqual([]);
  expect(document.querySelector('.subscription-preview h3')?.textContent).toBe('Liste A');
  expect(document.querySelector('.subscription-preview h3')?.getAttribute('lang')).toBe('de');
  await act(async () => {
    document.querySelector<HTMLButtonElement>('.subscription-preview button')!.click();
    await new Promise((resolve) => setTimeout(resolve));
  });
  expect(subscribe).toHaveBeenLastCalledWith('https://a.example/l.json', true, false, digest);

  // Checked again, then the address is edited: the old preview goes, so it cannot be confirmed for the new one.
  await check('https://a.example/l.json');
  const input = document.querySelector<HTMLInputElement>('#subscribe-url')!;
  await act(() => {
    input.value = 'https://b.example/l.json';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(document.querySelector('.subscription-preview')).toBeNull();
});

it('shows the list\'s licence and the host of its website before the reader subscribes', async () => {
  request.mockResolvedValue(true);
  const preview = { id: 'a', title: 'Liste A', language: 'de', version: '1', ruleCount: 2, digest: 'ab'.repeat(32) };
  subscribe.mockResolvedValue({ ok: true, data: { ...preview, license: 'CC BY 4.0', homepage: 'https://listen.example/a' } });
  await check('https://a.example/l.json');
  const facts = () => [...document.querySelectorAll('.subscription-preview .facts > span')].map((span) => span.textContent);
  expect(facts()).toEqual(['Language: German (de)', '2 rules', 'Version 1', 'Id: a', 'Licence: CC BY 4.0', 'Website: listen.example']);
  expect(document.querySelector('.subscription-preview .facts a')!.getAttribute('href')).toBe('https://listen.example/a');

  subscribe.mockResolvedValue({ ok: true, data: preview });
  await check('https://a.example/l.json');
  expect(facts()).toEqual(['Language: German (de)', '2 rules', 'Version 1', 'Id: a']);
});
