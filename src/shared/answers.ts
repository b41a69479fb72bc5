// What the background answers extension pages, as zod schemas: the pages check every answer before
// they use it, like every other receiver of a message.
import { z } from '../core/zod';
import type { Command } from './messages';
import { deletedSummariesSchema } from './store/deleted-lists';
import { noticesSchema } from './store/notices';
import { setAsideSummariesSchema } from './store/set-aside';
import { settingsSchema } from './store/settings';
import { LIST_FORMAT } from '../core';
import { BACKUP_FORMAT } from './store/store';
import { userListEntrySchema, USER_LISTS_SCHEMA } from './store/user-lists';

export const commandResultSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    data: z.optional(z.unknown()),
    savedAs: z.optional(z.string()),
    warning: z.optional(z.string()),
    /** When the list a delete took was kept among the deleted ones (absent: it was gone already). */
    deletedAt: z.optional(z.string()),
  }),
  z.strictObject({ ok: z.literal(false), errors: z.array(z.string()).check(z.maxLength(1000)), canReplace: z.optional(z.boolean()) }),
]);

/** The reader's data, as the background sends it after a change or on request. */
export const stateSchema = z.strictObject({
  settings: settingsSchema,
  userLists: z.strictObject({ schema: z.literal(USER_LISTS_SCHEMA), lists: z.array(userListEntrySchema) }),
  notices: noticesSchema,
  setAside: setAsideSummariesSchema,
  deletedLists: deletedSummariesSchema,
});

/** What a subscription address holds, shown before the reader subscribes. */
export const previewSchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  version: z.string(),
  description: z.optional(z.string()),
  license: z.optional(z.string()),
  homepage: z.optional(z.string()),
  ruleCount: z.int().check(z.minimum(0)),
  /** Sent back to subscribe: the background subscribes only if the list is still the one shown. */
  digest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Preview = z.infer<typeof previewSchema>;

/** A backup is checked in full when it is imported; here only that it is one. */
const backupSchema = z.looseObject({ format: z.literal(BACKUP_FORMAT) });
/** Likewise a kept deleted list (it was checked in full before it was sent). */
const listFileSchema = z.looseObject({ format: z.literal(LIST_FORMAT), id: z.string() });

/** The data a successful answer to this command carries. */
export function answerSchema(command: Command): z.ZodMiniType {
  if (command.type === 'export-backup') return backupSchema;
  if (command.type === 'export-kept') return listFileSchema;
  // One item as it was kept (any value storage can hold), or every item.
  if (command.type === 'export-set-aside') return command.id === undefined ? z.array(z.unknown()) : z.unknown();
  if (command.type === 'subscribe' && !command.confirm) return previewSchema;
  return stateSchema;
}

/** Whether `command` answers with the state (PageState) when it is done. */
export const answersState = (command: Command): boolean => answerSchema(command) === stateSchema;
