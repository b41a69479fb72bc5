// When a full scan has read past the first screen.
//
// A full scan paints what it reads at once until then, and holds the rest to paint in one go when
// the page has been read (see Painter.hold), except blocks in view. The first slice of reading is
// bounded by time, not by the window: on a busy page, or one whose source opens with a long menu
// kept off to the side, it may end before the text in view (on 37 and 46 of the 130 saved pages,
// in two runs, it read less text than comes, in document order, before the last text in view).
// Asked only in idle time, when the page has been laid out.

/** The box of a block: its element's, or its shadow host's. */
function boxOf(key: Element | ShadowRoot): DOMRect {
  return (key.nodeType === 1 ? (key as Element) : (key as ShadowRoot).host).getBoundingClientRect();
}

/**
 * Whether a block's box lies wholly below the window, across its width. Boxes off to a side
 * (off-canvas menus) or without size (hidden) do not count: the text in view may come after them.
 */
export function belowWindow(key: Element | ShadowRoot): boolean {
  const box = boxOf(key);
  return box.height > 0 && box.top >= innerHeight && box.right > 0 && box.left < innerWidth;
}

/**
 * Whether a block's box overlaps the window. Once the rest is held, a block in view is still
 * painted at once: the page's order need not be the screen's (a sidebar taller than the window
 * first in the source, shadow trees read after the page).
 */
export function inWindow(key: Element | ShadowRoot): boolean {
  const box = boxOf(key);
  return box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
}
