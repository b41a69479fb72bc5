// The reader's own lists (written here, imported, or subscribed to), each with its last versions.
import { z } from 'zod';
import { listSchema, validateList, type RuleList } from '../../core';
import { t } from '../i18n';

export const USER_LISTS_KEY = 'userLists';
export const USER_LISTS_SCHEMA = 1;
/** Versions kept per list for Undo. */
export const HISTORY = 5;
export const MAX_USER_LISTS = 100;

export const subscriptionSchema = z.object({
  url: z.string().max(2000),
  lastChecked: z.string().optional(),
  lastUpdated: z.string().optional(),
  lastError: z.string().max(2000).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const userListEntrySchema = z.object({
  list: listSchema,
  origin: z.enum(['user', 'imported', 'subscribed']),
  updatedAt: z.string(),
  history: z.array(z.object({ list: listSchema, savedAt: z.string() })).max(HISTORY),
  subscription: subscriptionSchema.optional(),
});
export type UserListEntry = z.infer<typeof userListEntrySchema>;

export interface UserLists {
  schema: typeof USER_LISTS_SCHEMA;
  lists: UserListEntry[];
}

export const EMPTY_USER_LISTS: UserLists = { schema: USER_LISTS_SCHEMA, lists: [] };

/** Entries that could not be read: kept, never dropped, so they can be exported and looked at. */
export interface SetAside {
  what: string;
  reason: string;
  value: unknown;
  at: string;
}

/**
 * Stored user lists, every entry checked on its own: a broken one is set aside, the rest kept.
 * `problems` say so for the notices; `unreadable` says only what could not be read (for a backup,
 * which is refused as a whole rather than set aside).
 */
export function repairUserLists(
  stored: unknown,
  now: string,
): { value: UserLists; setAside: SetAside[]; problems: string[]; unreadable: string[] } {
  const value: UserLists = { schema: USER_LISTS_SCHEMA, lists: [] };
  if (stored === undefined) return { value, setAside: [], problems: [], unreadable: [] };
  const entries = (stored as { lists?: unknown })?.lists;
  if (!Array.isArray(entries)) {
    const problem = t('error_lists_unreadable');
    return {
      value,
      setAside: [{ what: 'all your lists', reason: t('reason_shape'), value: stored, at: now }],
      problems: [problem],
      unreadable: [problem],
    };
  }
  const setAside: SetAside[] = [];
  const problems: string[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const parsed = userListEntrySchema.safeParse(entry);
    const id = parsed.success ? parsed.data.list.id : String((entry as { list?: { id?: unknown } })?.list?.id ?? `#${i + 1}`);
    if (parsed.success && !seen.has(id)) {
      seen.add(id);
      value.lists.push(parsed.data);
      return;
    }
    const reason = parsed.success
      ? t('reason_duplicate_id')
      : (validateList((entry as { list?: unknown })?.list, t('origin_list', id)) as { errors?: string[] }).errors?.[0] ?? t('reason_shape');
    setAside.push({ what: `list "${id}"`, reason, value: entry, at: now });
    unreadable.push(t('error_list_unreadable', id, reason));
    problems.push(`${t('error_list_unreadable', id, reason)} ${t('error_set_aside')}`);
  });
  return { value, setAside, problems, unreadable };
}

/** The entry after saving a new version of its list: the old one goes into the history. */
export function withNewVersion(entry: UserListEntry, list: RuleList, now: string): UserListEntry {
  const history = [{ list: entry.list, savedAt: entry.updatedAt }, ...entry.history].slice(0, HISTORY);
  return { ...entry, list, updatedAt: now, history };
}
