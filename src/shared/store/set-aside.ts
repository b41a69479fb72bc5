// Data Wortlupe could not use (a list it could not read, a field it repaired, what a restored backup
// replaced) is kept unchanged until the reader removes it. Extension pages are sent each item by
// description only and ask for one by reference: an item can be a whole former state of up to 20 M
// characters, and after a few backup restores the items in full in every state answer could pass
// the 64 MiB a message may carry.
import { z } from '../../core/zod';
import { t } from '../i18n';
import { SET_ASIDE_AT_MAX, SET_ASIDE_WHAT_MAX, type SetAsideRef } from '../messages';
import type { Parsed } from './notices';
import { clipText, type SetAside } from './user-lists';

export type { SetAsideRef };

export const SET_ASIDE_KEY = 'setAside';

const itemSchema = z.object({ what: z.string(), reason: z.string(), value: z.unknown(), at: z.string() });

/** As sent to pages, and sent back to name an item (messages.ts): descriptions cut to these lengths. */
const MAX_WHAT = SET_ASIDE_WHAT_MAX;
const MAX_REASON = 2000;
const MAX_AT = SET_ASIDE_AT_MAX;

/**
 * Set-aside data as stored. What cannot be read is kept all the same, wrapped in an entry of its own
 * (the next write would otherwise overwrite it, losing what was set aside to be kept), with a notice.
 */
export function parseSetAside(stored: unknown, at: string): Parsed<SetAside[]> {
  if (stored === undefined) return { value: [], setAside: [], problems: [] };
  const wrap = (value: unknown): SetAside => ({ what: 'set-aside data', reason: t('reason_shape'), value, at });
  if (!Array.isArray(stored)) return { value: [wrap(stored)], setAside: [], problems: [t('error_set_aside_unreadable')] };
  let unreadable = 0;
  const value = stored.map((item) => {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) return parsed.data as SetAside;
    unreadable++;
    return wrap(item);
  });
  return { value, setAside: [], problems: unreadable ? [t('error_set_aside_unreadable')] : [] };
}

/** One item as pages see it; `backup`: it is a backup file of its own (what a restored backup replaced). */
export interface SetAsideSummary {
  what: string;
  reason: string;
  at: string;
  backup: boolean;
}

export const setAsideSummariesSchema = z.array(
  z.object({
    what: z.string().check(z.maxLength(MAX_WHAT)),
    reason: z.string().check(z.maxLength(MAX_REASON)),
    at: z.string().check(z.maxLength(MAX_AT)),
    backup: z.boolean(),
  }),
);

export function summarizeSetAside(items: readonly SetAside[], isBackup: (value: unknown) => boolean): SetAsideSummary[] {
  return items.map(({ what, reason, at, value }) => ({
    what: clipText(what, MAX_WHAT),
    reason: clipText(reason, MAX_REASON),
    at: clipText(at, MAX_AT),
    backup: isBackup(value),
  }));
}

/** Where `ref` is among `items`, or -1 if it is gone or no longer told apart from another. */
export function setAsideIndex(items: readonly SetAside[], ref: SetAsideRef): number {
  const named = (item: SetAside | undefined) => item !== undefined && clipText(item.what, MAX_WHAT) === ref.what && clipText(item.at, MAX_AT) === ref.at;
  if (named(items[ref.index])) return ref.index;
  const found = items.flatMap((item, i) => (named(item) ? [i] : []));
  return found.length === 1 ? found[0]! : -1;
}
