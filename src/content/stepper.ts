// Keyboard navigation between flags: from the one last revealed, or, when none is, from what the
// reader sees (the first flag below the top of the window). Wraps around at either end.
import { liveRange } from './ranges';
import type { Painted } from './scanner';

export function nextFlag(all: readonly Painted[], current: Painted | null, direction: 1 | -1): Painted | undefined {
  if (all.length === 0) return undefined;
  const at = current ? all.indexOf(current) : -1;
  if (at >= 0) return all[(at + direction + all.length) % all.length];
  const visible = all.findIndex((painted) => (liveRange(painted.range)?.getBoundingClientRect().bottom ?? -1) > 0);
  if (direction === 1) return all[visible >= 0 ? visible : 0];
  return all[(visible > 0 ? visible : all.length) - 1];
}
