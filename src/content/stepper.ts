// Keyboard navigation between flags, within this frame. The background goes on to the next frame
// when this one has no flag left in that direction (src/background/shortcuts.ts), so nothing here
// wraps around: the last flag of the page's last frame leads back to the first of the first.
import { liveRange } from './ranges';
import type { Painted } from './scanner';

/**
 * The flag after (or before) the one last revealed here; when none was, from what the reader sees:
 * the first flag below the top of the window, or the last above it. Undefined past either end.
 */
export function nextFlag(all: readonly Painted[], current: Painted | null, direction: 1 | -1): Painted | undefined {
  const at = current ? all.indexOf(current) : -1;
  if (at >= 0) return all[at + direction];
  const visible = all.findIndex((painted) => (liveRange(painted.range)?.getBoundingClientRect().bottom ?? -1) > 0);
  if (direction === 1) return visible >= 0 ? all[visible] : undefined;
  return all[(visible >= 0 ? visible : all.length) - 1];
}

/** The first flag (stepping forwards into this frame) or the last (backwards). */
export function edgeFlag(all: readonly Painted[], direction: 1 | -1): Painted | undefined {
  return direction === 1 ? all[0] : all.at(-1);
}
