// Lists the reader deleted, kept so any of them can be brought back later, also after the options
// page that deleted it was closed: a delete is confirmed, but a confirmed mistake is still a mistake.
import { z } from '../../core/zod';
import { t } from '../i18n';
import { DELETED_AT_MAX, LIST_ID_MAX } from '../messages';
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

/** A DeletedList in full: checked when one comes back from storage (see keptSchema). */
export const deletedListSchema = z.lazy(() =>
  z.object({
    entry: userListEntrySchema,
    index: z.int().check(z.minimum(0), z.maximum(MAX_USER_LISTS)),
    listOff: z.boolean(),
    rulesOff: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100_000)), // as many as the settings hold
  }),
);

/**
 * A kept list. Reading and writing the store check only what names and finds it (`keptSchema`):
 * every command reads the whole store, and checking 20 kept lists of 1,000 rules each in full took
 * 260 ms a read in Node. The list itself is checked in full when it is brought back (restoreKept).
 */
export interface DeletedEntry {
  /** When it was deleted (ISO 8601). */
  deletedAt: string;
  deleted: DeletedList;
}

// As long as a list's own fields may be, and as the commands that ask for a kept list take them: an
// entry the page could list but not ask for would be stuck there.
const short = (max: number) => z.string().check(z.maxLength(max));
const keptSchema = z.object({
  deletedAt: short(DELETED_AT_MAX),
  deleted: z.looseObject({
    entry: z.looseObject({
      list: z.looseObject({ id: z.string().check(z.minLength(1), z.maxLength(LIST_ID_MAX)), title: short(200), version: short(50) }),
    }),
  }),
});
export const deletedListsSchema = z.array(keptSchema).check(z.maxLength(MAX_DELETED_LISTS));

/** `list` deleted `at`: first among the kept ones. */
export function keepDeleted(kept: readonly DeletedEntry[], deleted: DeletedList, at: string): DeletedEntry[] {
  return [{ deletedAt: at, deleted }, ...kept].slice(0, MAX_DELETED_LISTS);
}

/** Where the list `id` deleted `deletedAt` is among the kept ones, or -1. */
export function keptIndex(kept: readonly DeletedEntry[], id: string, deletedAt: string): number {
  return kept.findIndex((d) => d.deleted.entry.list.id === id && d.deletedAt === deletedAt);
}

/**
 * What extension pages are sent of a kept list: enough to name it and to ask for it by id and time.
 * The list itself stays in the background until it is brought back: pages are sent the whole state
 * after every change, and 20 lists in full (each up to millions of characters, with its versions)
 * would make every answer that much larger.
 */
export interface DeletedSummary {
  id: string;
  title: string;
  version: string;
  deletedAt: string;
}

export const deletedSummariesSchema = z
  .array(z.object({ id: z.string(), title: z.string(), version: z.string(), deletedAt: z.string() }))
  .check(z.maxLength(MAX_DELETED_LISTS));

export function summarizeDeleted(kept: readonly DeletedEntry[]): DeletedSummary[] {
  return kept.map(({ deletedAt, deleted: { entry } }) => ({
    id: entry.list.id,
    title: entry.list.title,
    version: entry.list.version,
    deletedAt,
  }));
}

/** The deleted lists as stored: one that cannot be read is set aside, with a notice. */
export function parseDeletedLists(stored: unknown, at: string): Parsed<DeletedEntry[]> {
  const read = (item: unknown) => {
    // The item itself, not what the schema copies: a loose object keeps its other fields anyway.
    return keptSchema.safeParse(item).success ? (item as DeletedEntry) : undefined;
  };
  return readableItems(stored, read, { what: 'deleted lists', problem: t('error_deleted_lists_unreadable'), max: MAX_DELETED_LISTS, at });
}
