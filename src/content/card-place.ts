// Where the hover card goes: pure arithmetic on rectangles, so every case is tested without a
// browser. The card keeps clear of the flagged words (all their lines, not only the one under the
// pointer) and stays inside the window, however small the window or large the zoom.

export interface Rect {
  left: number;
  top: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept between the card and the window's edges. */
export const MARGIN = 8;
/** Space between the card and the words it explains. */
export const GAP = 6;

/** How tall the card may be below the words and above them. */
export function roomAround(words: Rect, viewport: Size): { below: number; above: number } {
  return { below: viewport.height - MARGIN - (words.bottom + GAP), above: words.top - GAP - MARGIN };
}

/**
 * Below the words if the card fits there, else above if it fits there, else on the side with more
 * room (the card has been made to fit it, see Card.fit). Left-aligned with the line under the
 * pointer. Always inside the window: a card taller than the window starts at its top.
 */
export function cardPosition(line: Rect, words: Rect, card: Size, viewport: Size): { left: number; top: number } {
  const room = roomAround(words, viewport);
  const below = card.height <= room.below || (card.height > room.above && room.below >= room.above);
  const top = below ? words.bottom + GAP : words.top - GAP - card.height;
  return {
    left: clamp(line.left, MARGIN, viewport.width - card.width - MARGIN),
    top: clamp(top, MARGIN, viewport.height - card.height - MARGIN),
  };
}

/** x within [low, high]; `low` wins when the range is empty. */
function clamp(x: number, low: number, high: number): number {
  return Math.max(low, Math.min(x, high));
}
