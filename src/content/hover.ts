// Which finding is under the pointer. No element of the page is wrapped or listened on: one passive
// pointer listener, a hit test against the painted highlights, at most once per animation frame.
import type { Painter } from './painter';
import { liveRange } from './ranges';
import type { Painted, Scanner } from './scanner';

export interface Hit {
  painted: Painted;
  rect: DOMRect;
}

type HitResult = Highlight | { highlight: Highlight; ranges?: AbstractRange[] };

export function hitTest(x: number, y: number, scanner: Scanner, painter: Painter, shadowRoots: ShadowRoot[]): Hit | null {
  // Cheap early exit: is any of our highlights under the point at all?
  const registry = CSS.highlights as HighlightRegistry & { highlightsFromPoint?: (x: number, y: number, o?: object) => HitResult[] };
  if (registry.highlightsFromPoint) {
    const hits = registry.highlightsFromPoint(x, y, { shadowRoots });
    if (!hits.some((h) => painter.owns(h instanceof Highlight ? h : h.highlight))) return null;
  }
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, o?: object) => { offsetNode: Node; offset: number } | null;
  };
  const caret = doc.caretPositionFromPoint?.(x, y, { shadowRoots });
  if (!caret || caret.offsetNode.nodeType !== 3) return null;
  for (const painted of scanner.findingAt(caret.offsetNode as Text)) {
    for (const rect of liveRange(painted.range)?.getClientRects() ?? []) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return { painted, rect };
    }
  }
  return null;
}

export function watchPointer(onMove: (x: number, y: number) => void, onLeave: () => void, signal: AbortSignal): void {
  let frame = 0;
  let x = 0;
  let y = 0;
  addEventListener(
    'pointermove',
    (event) => {
      x = event.clientX;
      y = event.clientY;
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          onMove(x, y);
        });
      }
    },
    { passive: true, capture: true, signal },
  );
  addEventListener('pointerout', (event) => event.relatedTarget === null && onLeave(), { passive: true, signal });
  addEventListener('blur', onLeave, { passive: true, signal });
  addEventListener('scroll', onLeave, { passive: true, capture: true, signal });
  addEventListener('keydown', (event) => event.key === 'Escape' && onLeave(), { passive: true, capture: true, signal });
}
