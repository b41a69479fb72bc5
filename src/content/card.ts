// The hover card: one host element appended outside the page's content, with a closed shadow root,
// present only while the card is shown (so the page's DOM is untouched the rest of the time).
// Every string is set with textContent: list authors are strangers, their words are never markup.
import { setOwnHost } from '../dom/blocks';
import { interfaceLanguage } from '../shared/i18n';
import { cardPosition, roomAround, type Size } from './card-place';

export interface CardContent {
  term: string;
  /** The language the list is written in: its term and explanation are read in it. */
  listLanguage: string;
  category: string;
  severity: string;
  foundAs?: string;
  explanation: string;
  how: string[];
  howHeading: string;
  list: string;
  /** Said when something was left out (a long explanation cut, a short window): where to read it all. */
  more: string;
}

/** The card's colours. Each text colour is read on the background CARD_TEXT_ON names (a unit test holds them to 4.5:1). */
export const CARD_PALETTE = {
  light: {
    text: '#1d1b20',
    background: '#fffdf8',
    border: '#b9a7cf',
    accent: '#5b2a86',
    categoryText: '#4a3b5c',
    categoryBackground: '#efe7f7',
    found: '#4f4a55',
    heading: '#4a3b5c',
    list: '#5f5866',
  },
  dark: {
    text: '#f1ecf6',
    background: '#231d2b',
    border: '#6d5a86',
    accent: '#c9a6f0',
    categoryText: '#f1ecf6',
    categoryBackground: '#47385a',
    found: '#cfc6da',
    heading: '#d9c4f2',
    list: '#cfc6da',
  },
} as const;

type CardColour = keyof (typeof CARD_PALETTE)['light'];

/** Which background each text colour sits on. */
export const CARD_TEXT_ON: Partial<Record<CardColour, CardColour>> = {
  text: 'background',
  categoryText: 'categoryBackground',
  found: 'background',
  heading: 'background',
  list: 'background',
};

/** The palette as custom properties on .card ("categoryText" → "--category-text"). */
const colourProperties = (colours: Record<CardColour, string>) =>
  Object.entries(colours)
    .map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
    .join(' ');

const STYLE = `
  .card {
    ${colourProperties(CARD_PALETTE.light)}
    box-sizing: border-box; max-width: min(380px, calc(100vw - 16px)); padding: 12px 14px;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text);
    background: var(--background); border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 8px;
    box-shadow: 0 6px 24px rgba(30, 10, 50, 0.22); overflow-wrap: anywhere; text-align: left;
    max-height: calc(100vh - 16px); overflow: hidden;
  }
  @media (prefers-color-scheme: dark) {
    .card { ${colourProperties(CARD_PALETTE.dark)} }
  }
  /* List text is a stranger's: each piece keeps its own direction (a bidi override cannot reverse
     what follows), and a long explanation is cut; the popup shows it whole. */
  .term, .category, .found, p, li { unicode-bidi: plaintext; }
  .term { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
  .explanation { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: var(--lines, 9); overflow: hidden; }
  /* Made to fit a short window (see Card.fit): the least needed parts go first. */
  .no-list .list, .no-how h2, .no-how ul { display: none; }
  .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; margin: 0 0 6px; }
  .term { font-weight: 700; font-size: 15px; }
  .category { font-size: 12px; color: var(--category-text); background: var(--category-background); border-radius: 10px; padding: 1px 8px; }
  .found { font-size: 12px; color: var(--found); }
  p { margin: 0 0 8px; }
  h2 { font-size: 12px; font-weight: 600; margin: 8px 0 2px; color: var(--heading); text-transform: uppercase; letter-spacing: .03em; }
  ul { margin: 0 0 8px; padding-left: 18px; }
  .list { font-size: 12px; color: var(--list); margin: 0; }
  .more { display: none; font-size: 12px; color: var(--list); margin: 2px 0 0; }
  .cut .more { display: block; }
`;

export class Card {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private explanation: HTMLElement | null = null;
  shownFor: unknown = null;

  /**
   * `line`: the line of the flagged words under the pointer, which the card is aligned with;
   * `words`: all of them (a phrase may wrap onto the next line), which the card keeps clear of.
   */
  show(key: unknown, content: CardContent, line: DOMRect, words: DOMRect = line): void {
    if (this.shownFor === key && this.host?.isConnected) return;
    this.mount();
    const box = this.box!;
    box.replaceChildren();
    box.className = 'card';
    box.style.removeProperty('--lines');
    const head = el('div', 'head');
    const term = el('span', 'term', content.term);
    const explanation = el('p', 'explanation', content.explanation);
    term.lang = explanation.lang = content.listLanguage;
    head.append(term, el('span', 'category', `${content.category} · ${content.severity}`));
    if (content.foundAs) head.append(el('span', 'found', content.foundAs));
    const how = el('ul');
    for (const line of content.how) how.append(el('li', undefined, line));
    box.append(head, explanation, el('h2', undefined, content.howHeading), how);
    box.append(el('p', 'list', content.list), el('p', 'more', content.more));
    this.explanation = explanation;
    this.shownFor = key;
    this.place(line, words);
  }

  hide(): void {
    this.shownFor = null;
    this.host?.remove();
  }

  private mount(): void {
    if (!this.host) {
      const host = document.createElement('wortlupe-card');
      // Inline and !important: the page's own styles must not hide, move or restyle the card.
      host.style.cssText =
        'all: initial !important; position: fixed !important; z-index: 2147483647 !important; ' +
        'display: block !important; pointer-events: none !important; top: 0; left: 0;';
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const box = el('div', 'card');
      box.setAttribute('role', 'tooltip');
      // The card's words are Wortlupe's, in its interface language, not the page's: without its own
      // lang the box would inherit the page's (from the host's place in the document).
      box.lang = interfaceLanguage();
      // Its direction too: both interface languages (English, German) run left to right, and the
      // host's all: initial leaves direction alone, so on a right-to-left page the card was mirrored.
      box.dir = 'ltr';
      shadow.append(style, box);
      this.host = host;
      this.box = box;
      setOwnHost(host);
    }
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  private place(line: DOMRect, words: DOMRect): void {
    const host = this.host!;
    const viewport = { width: innerWidth, height: innerHeight };
    let size = this.measure();
    if (this.clamped()) {
      this.box!.classList.add('cut');
      size = this.measure();
    }
    const room = roomAround(words, viewport);
    if (size.height > room.below && size.height > room.above) size = this.fit(Math.max(room.below, room.above));
    const { left, top } = cardPosition(line, words, size, viewport);
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  }

  /**
   * Fits the card into `room` px of height (a short window, a page zoomed in, a small frame) by
   * leaving out what a reader needs least first: the list's name, then how the word stands in
   * this text, then lines of the explanation. What is left out is in the popup, and the card says so.
   */
  private fit(room: number): Size {
    const box = this.box!;
    const steps = [
      () => box.classList.add('no-list', 'cut'),
      () => box.classList.add('no-how'),
      ...[6, 4, 2].map((lines) => () => box.style.setProperty('--lines', String(lines))),
    ];
    let size = this.measure();
    for (const step of steps) {
      if (size.height <= room) break;
      step();
      size = this.measure();
    }
    return size;
  }

  /** The explanation is longer than the lines it is given (it ends in "…"). */
  private clamped(): boolean {
    const explanation = this.explanation!;
    return explanation.scrollHeight > explanation.clientHeight + 1;
  }

  private measure(): Size {
    const { width, height } = this.box!.getBoundingClientRect();
    return { width, height };
  }
}

function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
