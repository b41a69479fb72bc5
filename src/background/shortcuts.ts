// Keyboard shortcuts (manifest "commands") and the message each sends to the tab's page. Pure, so
// the mapping is tested in Node; index.ts does the sending.
import type { ToContent } from '../shared/messages';

const STEPS: Record<string, 1 | -1> = { 'next-flag': 1, 'previous-flag': -1 };

export function stepFor(command: string): ToContent | undefined {
  const direction = Object.hasOwn(STEPS, command) ? STEPS[command] : undefined;
  return direction ? { type: 'step', direction } : undefined;
}
