// @vitest-environment happy-dom
// The hover card as the content script builds it: what it says about a finding, and how it keeps
// a list author's words as plain text in a closed shadow root outside the page's content, and which
// language each part of it is marked with.
// (The browser tests read the card's text through Chromium's accessibility tree; Firefox offers no
// such way into a closed shadow root, so what the card says is held here for both.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, parseList, type RuleList } from '../../../src/core';
import { Card } from '../../../src/content/card';
import { cardContent } from '../../../src/content/card-content';
import { hostileText, PAYLOADS, sample } from '../../hostile/strings';
import { useLocale } from '../support/browser-i18n';

const LIST = (parseList(
  JSON.stringify({
    format: 'wortlupe-list/1',
    id: 'test-krieg',
    title: 'Testliste <b>Krieg</b>',
    language: 'de',
    version: '1',
    rules: [
      {
        id: 'kanonenfutter',
        term: 'Kanonenfutter',
        inflect: 'de-noun-strong',
        compound: 'modifier',
        technique: 'dehumanisation',
        severity: 2,
        explanation: 'Macht aus Soldaten Material. <img src=x onerror="alert(1)"> Achten Sie darauf, wer spricht.',
        sources: [{ title: 'Quelle', url: 'https://example.org/quelle' }],
        examples: { flag: ['Kanonenfutter'], ignore: ['Kanone'] },
      },
    ],
  }),
  'test.json',
) as { list: RuleList }).list;

afterEach(() => {
  document.documentElement.querySelector('wortlupe-card')?.remove();
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
  useLocale('en');
});

/** The card's shadow root, caught as it is attached (it is closed: the page cannot reach it). */
function catchShadow(): () => ShadowRoot {
  let root: ShadowRoot | undefined;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  return () => root!;
}

it('says what the term is, how it was found here, why it matters, and which list flagged it', () => {
  const text = 'Der Geheimdienstchef sprach von „Kanonenfutter-Rhetorik“.';
  const [finding] = compile([LIST]).find(text, { lang: 'de' });
  const content = cardContent(finding!, finding!.signals, { list: LIST, rule: LIST.rules[0]! });
  expect(content).toEqual({
    term: 'Kanonenfutter',
    listLanguage: 'de',
    category: 'Dehumanisation',
    severity: 'loaded',
    foundAs: 'Here: “Kanonenfutter-Rhetorik”',
    explanation: LIST.rules[0]!.explanation,
    howHeading: 'How it appears here',
    how: [
      'In quotation marks „…“ — a quotation or scare quotes: the text may be keeping its distance from the word.',
      'Reported speech, attributed to: Der Geheimdienstchef.',
    ],
    list: 'List: Testliste <b>Krieg</b>',
    more: 'More in Wortlupe’s popup: click its button in the toolbar.',
  });
});

it('says which context word let a rule with `near` flag the term here, and still how the word stands', () => {
  const rule = { ...LIST.rules[0]!, near: ['Front-'] };
  const list = { ...LIST, rules: [rule] };
  const [plain] = compile([list]).find('Kanonenfutter an der Front.', { lang: 'de' });
  expect(cardContent(plain!, plain!.signals, { list, rule }).how).toEqual([
    'No quotation marks or attribution nearby: reads as the text’s own wording.',
    'Flagged here because “Front” is in the same sentence: the rule applies only in such a context.',
  ]);
  useLocale('de');
  const [quoted] = compile([list]).find('„Kanonenfutter“ für die Frontlinie, hieß es.', { lang: 'de' });
  expect(cardContent(quoted!, quoted!.signals, { list, rule }).how).toEqual([
    'In Anführungszeichen „…“ — Zitat oder Distanzierung: Der Text hält womöglich Abstand zu dem Wort.',
    'Redewiedergabe („hieß es“).',
    'Markiert, weil „Frontlinie“ im selben Satz steht: Die Regel gilt nur in einem solchen Zusammenhang.',
  ]);
  // Inside the flagged compound: said as part of the word, not as a word beside it.
  const inWord = { ...rule, near: ['Logik'] };
  const [compound] = compile([{ ...LIST, rules: [inWord] }]).find('Das ist Kanonenfutterlogik.', { lang: 'de' });
  expect(cardContent(compound!, compound!.signals, { list, rule: inWord }).how.at(-1)).toBe(
    'Markiert, weil das Wort selbst „logik“ enthält: Die Regel gilt nur in einem solchen Zusammenhang.',
  );
});

it('shows it as text in a closed shadow root with role tooltip, outside the page content, and goes away whole', () => {
  const shadow = catchShadow();
  document.body.innerHTML = '<p>Kanonenfutter</p>';
  const [finding] = compile([LIST]).find('Kanonenfutter', { lang: 'de' });
  const card = new Card();
  card.show('key', cardContent(finding!, [], { list: LIST, rule: LIST.rules[0]! }), new DOMRect(10, 10, 80, 16));

  const host = document.querySelector('wortlupe-card')!;
  expect(host.parentElement).toBe(document.documentElement);
  expect(host.shadowRoot).toBeNull(); // closed
  const box = shadow().querySelector('.card')!;
  expect(box.getAttribute('role')).toBe('tooltip');
  expect([...box.querySelectorAll('.term, .category, .explanation, h2, li, .list')].map((e) => e.textContent)).toEqual([
    'Kanonenfutter',
    'Dehumanisation · loaded',
    LIST.rules[0]!.explanation,
    'How it appears here',
    'No quotation marks or attribution nearby: reads as the text’s own wording.',
    'List: Testliste <b>Krieg</b>',
  ]);
  // The list author's markup stays text: no element came from it.
  expect(shadow().querySelectorAll('img, b')).toHaveLength(0);
  expect(document.body.innerHTML).toBe('<p>Kanonenfutter</p>');

  card.hide();
  expect(document.querySelector('wortlupe-card')).toBeNull();
  expect(card.shownFor).toBeNull();
});

it('keeps thousands of hostile strings, and a 1 MB one, as text', () => {
  const shadow = catchShadow();
  const card = new Card();
  const strings = sample(hostileText(2000), 3000, 7);
  strings.push(PAYLOADS.join(' ').repeat(4000).slice(0, 1_000_000));
  for (let i = 0; i < strings.length; i += 7) {
    const [term, category, foundAs, explanation, how, list, more] = [0, 1, 2, 3, 4, 5, 6].map((k) => strings[(i + k) % strings.length]!) as [
      string, string, string, string, string, string, string,
    ];
    card.show(i, { term, listLanguage: 'de', category, severity: 'loaded', foundAs, explanation, howHeading: 'How', how: [how], list, more }, new DOMRect(0, 0, 10, 10));
    const box = shadow().querySelector('.card')!;
    expect([...box.querySelectorAll('.term, .found, .explanation, li, .list, .more')].map((e) => e.textContent)).toEqual([term, foundAs, explanation, how, list, more]);
    expect(box.querySelector('.category')!.textContent).toBe(`${category} · loaded`);
    // Only the card's own elements: nothing was made from the strings.
    expect([...shadow().querySelectorAll('*')].map((e) => e.localName).sort()).toEqual(['div', 'div', 'h2', 'li', 'p', 'p', 'p', 'span', 'span', 'span', 'style', 'ul']);
  }
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
});

describe('languages', () => {
  /** A card shown on a French page; its box, from the closed shadow root it lives in. */
  function showOnFrenchPage(): HTMLElement {
    document.documentElement.lang = 'fr';
    const shadow = catchShadow();
    const [finding] = compile([LIST]).find('Kanonenfutter', { lang: 'de' });
    new Card().show('key', cardContent(finding!, [], { list: LIST, rule: LIST.rules[0]! }), new DOMRect(10, 10, 50, 20));
    return shadow().querySelector<HTMLElement>('.card')!;
  }

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

  it('runs left to right on a right-to-left page, as its interface language does', () => {
    document.documentElement.dir = 'rtl';
    try {
      const box = showOnFrenchPage();
      expect(box.dir).toBe('ltr');
      expect(getComputedStyle(box).direction).toBe('ltr');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it("marks the list's own words with the list's language", () => {
    const box = showOnFrenchPage();
    expect(box.querySelector<HTMLElement>('.term')!.lang).toBe('de');
    expect(box.querySelector<HTMLElement>('.explanation')!.lang).toBe('de');
  });
});
