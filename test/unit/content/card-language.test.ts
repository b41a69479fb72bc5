// @vitest-environment happy-dom
// The hover card speaks Wortlupe's interface language, whatever the page's; the list's own words
// (term, explanation) are marked with the list's language.
import { afterEach, expect, it, vi } from 'vitest';
import { Card, type CardContent } from '../../../src/content/card';
import { useLocale } from '../support/browser-i18n';

const content: CardContent = {
  term: 'Kanonenfutter',
  listLanguage: 'de',
  category: 'Dehumanisation',
  severity: 'High',
  explanation: 'Macht Menschen zu Material.',
  how: ['In quotation marks'],
  howHeading: 'How it stands here',
  list: 'From the list "Krieg"',
};

/** Shows a card on a French page and returns its box, from the closed shadow root it lives in. */
function showOnFrenchPage(): HTMLElement {
  document.documentElement.lang = 'fr';
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  const card = new Card();
  card.show('key', content, new DOMRect(10, 10, 50, 20));
  const root = attach.mock.results[0]!.value as ShadowRoot;
  attach.mockRestore();
  return root.querySelector<HTMLElement>('.card')!;
}

afterEach(() => {
  document.documentElement.replaceChildren();
  useLocale('en');
});

it("marks the card with the interface language, not the page's", () => {
  const box = showOnFrenchPage();
  expect(box.lang).toBe('en');
  expect(box.querySelector('.category')!.closest('[lang]')).toBe(box);
  expect(box.querySelector('h2')!.closest('[lang]')).toBe(box);
});

it('follows the interface language the browser chose', () => {
  useLocale('de');
  expect(showOnFrenchPage().lang).toBe('de');
});

it("marks the list's own words with the list's language", () => {
  const box = showOnFrenchPage();
  expect(box.querySelector<HTMLElement>('.term')!.lang).toBe('de');
  expect(box.querySelector<HTMLElement>('.explanation')!.lang).toBe('de');
});
