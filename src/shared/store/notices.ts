// Things the reader should know about their data (repairs, failed updates), shown in the options page.
import { z } from '../../core/zod';
import { t } from '../i18n';
import { clipText, type SetAside } from './user-lists';

export const NOTICES_KEY = 'notices';
export const MAX_NOTICES = 20;
const MAX_MESSAGE = 2000;

export const noticeSchema = z.object({ at: z.string(), message: z.string().check(z.maxLength(MAX_MESSAGE)) });
export type Notice = z.infer<typeof noticeSchema>;

export const noticesSchema = z.array(noticeSchema).check(z.maxLength(MAX_NOTICES));

/** What was read, what could not be (to be kept), and what to tell the reader about it. */
export interface Parsed<T> {
  value: T;
  setAside: SetAside[];
  problems: string[];
}

/**
 * The items of a stored array that `read` can read, at most `max`. Unreadable ones are not dropped
 * (the next write would overwrite them): they are returned to be set aside under `what`, with
 * `problem` as the notice saying so.
 */
export function readableItems<T>(
  stored: unknown,
  read: (item: unknown) => T | undefined,
  { what, problem, max, at }: { what: string; problem: string; max: number; at: string },
): Parsed<T[]> {
  if (stored === undefined) return { value: [], setAside: [], problems: [] };
  const items: unknown[] = Array.isArray(stored) ? stored : [stored];
  const value: T[] = [];
  const unreadable: unknown[] = [];
  for (const item of items) {
    const readable = read(item);
    if (readable !== undefined) value.push(readable);
    else unreadable.push(item);
  }
  if (!unreadable.length) return { value: value.slice(0, max), setAside: [], problems: [] };
  return { value: value.slice(0, max), setAside: [{ what, reason: t('reason_shape'), value: unreadable, at }], problems: [problem] };
}

/** The notices that can be read; an over-long message is cut to fit. */
export function parseNotices(stored: unknown, at: string): Parsed<Notice[]> {
  const read = (item: unknown) => {
    const message = (item as { message?: unknown } | null)?.message;
    const parsed = noticeSchema.safeParse(typeof message === 'string' ? { ...(item as object), message: clipText(message, MAX_MESSAGE) } : item);
    return parsed.success ? parsed.data : undefined;
  };
  return readableItems(stored, read, { what: 'notices', problem: t('error_notices_unreadable'), max: MAX_NOTICES, at });
}

export function addNotices(notices: Notice[], messages: string[], at: string): Notice[] {
  // Cut to what a notice may hold: a message naming a very long stored value must not make the
  // state that carries it invalid (the options page would refuse it).
  return [...messages.map((message) => ({ at, message: clipText(message, MAX_MESSAGE) })), ...notices].slice(0, MAX_NOTICES);
}
