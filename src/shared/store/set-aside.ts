// Data Wortlupe could not use (a list it could not read, a field it repaired, what a restored backup
// replaced) is kept unchanged until the reader removes it. Extension pages are sent each item by
// description only and ask for one by its id: an item can be a whole former state of up to 20 M
// characters, and after a few backup restores the items in full in every state answer could pass
// the 64 MiB a message may carry.
//
// Ids, not places or descriptions: items set aside in one read often share their description and
// time (two lists with one id, every unreadable item of a stored array), and another tab may remove
// one meanwhile; a Remove for good must take the item the reader saw, or none.
import { z } from '../../core/zod';
import { t } from '../i18n';
import { SET_ASIDE_ID_MAX } from '../messages';
import type { Parsed } from './notices';
import { clipText, type SetAside } from './user-lists';

export const SET_ASIDE_KEY = 'setAside';

// `value` may be missing: an undefined value (a list entry without a date, set aside as it was) is
// stored without its key. A damaged id is not the item's fault: withIds gives it a new one.
const itemSchema = z.object({ what: z.string(), reason: z.string(), value: z.optional(z.unknown()), at: z.string(), id: z.optional(z.unknown()) });

/** As sent to pages: descriptions cut to these lengths. */
const MAX_WHAT = 300;
const MAX_REASON = 2000;
const MAX_AT = 100;

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
    if (parsed.success) return parsed.data as SetAside; // the id checked by withIds
    unreadable++;
    return wrap(item);
  });
  return { value, setAside: [], problems: unreadable ? [t('error_set_aside_unreadable')] : [] };
}

const goodId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= SET_ASIDE_ID_MAX;

/**
 * Every item with an id of its own: a new one for an item without (set aside just now, stored by an
 * older version, or carried in from a backup) or whose id an earlier item has (the same backup
 * restored twice). The same array when nothing needed one, so callers can tell whether to write.
 */
export function withIds(items: SetAside[]): SetAside[] {
  const seen = new Set<string>();
  let changed = false;
  const result = items.map((item) => {
    if (goodId(item.id) && !seen.has(item.id)) {
      seen.add(item.id);
      return item;
    }
    changed = true;
    const id = crypto.randomUUID();
    seen.add(id);
    return { ...item, id };
  });
  return changed ? result : items;
}

/** One item as pages see it; `backup`: it is a backup file of its own (what a restored backup replaced). */
export interface SetAsideSummary {
  id: string;
  what: string;
  reason: string;
  at: string;
  backup: boolean;
}

export const setAsideSummariesSchema = z.array(
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(SET_ASIDE_ID_MAX)),
    what: z.string().check(z.maxLength(MAX_WHAT)),
    reason: z.string().check(z.maxLength(MAX_REASON)),
    at: z.string().check(z.maxLength(MAX_AT)),
    backup: z.boolean(),
  }),
);

/** Items as pages see them; every item has an id by now (see withIds). */
export function summarizeSetAside(items: readonly SetAside[], isBackup: (value: unknown) => boolean): SetAsideSummary[] {
  return items.map(({ id, what, reason, at, value }) => ({
    id: id!,
    what: clipText(what, MAX_WHAT),
    reason: clipText(reason, MAX_REASON),
    at: clipText(at, MAX_AT),
    backup: isBackup(value),
  }));
}
