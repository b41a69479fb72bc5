// Who may ask the background for what. Pure, so it is tested without a browser.
import { commandMessage, reportCountMessage, type Command } from '../shared/messages';

export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

export type Route =
  | { kind: 'report'; tabId: number; frameId: number; docId: string; count: number }
  | { kind: 'command'; command: Command }
  | { kind: 'ignore'; why: string };

/**
 * Content scripts may only report counts for their own tab. Everything that reads or changes the
 * reader's data must come from the extension's own pages (popup, options), never from a content
 * script, which shares a tab with a page that may be hostile.
 */
export function route(raw: unknown, sender: Sender, self: { id: string; origin: string }): Route {
  if (sender.id !== self.id) return { kind: 'ignore', why: 'another extension' };
  const fromOwnPage = !!sender.url?.startsWith(self.origin);
  const report = reportCountMessage.safeParse(raw);
  if (report.success) {
    if (fromOwnPage || sender.tab?.id === undefined) return { kind: 'ignore', why: 'counts come from content scripts' };
    return { kind: 'report', tabId: sender.tab.id, frameId: sender.frameId ?? 0, docId: report.data.docId, count: report.data.count };
  }
  const command = commandMessage.safeParse(raw);
  if (!command.success) return { kind: 'ignore', why: 'not a message Wortlupe knows' };
  if (!fromOwnPage) return { kind: 'ignore', why: 'commands come only from the extension’s own pages' };
  return { kind: 'command', command: command.data };
}
