// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { declaredLanguage, DeclaredLanguages } from '../../../src/dom/language';

it('answers as declaredLanguage does, asking the DOM once per parent for blocks without a lang of their own', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML =
    '<article><p id="a">eins</p><p id="b" lang="en">two</p><p id="c">drei</p></article>' +
    '<aside lang="fr-CA"><p id="d">quatre</p><p id="e">cinq</p></aside><p id="f">sechs</p>';
  const keys = [...document.querySelectorAll('p')];
  const languages = new DeclaredLanguages();
  const closest = vi.spyOn(Element.prototype, 'closest');
  const cached = keys.map((key) => languages.of(key));
  // a and c share the article (b declares its own); d and e share the aside; f the body.
  expect(closest).toHaveBeenCalledTimes(4);
  closest.mockRestore();
  expect(cached).toEqual(keys.map((key) => declaredLanguage(key)));
  expect(cached).toEqual(['de', 'en', 'de', 'fr', 'fr', 'de']);
});

it('reads again after forget(): a page may change its lang attributes between passes', () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<article><p id="a">eins</p><p id="b">zwei</p></article>';
  const [a, b] = [...document.querySelectorAll('p')];
  const languages = new DeclaredLanguages();
  expect(languages.of(a!)).toBe('de');
  document.querySelector('article')!.setAttribute('lang', 'en');
  expect(languages.of(b!)).toBe('de'); // the same pass: the answer it had
  languages.forget();
  expect(languages.of(b!)).toBe('en');
});

it("takes a shadow tree's language from its host when nothing inside declares one", () => {
  document.documentElement.lang = 'de';
  document.body.innerHTML = '<article lang="en"><div id="host"></div></article>';
  const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p id="plain">cannon fodder</p><section lang="fr"><p id="own">chair à canon</p></section>';
  const languages = new DeclaredLanguages();
  expect(declaredLanguage(shadow.getElementById('plain')!)).toBe('en');
  expect(declaredLanguage(shadow.getElementById('own')!)).toBe('fr');
  expect(declaredLanguage(shadow)).toBe('en');
  expect(languages.of(shadow.getElementById('plain')!)).toBe('en');
});
