// From offsets in a block's text back to the DOM: one range per finding, possibly spanning several
// text nodes ("Kanonen<b>futter</b>").
import type { Block } from '../dom/blocks';

/** Index of the node that contains `offset` (the last node starting at or before it). */
function nodeAt(block: Block, offset: number, preferEarlier: boolean): number {
  const { starts } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEarlier && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Placed {
  range: StaticRange;
  /** Every text node the range touches: for hit-testing under the pointer. */
  nodes: Text[];
}

export function placeRange(block: Block, start: number, end: number): Placed {
  // The end offset belongs to the node holding the last character, not to a node that starts right there.
  const first = nodeAt(block, start, false);
  const last = nodeAt(block, end, true);
  const startNode = block.nodes[first]!;
  const endNode = block.nodes[last]!;
  const range = new StaticRange({
    startContainer: startNode,
    startOffset: Math.min(start - block.starts[first]!, startNode.length),
    endContainer: endNode,
    endOffset: Math.min(end - block.starts[last]!, endNode.length),
  });
  return { range, nodes: block.nodes.slice(first, last + 1) };
}

/**
 * A live Range for measuring and scrolling (StaticRange has no geometry), or null when the page has
 * changed the text since it was read: a StaticRange does not follow edits, so until the next pass
 * repaints, its offsets may point past the end of its node.
 */
export function liveRange(range: AbstractRange): Range | null {
  if (range.startOffset > nodeLength(range.startContainer) || range.endOffset > nodeLength(range.endContainer)) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

const nodeLength = (node: Node): number => (node instanceof CharacterData ? node.length : node.childNodes.length);
