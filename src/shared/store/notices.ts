// Things the reader should know about their data (repairs, failed updates), shown in the options page.
import { z } from 'zod';
import type { SetAside } from './user-lists';

export const NOTICES_KEY = 'notices';
export const SET_ASIDE_KEY = 'setAside';
export const MAX_NOTICES = 20;

export const noticeSchema = z.object({ at: z.string(), message: z.string().max(2000) });
export type Notice = z.infer<typeof noticeSchema>;

export const noticesSchema = z.array(noticeSchema).max(MAX_NOTICES);
export const setAsideSchema = z.array(z.object({ what: z.string(), reason: z.string(), value: z.unknown(), at: z.string() }));

export function parseNotices(value: unknown): Notice[] {
  const parsed = noticesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function parseSetAside(value: unknown): SetAside[] {
  const parsed = setAsideSchema.safeParse(value);
  return parsed.success ? (parsed.data as SetAside[]) : [];
}

export function addNotices(notices: Notice[], messages: string[], at: string): Notice[] {
  return [...messages.map((message) => ({ at, message })), ...notices].slice(0, MAX_NOTICES);
}
