// Keyboard shortcuts (manifest "commands") and the message each sends to the tab's page. The mapping
// is pure; onShortcut does the sending, and is what index.ts hands to commands.onCommand, so the
// unit tests reach the whole path with a stand-in for the tabs API.
import browser, { type Tabs } from 'webextension-polyfill';
import type { ToContent } from '../shared/messages';

const STEPS: Record<string, 1 | -1> = { 'next-flag': 1, 'previous-flag': -1 };

export function stepFor(command: string): ToContent | undefined {
  const direction = Object.hasOwn(STEPS, command) ? STEPS[command] : undefined;
  return direction ? { type: 'step', direction } : undefined;
}

/**
 * Next/previous flag in the tab that was active when the shortcut was pressed. Only the top frame
 * takes part: visiting flags in frames as well would need one order across documents, which no frame
 * can see. A tab without the content script (a browser page, a site switched off) has nobody to
 * answer, and that is fine: the refusal is swallowed rather than left as an unhandled rejection.
 */
export async function onShortcut(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const message = stepFor(command);
  if (!message || tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
}
