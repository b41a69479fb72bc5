// The reader's own lists (written here, imported, or subscribed to), each with its last versions.
import { listSchema, validateList, type RuleList } from '../../core';
import { z } from '../../core/zod';
import { t } from '../i18n';

export const USER_LISTS_KEY = 'userLists';
export const USER_LISTS_SCHEMA = 1;
/** Versions kept per list for Undo. */
export const HISTORY = 5;
export const MAX_USER_LISTS = 100;

/** A subscription's last failure is shown as it is; longer ones are cut to this (see clipText). */
export const MAX_LAST_ERROR = 2000;

export const subscriptionSchema = z.object({
  url: z.string().check(z.maxLength(2000)),
  lastChecked: z.optional(z.string()),
  lastUpdated: z.optional(z.string()),
  lastError: z.optional(z.string().check(z.maxLength(MAX_LAST_ERROR))),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

const originSchema = z.enum(['user', 'imported', 'subscribed']);
const historyItemSchema = z.object({ list: listSchema, savedAt: z.string() });

export const userListEntrySchema = z.object({
  list: listSchema,
  origin: originSchema,
  updatedAt: z.string(),
  history: z.array(historyItemSchema).check(z.maxLength(HISTORY)),
  subscription: z.optional(subscriptionSchema),
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
  /** Given when it is stored (see set-aside.ts withIds); pages ask for an item by it. */
  id?: string;
}

/** `text`, or its start with an ellipsis when it is longer than `max` characters. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ListsRepair {
  value: UserLists;
  setAside: SetAside[];
  /** For the notices: what was repaired or set aside, in plain words. */
  problems: string[];
  /** For a backup, which is refused as a whole rather than repaired: what is wrong with it. */
  invalid: string[];
}

/**
 * One field of an entry whose list is fine: its name in storage (shown as it is, the same in every
 * language), what it held, and why it could not be used when that is more than "not valid".
 */
interface FieldRepair {
  field: string;
  value: unknown;
  reason?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Stored user lists, every entry checked on its own. An entry whose list cannot be read is set aside
 * whole; an entry whose list is fine stays in use and has its other fields repaired one by one, each
 * old value set aside and named in a notice, so a bad date or history item never costs the list.
 */
export function repairUserLists(stored: unknown, now: string): ListsRepair {
  const repair: ListsRepair = { value: { schema: USER_LISTS_SCHEMA, lists: [] }, setAside: [], problems: [], invalid: [] };
  if (stored === undefined) return repair;
  const entries = (stored as { lists?: unknown })?.lists;
  if (!Array.isArray(entries)) {
    repair.setAside.push({ what: 'all your lists', reason: t('reason_shape'), value: stored, at: now });
    repair.problems.push(t('error_lists_unreadable'));
    repair.invalid.push(t('error_backup_lists_unreadable'));
    return repair;
  }
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const record = isRecord(entry) ? entry : {};
    // Named in notices: cut, since an unreadable id may be of any length.
    const storedId = clipText(String((record.list as { id?: unknown } | null | undefined)?.id ?? `#${i + 1}`), 64);
    const list = validateList(record.list, t('origin_list', storedId));
    if (!list.ok) return setAsideEntry(repair, entry, storedId, list.errors[0] ?? t('reason_shape'), now);
    if (seen.has(list.list.id)) return setAsideEntry(repair, entry, list.list.id, t('reason_duplicate_id'), now);
    seen.add(list.list.id);
    const { entry: repaired, repairs } = repairEntry(record, list.list, now);
    repair.value.lists.push(repaired);
    for (const r of repairs) {
      const reason = r.reason ?? t('reason_field_invalid', r.field);
      repair.setAside.push({ what: `list "${list.list.id}" › ${r.field}`, reason, value: r.value, at: now });
      repair.problems.push(t('error_list_field_repaired', list.list.id, r.field));
      repair.invalid.push(t('error_backup_list_invalid', list.list.id, reason));
    }
  });
  return repair;
}

function setAsideEntry(repair: ListsRepair, entry: unknown, id: string, reason: string, now: string): void {
  repair.setAside.push({ what: `list "${id}"`, reason, value: entry, at: now });
  repair.problems.push(`${t('error_list_unreadable', id, reason)} ${t('error_set_aside')}`);
  repair.invalid.push(t('error_backup_list_invalid', id, reason));
}

/** An entry whose list is valid, with every other field valid or repaired (and the repairs named). */
function repairEntry(stored: Record<string, unknown>, list: RuleList, now: string): { entry: UserListEntry; repairs: FieldRepair[] } {
  const repairs: FieldRepair[] = [];
  const updatedAt = z.string().safeParse(stored.updatedAt);
  if (!updatedAt.success) repairs.push({ field: 'updatedAt', value: stored.updatedAt });
  const history = repairHistory(stored.history, repairs);
  const subscription = repairSubscription(stored.subscription, repairs);
  const origin = repairOrigin(stored.origin, subscription, repairs);
  const entry: UserListEntry = {
    list,
    origin,
    updatedAt: updatedAt.success ? updatedAt.data : now,
    history,
    ...(subscription && subscription !== 'unusable' ? { subscription } : {}),
  };
  return { entry, repairs };
}

/** The earlier versions that can be read, newest first, at most HISTORY; each other one set aside on its own. */
function repairHistory(stored: unknown, repairs: FieldRepair[]): UserListEntry['history'] {
  if (!Array.isArray(stored)) {
    repairs.push({ field: 'history', value: stored });
    return [];
  }
  const kept: UserListEntry['history'] = [];
  stored.forEach((item, i) => {
    const parsed = historyItemSchema.safeParse(item);
    if (!parsed.success) repairs.push({ field: `history[${i}]`, value: item });
    else if (kept.length >= HISTORY) repairs.push({ field: `history[${i}]`, reason: t('reason_history_extra', HISTORY), value: item });
    else kept.push(parsed.data);
  });
  return kept;
}

/**
 * The subscription with its usable fields; 'unusable' when it has no address that can be read (it is
 * set aside, and the list stays as if imported). A failure reason that grew too long is cut to fit,
 * the whole of it set aside.
 */
function repairSubscription(stored: unknown, repairs: FieldRepair[]): Subscription | 'unusable' | undefined {
  if (stored === undefined) return undefined;
  const whole = subscriptionSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const fields = isRecord(stored) ? stored : {};
  const url = subscriptionSchema.shape.url.safeParse(fields.url);
  if (!url.success) {
    repairs.push({ field: 'subscription', value: stored });
    return 'unusable';
  }
  const subscription: Subscription = { url: url.data };
  for (const key of ['lastChecked', 'lastUpdated', 'lastError'] as const) {
    const parsed = subscriptionSchema.shape[key].safeParse(fields[key]);
    if (parsed.success) {
      if (parsed.data !== undefined) subscription[key] = parsed.data;
      continue;
    }
    repairs.push({ field: `subscription.${key}`, value: fields[key] });
    if (key === 'lastError' && typeof fields.lastError === 'string') subscription.lastError = clipText(fields.lastError, MAX_LAST_ERROR);
  }
  return subscription;
}

/** A subscribed list without a usable subscription is kept as if imported; an unreadable origin is inferred. */
function repairOrigin(stored: unknown, subscription: Subscription | 'unusable' | undefined, repairs: FieldRepair[]): UserListEntry['origin'] {
  const parsed = originSchema.safeParse(stored);
  if (!parsed.success) repairs.push({ field: 'origin', value: stored });
  if (subscription === 'unusable' && (!parsed.success || parsed.data === 'subscribed')) return 'imported';
  if (parsed.success) return parsed.data;
  return subscription ? 'subscribed' : 'user';
}

/** The entry after saving a new version of its list: the old one goes into the history. */
export function withNewVersion(entry: UserListEntry, list: RuleList, now: string): UserListEntry {
  const history = [{ list: entry.list, savedAt: entry.updatedAt }, ...entry.history].slice(0, HISTORY);
  return { ...entry, list, updatedAt: now, history };
}
