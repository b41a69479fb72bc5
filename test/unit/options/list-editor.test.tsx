// @vitest-environment happy-dom
// Unsaved work in the list editor: an edited list, and a rule form the reader has started to fill
// in. Either way "Close" says it discards, and the browser is asked to warn before the tab goes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { languageName } from '../../../src/options/language-name';
import { ListEditor } from '../../../src/options/sections/ListEditor';
import type { RuleList } from '../../../src/core';
import { ruleList } from '../background/lists';

let onClose: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onClose = vi.fn();
  act(() => render(<ListEditor list={ruleList('mine')} isNew={false} onSave={async () => []} onClose={onClose} />, document.body));
});
afterEach(() => act(() => render(null, document.body)));

const closeButton = () => document.querySelectorAll<HTMLButtonElement>('.editor > .actions button')[1]!;
/** Whether leaving the page now would be stopped for the browser to ask (as a beforeunload handler does). */
const leavingIsStopped = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

function click(text: string): void {
  act(() => [...document.querySelectorAll('button')].find((b) => b.textContent === text)!.click());
}

/** The error shown at the field of the input with this name ('' when there is none). */
const errorOf = (name: string) => document.querySelector(`[name=${name}]`)!.closest('.field')!.querySelector('.error')!.textContent;

function type(selector: string, value: string): void {
  const field = document.querySelector<HTMLInputElement>(selector)!;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

it('lets the reader leave freely while nothing is changed, even with an empty rule form open', () => {
  expect(closeButton().textContent).toBe('Close');
  expect(leavingIsStopped()).toBe(false);
  click('Add rule');
  expect(closeButton().textContent).toBe('Close');
  expect(leavingIsStopped()).toBe(false);
});

it('treats a half-written rule as unsaved, and forgets it once the form is cancelled', () => {
  click('Add rule');
  type('[name=term]', 'Zwei');
  expect(closeButton().textContent).toBe('Discard changes');
  expect(leavingIsStopped()).toBe(true);
  click('Cancel');
  expect(closeButton().textContent).toBe('Close');
  expect(leavingIsStopped()).toBe(false);
});

it('treats a changed list as unsaved until the editor is closed', () => {
  type('[name=list-title]', 'Geändert');
  expect(closeButton().textContent).toBe('Discard changes');
  expect(leavingIsStopped()).toBe(true);
  act(() => closeButton().click());
  expect(onClose).toHaveBeenCalledOnce();
  act(() => render(null, document.body));
  expect(leavingIsStopped()).toBe(false);
});

it('offers Cancel for a new list as it was opened, and Discard changes once the reader changes it', () => {
  act(() => render(null, document.body));
  act(() => render(<ListEditor list={ruleList('new')} isNew={true} onSave={async () => []} onClose={onClose} />, document.body));
  expect(closeButton().textContent).toBe('Cancel');
  // With a rule form open, Cancel is the form's: the list's button keeps another name.
  click('Add rule');
  expect(closeButton().textContent).toBe('Discard changes');
  click('Cancel');
  expect(closeButton().textContent).toBe('Cancel');
  type('[name=list-title]', 'Meine Liste');
  expect(closeButton().textContent).toBe('Discard changes');
});

it('duplicates a rule under an id the list takes, however long the original id', () => {
  const long = 'r'.repeat(64);
  const list = ruleList('mine');
  act(() => render(null, document.body));
  act(() => render(<ListEditor list={{ ...list, rules: [{ ...list.rules[0]!, id: long }] }} isNew={false} onSave={async () => []} onClose={onClose} />, document.body));
  const ids = () => [...document.querySelectorAll<HTMLElement>('.rule-row')].map((row) => row.dataset.rule);
  click('Duplicate');
  click('Duplicate');
  expect(ids()).toEqual([long, `${'r'.repeat(62)}-3`, `${'r'.repeat(62)}-2`]);
});

it('shows a list in a language other than German or English by that language, and saves it unchanged', async () => {
  const onSave = vi.fn(async (_list: RuleList) => [] as string[]);
  const list = { ...ruleList('mine'), language: 'ar' };
  act(() => render(null, document.body));
  act(() => render(<ListEditor list={list} isNew={false} onSave={onSave} onClose={onClose} />, document.body));
  const select = document.querySelector<HTMLSelectElement>('[name=list-language]')!;
  expect(select.value).toBe('ar');
  expect(select.selectedOptions[0]!.textContent).toBe('Arabic (ar)');
  expect([...select.options].map((o) => o.value)).toEqual(['de', 'en', 'ar']);
  // Switched to German by mistake: Arabic is still there to choose back.
  const choose = (value: string) =>
    act(() => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  choose('de');
  expect([...select.options].map((o) => o.value)).toEqual(['de', 'en', 'ar']);
  choose('ar');
  expect(select.value).toBe('ar');
  type('[name=list-title]', 'Meine Liste');
  await act(async () => click('Save list'));
  expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ language: 'ar', title: 'Meine Liste' }));
});

it('names a language code the browser cannot name by the code alone', () => {
  expect(languageName('de')).toBe('German (de)');
  expect(languageName('qaa')).toBe('qaa');
  expect(languageName('!')).toBe('!');
});

it('takes a licence and a website for the list, checks the website is https, and stores nothing for what is emptied', async () => {
  const onSave = vi.fn(async (_list: RuleList) => [] as string[]);
  act(() => render(null, document.body));
  act(() => render(<ListEditor list={ruleList('mine')} isNew={false} onSave={onSave} onClose={onClose} />, document.body));
  type('[name=list-license]', 'CC BY 4.0');
  type('[name=list-homepage]', 'http://listen.example/meine');
  expect(errorOf('list-homepage')).toBe('must be an https:// address');

  type('[name=list-homepage]', 'https://listen.example/meine');
  expect(errorOf('list-homepage')).toBe('');
  await act(async () => click('Save list'));
  expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ license: 'CC BY 4.0', homepage: 'https://listen.example/meine' }));

  type('[name=list-license]', '');
  type('[name=list-homepage]', '');
  await act(async () => click('Save list'));
  const saved = onSave.mock.lastCall![0];
  expect([saved.license, saved.homepage]).toEqual([undefined, undefined]);
});

it('takes context words for a rule: a brace error at their field, and the preview flags the term only next to one, saying which', () => {
  click('Add rule');
  type('[name=term]', 'Helfer');
  type('[name=near]', 'Suppe\na{b');
  expect(errorOf('near')).toBe('"{" without "}" in "a{b"');

  type('[name=near]', 'Suppe');
  expect(errorOf('near')).toBe('');
  type('#preview-text', 'Helfer kochen Suppe. Helfer tragen Kisten.');
  const marks = [...document.querySelectorAll('.preview mark')];
  expect(marks.map((m) => m.textContent)).toEqual(['Helfer']);
  expect(marks[0]!.getAttribute('title')).toBe(
    'No quotation marks or attribution nearby: reads as the text’s own wording. Flagged here because “Suppe” is in the same sentence: the rule applies only in such a context.',
  );
});
