// Scrolls flagged words to the middle of what the reader sees: through every box that scrolls
// between them and the window, then the window. (Element.scrollIntoView works on elements; the
// words' paragraph may be far taller than the box that scrolls it, and no element may be added
// around the words: the page's DOM is never changed.)
import { shadowHostOf } from '../dom/shadow-host';
import { isTopFrame } from './top-frame';

/** The element or shadow host a node sits in. */
function containerOf(node: Node): Element | null {
  return node.parentElement ?? shadowHostOf(node);
}

function scrolls(el: Element): boolean {
  if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) return false;
  const { overflowX, overflowY } = getComputedStyle(el);
  return overflowX !== 'visible' || overflowY !== 'visible';
}

export function bringIntoView(range: Range): void {
  // In a frame, the frame must come into the reader's window first: only scrollIntoView scrolls the
  // documents around a frame (the page's, and any frames between), and it needs an element. The
  // words' own element is as near as it gets; the lines below centre the words themselves.
  if (!isTopFrame()) containerOf(range.startContainer)?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const page = document.scrollingElement ?? document.documentElement;
  for (let el = containerOf(range.startContainer); el && el !== page && el !== document.body; el = containerOf(el)) {
    if (!scrolls(el)) continue;
    const words = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    // The middle of the words to the middle of the box's visible area (inside its borders).
    const down = words.top + words.height / 2 - (box.top + el.clientTop + el.clientHeight / 2);
    // Sideways only when the words are out of sight: a reader keeps the start of their lines.
    const visibleLeft = box.left + el.clientLeft;
    const outside = words.left < visibleLeft || words.right > visibleLeft + el.clientWidth;
    const across = outside ? words.left + words.width / 2 - (visibleLeft + el.clientWidth / 2) : 0;
    el.scrollBy({ top: down, left: across, behavior: 'instant' });
  }
  const words = range.getBoundingClientRect();
  scrollBy({ top: words.top + words.height / 2 - innerHeight / 2, left: 0, behavior: 'instant' });
}
