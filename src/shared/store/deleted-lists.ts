// Lists the reader deleted, kept so any of them can be brought back later, also after the options
// page that deleted it was closed: a delete is confirmed, but a confirmed mistake is still a mistake.
import { z } from '../../core/zod';
import { t } from '../i18n';
import { readableItems, type Parsed } from './notices';
import { MAX_USER_LISTS, userListEntrySchema, type UserListEntry } from './user-lists';

export const DELETED_LISTS_KEY = 'deletedLists';
/** How many deleted lists are kept, newest first: deleting one more lets the oldest go. */
export const MAX_DELETED_LISTS = 20;

/** A list as it was just before it was deleted: its entry (versions, origin, subscription) and which of its switches were off. */
export interface DeletedList {
  entry: UserListEntry;
  /** Its place among the reader's lists: a list's colour follows its place, so it comes back there. */
  index: number;
  listOff: boolean;
  /** "listId/ruleId" of its rules that were switched off. */
  rulesOff: string[];
}

/** A DeletedList as it comes in a message (the background's answer to a delete, the page's restore) or from storage. */
export const deletedListSchema = z.lazy(() =>
  z.object({
    entry: userListEntrySchema,
    index: z.int().check(z.minimum(0), z.maximum(MAX_USER_LISTS)),
    listOff: z.boolean(),
    rulesOff: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100_000)), // as many as the settings hold
  }),
);

export interface DeletedEntry {
  /** When it was deleted (ISO 8601). */
  deletedAt: string;
  deleted: DeletedList;
}

const deletedEntrySchema = z.object({ deletedAt: z.string(), deleted: deletedListSchema });
export const deletedListsSchema = z.array(deletedEntrySchema).check(z.maxLength(MAX_DELETED_LISTS));

/** `list` deleted `at`: first among the kept ones. */
export function keepDeleted(kept: readonly DeletedEntry[], deleted: DeletedList, at: string): DeletedEntry[] {
  return [{ deletedAt: at, deleted }, ...kept].slice(0, MAX_DELETED_LISTS);
}

/** The kept ones without `deleted` (it has been brought back). */
export function withoutDeleted(kept: readonly DeletedEntry[], deleted: DeletedList): DeletedEntry[] {
  const { id } = deleted.entry.list;
  return kept.filter((d) => d.deleted.entry.list.id !== id || d.deleted.entry.updatedAt !== deleted.entry.updatedAt);
}

/** The deleted lists as stored: one that cannot be read is set aside, with a notice. */
export function parseDeletedLists(stored: unknown, at: string): Parsed<DeletedEntry[]> {
  const read = (item: unknown) => {
    const parsed = deletedEntrySchema.safeParse(item);
    return parsed.success ? (parsed.data as DeletedEntry) : undefined;
  };
  return readableItems(stored, read, { what: 'deleted lists', problem: t('error_deleted_lists_unreadable'), max: MAX_DELETED_LISTS, at });
}
