// The reader's data: settings and their own lists. Reading repairs what it can and sets aside what
// it cannot (never silently dropping anything); every change is computed on a copy, validated as a
// whole, and written in one call, so a failure leaves the stored data as it was.
import { parseList, type RuleList } from '../../core';
import { z } from '../../core/zod';
import { interfaceLanguage, t } from '../i18n';
import type { Areas } from './area';
import {
  DELETED_LISTS_KEY,
  deletedListSchema,
  deletedListsSchema,
  keepDeleted,
  keptIndex,
  parseDeletedLists,
  summarizeDeleted,
  type DeletedEntry,
  type DeletedList,
  type DeletedSummary,
} from './deleted-lists';
import { migrate } from './migrations';
import { addNotices, NOTICES_KEY, parseNotices, type Notice } from './notices';
import { parseSetAside, SET_ASIDE_KEY, summarizeSetAside, withIds, type SetAsideSummary } from './set-aside';
import { DEFAULT_SETTINGS, repairSettings, settingsSchema, SETTINGS_KEY, siteSchema, type Settings, type Style } from './settings';
import {
  MAX_USER_LISTS,
  repairUserLists,
  userListEntrySchema,
  USER_LISTS_KEY,
  withNewVersion,
  type SetAside,
  type Subscription,
  type UserListEntry,
  type UserLists,
} from './user-lists';

export interface State {
  settings: Settings;
  userLists: UserLists;
  notices: Notice[];
  setAside: SetAside[];
  /** Lists the reader deleted, newest first, to be brought back (see deleted-lists.ts). */
  deletedLists: DeletedEntry[];
}

export type { DeletedList };

/** The state as extension pages are sent it: deleted lists and set-aside data described only (see DeletedSummary, set-aside.ts). */
export type PageState = Omit<State, 'deletedLists' | 'setAside'> & { deletedLists: DeletedSummary[]; setAside: SetAsideSummary[] };

export function forPage(state: State): PageState {
  return { ...state, deletedLists: summarizeDeleted(state.deletedLists), setAside: summarizeSetAside(state.setAside, isBackup) };
}

/**
 * A change the reader asked for that cannot be made; `errors` say why, in plain words. `canReplace`:
 * only because a list with the same id exists, so the same change with `replace` would be made.
 */
export class Refused extends Error {
  constructor(
    readonly errors: string[],
    readonly canReplace = false,
  ) {
    super(errors.join('\n'));
  }
}

/** Import and subscription size limit (characters of JSON). */
export const MAX_LIST_TEXT = 5_000_000;
/** A backup holds every list the reader has. */
export const MAX_BACKUP_TEXT = MAX_LIST_TEXT * 4;

/**
 * A file of more bytes than this per character of the limit has more characters than the limit: UTF-8
 * spends at most 3 bytes on one UTF-16 unit (4 on two). The options page refuses such a file without
 * reading it, and counts the characters of any other, as the background does.
 */
export const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * "5.1" in English, "5,1" in German: millions with one decimal, as the interface writes numbers;
 * rounded up, so a size over the limit never reads as the limit ("5.0 million; up to 5 million").
 */
const millions = (n: number) =>
  new Intl.NumberFormat(interfaceLanguage() || 'en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.ceil(n / 1e5) / 10);

/** Why a list this large is not read, if it is too large: `size` in characters. `origin` names the file or address. */
export function listTooLarge(size: number, origin: string): string | undefined {
  return size > MAX_LIST_TEXT ? t('error_list_too_large', origin, millions(size), MAX_LIST_TEXT / 1e6) : undefined;
}

/**
 * Why a file of `bytes` is not even read as a list, if it is surely too large (more bytes than its
 * characters could take up within the limit, see MAX_UTF8_BYTES_PER_UNIT). Its size is all that is known.
 */
export function listFileTooLarge(bytes: number, name: string): string | undefined {
  return bytes > MAX_LIST_TEXT * MAX_UTF8_BYTES_PER_UNIT ? t('error_list_file_too_large', name, millions(bytes), MAX_LIST_TEXT / 1e6) : undefined;
}

/** Why a backup this large is not read, if it is too large (`size` as for listTooLarge). */
export function backupTooLarge(size: number): string | undefined {
  return size > MAX_BACKUP_TEXT ? t('error_backup_too_large') : undefined;
}

const now = () => new Date().toISOString();

/** Migrate, read, and write back whatever had to be repaired (so it is repaired once, visibly). */
export async function readState(areas: Areas, at = now()): Promise<State> {
  const migrated = await migrate(areas);
  const [syncPart, localPart] = await Promise.all([
    areas.sync.get([SETTINGS_KEY]),
    areas.local.get([USER_LISTS_KEY, NOTICES_KEY, SET_ASIDE_KEY, DELETED_LISTS_KEY]),
  ]);
  const settings = repairSettings(syncPart[SETTINGS_KEY]);
  const lists = repairUserLists(localPart[USER_LISTS_KEY], at);
  const storedNotices = parseNotices(localPart[NOTICES_KEY], at);
  const storedSetAside = parseSetAside(localPart[SET_ASIDE_KEY], at);
  const deletedLists = parseDeletedLists(localPart[DELETED_LISTS_KEY], at);
  let notices = storedNotices.value;
  let setAside = [...storedSetAside.value, ...storedNotices.setAside, ...deletedLists.setAside];
  const problems = [...storedSetAside.problems, ...storedNotices.problems, ...deletedLists.problems, ...settings.problems, ...lists.problems];
  if (settings.problems.length) setAside = [...setAside, { what: 'settings', reason: settings.problems.join(' '), value: syncPart[SETTINGS_KEY], at }];
  setAside = [...setAside, ...lists.setAside];
  // Items set aside just now, or stored without an id (by an older version), are given one, once.
  const named = withIds(setAside);
  if (problems.length || named !== setAside) {
    notices = addNotices(notices, problems, at);
    setAside = named;
    await areas.local.set({ [USER_LISTS_KEY]: lists.value, [NOTICES_KEY]: notices, [SET_ASIDE_KEY]: setAside, [DELETED_LISTS_KEY]: deletedLists.value });
    if (settings.problems.length) await areas.sync.set({ [SETTINGS_KEY]: settings.value });
  }
  if (migrated.length && !syncPart[SETTINGS_KEY]) await areas.sync.set({ [SETTINGS_KEY]: settings.value });
  return { settings: settings.value, userLists: lists.value, notices, setAside, deletedLists: deletedLists.value };
}

/** A refusal naming what was checked, and where and why its first problem is: "origin: path: message". */
function refusedBy(origin: string, error: { issues: readonly { path: PropertyKey[]; message: string }[] }): Refused {
  const issue = error.issues[0];
  return new Refused([`${origin}: ${issue?.path.join('.')}: ${issue?.message}`]);
}

/** Validate the whole new state, then write what changed in one call per area. */
export async function writeState(areas: Areas, before: State, after: State): Promise<void> {
  const settings = settingsSchema.safeParse(after.settings);
  if (!settings.success) throw refusedBy(t('origin_settings'), settings.error);
  // Entries the change did not touch are the ones read (and checked) before it: every command writes,
  // and checking 10 lists of 1,000 rules in full took 50 ms a write (Node), for a switch flipped.
  const untouched = new Set(before.userLists.lists);
  for (const entry of after.userLists.lists) {
    if (untouched.has(entry)) continue;
    const parsed = userListEntrySchema.safeParse(entry);
    if (!parsed.success) throw new Refused([`${t('origin_list', String(entry.list?.id))}: ${parsed.error.issues[0]?.message}`]);
  }
  if (after.deletedLists !== before.deletedLists) {
    const kept = deletedListsSchema.safeParse(after.deletedLists);
    if (!kept.success) throw refusedBy(t('origin_deleted_list'), kept.error);
  }
  const local: Record<string, unknown> = {};
  if (after.userLists !== before.userLists) local[USER_LISTS_KEY] = after.userLists;
  if (after.notices !== before.notices) local[NOTICES_KEY] = after.notices;
  if (after.setAside !== before.setAside) local[SET_ASIDE_KEY] = after.setAside;
  if (after.deletedLists !== before.deletedLists) local[DELETED_LISTS_KEY] = after.deletedLists;
  if (Object.keys(local).length) await areas.local.set(local);
  if (after.settings !== before.settings) await areas.sync.set({ [SETTINGS_KEY]: after.settings });
}

// Changes: pure functions from one state to the next (or a Refused).

const toggle = (items: string[], item: string, on: boolean) => (on ? items.filter((x) => x !== item) : [...new Set([...items, item])]);

export function setListEnabled(state: State, listId: string, enabled: boolean): State {
  return { ...state, settings: { ...state.settings, disabledLists: toggle(state.settings.disabledLists, listId, enabled) } };
}

export function setRuleEnabled(state: State, listId: string, ruleId: string, enabled: boolean): State {
  return { ...state, settings: { ...state.settings, disabledRules: toggle(state.settings.disabledRules, `${listId}/${ruleId}`, enabled) } };
}

export function setSiteEnabled(state: State, site: string, enabled: boolean): State {
  const parsed = siteSchema.safeParse(site);
  // Pages are matched by host name alone (siteIsOff), so a site with a port ("127.0.0.1:8080") was
  // stored, listed, and never matched. Refused when added; one stored earlier can still be removed.
  if (!parsed.success || (!enabled && parsed.data.includes(':'))) throw new Refused([t('error_site_invalid', site)]);
  return { ...state, settings: { ...state.settings, disabledSites: toggle(state.settings.disabledSites, parsed.data, enabled) } };
}

export function setStyle(state: State, style: Style): State {
  return { ...state, settings: { ...state.settings, style } };
}

/** Shipped lists and rules back on, styles back to the defaults. The reader's own lists stay. */
export function restoreDefaults(state: State): State {
  return { ...state, settings: { ...DEFAULT_SETTINGS, disabledSites: state.settings.disabledSites } };
}

export interface SaveOptions {
  origin: UserListEntry['origin'];
  /** Replace a list with the same id (the reader confirmed). */
  replace: boolean;
  subscription?: Subscription;
  shippedIds: readonly string[];
}

/**
 * Only a subscribed list keeps a subscription: a list imported or written over a subscribed one must
 * lose it, or the next scheduled update would silently put the subscribed version back.
 */
function subscriptionAfterSave(previous: UserListEntry | undefined, options: SaveOptions): Subscription | undefined {
  if (options.origin !== 'subscribed') return undefined;
  return options.subscription ?? previous?.subscription;
}

/** `id`, or the first of "id-2", "id-3", … not in `taken`, cut to the 64 characters a list's or rule's id may have. */
export function freeId(id: string, taken: readonly string[]): string {
  let free = id;
  for (let n = 2; taken.includes(free); n++) free = `${id.slice(0, 63 - String(n).length)}-${n}`;
  return free;
}

/** Add or replace one of the reader's lists; the replaced version is kept for Undo. */
export function saveList(state: State, list: RuleList, options: SaveOptions, at = now()): State {
  if (options.shippedIds.includes(list.id)) {
    throw new Refused([t('error_id_shipped', list.id)]);
  }
  const lists = state.userLists.lists;
  const index = lists.findIndex((e) => e.list.id === list.id);
  if (index >= 0 && !options.replace) {
    throw new Refused([t('error_id_taken', list.id, lists[index]!.list.title)], true);
  }
  if (index < 0 && lists.length >= MAX_USER_LISTS) throw new Refused([t('error_too_many_lists', MAX_USER_LISTS)]);
  const previous = index >= 0 ? lists[index]! : undefined;
  const { subscription: _replaced, ...base }: UserListEntry = previous ? withNewVersion(previous, list, at) : { list, origin: options.origin, updatedAt: at, history: [] };
  const subscription = subscriptionAfterSave(previous, options);
  const entry: UserListEntry = { ...base, origin: options.origin, ...(subscription ? { subscription } : {}) };
  const next = index >= 0 ? lists.map((e, i) => (i === index ? entry : e)) : [...lists, entry];
  return { ...state, userLists: { ...state.userLists, lists: next } };
}

/** The list goes, and is kept among the deleted ones to be brought back. */
export function deleteList(state: State, listId: string, at = now()): State {
  const gone = deletedList(state, listId);
  return {
    ...state,
    deletedLists: gone ? keepDeleted(state.deletedLists, gone, at) : state.deletedLists,
    userLists: { ...state.userLists, lists: state.userLists.lists.filter((e) => e.list.id !== listId) },
    settings: {
      ...state.settings,
      disabledLists: state.settings.disabledLists.filter((id) => id !== listId),
      disabledRules: state.settings.disabledRules.filter((ref) => !ref.startsWith(`${listId}/`)),
    },
  };
}

/** What deleteList() would take away with the list `listId`, and keeps to bring back (see restoreKept). */
export function deletedList(state: State, listId: string): DeletedList | undefined {
  const index = state.userLists.lists.findIndex((e) => e.list.id === listId);
  if (index < 0) return undefined;
  return {
    entry: state.userLists.lists[index]!,
    index,
    listOff: state.settings.disabledLists.includes(listId),
    rulesOff: state.settings.disabledRules.filter((ref) => ref.startsWith(`${listId}/`)),
  };
}

/**
 * One of the kept deleted lists back (asked for by id and time of deletion: Undo delete and the
 * page's list of deleted lists alike), checked in full first, and no longer kept. One that fails the
 * check stays kept, and the refusal names the field.
 */
export function restoreKept(state: State, listId: string, deletedAt: string, shippedIds: readonly string[]): State {
  const at = keptAt(state, listId, deletedAt);
  const back = checkedDeleted(state.deletedLists[at]!.deleted);
  return { ...bringBack(state, back, shippedIds), deletedLists: state.deletedLists.filter((_, i) => i !== at) };
}

/** One of the kept deleted lists as a list file would hold it (Export), checked in full. */
export function keptList(state: State, listId: string, deletedAt: string): RuleList {
  return checkedDeleted(state.deletedLists[keptAt(state, listId, deletedAt)]!.deleted).entry.list;
}

/** Where the list `listId` deleted `deletedAt` is kept, or a refusal saying it is no longer kept. */
function keptAt(state: State, listId: string, deletedAt: string): number {
  const at = keptIndex(state.deletedLists, listId, deletedAt);
  if (at < 0) throw new Refused([t('error_deleted_not_kept', listId)]);
  return at;
}

/** A kept deleted list checked in full (storage holds it checked only in part), or a refusal naming the field. */
function checkedDeleted(value: unknown): DeletedList {
  const parsed = deletedListSchema.safeParse(value);
  if (!parsed.success) throw refusedBy(t('origin_deleted_list'), parsed.error);
  return parsed.data as DeletedList;
}

/** One of the kept deleted lists gone for good (the reader confirmed). Gone already: nothing changes. */
export function forgetKept(state: State, listId: string, deletedAt: string): State {
  const at = keptIndex(state.deletedLists, listId, deletedAt);
  return at < 0 ? state : { ...state, deletedLists: state.deletedLists.filter((_, i) => i !== at) };
}

/**
 * A deleted list back with its earlier versions, its origin and subscription, and its switches, to
 * its place among the lists (a list's colour follows its place). Refused if a list with its id has
 * come since: that one is not written over.
 */
function bringBack(state: State, deleted: DeletedList, shippedIds: readonly string[]): State {
  const { entry, index, listOff, rulesOff } = deleted;
  const id = entry.list.id;
  if (shippedIds.includes(id)) throw new Refused([t('error_id_shipped', id)]);
  const lists = state.userLists.lists;
  const taken = lists.find((e) => e.list.id === id);
  if (taken) throw new Refused([t('error_restore_taken', id, taken.list.title)]);
  if (lists.length >= MAX_USER_LISTS) throw new Refused([t('error_too_many_lists', MAX_USER_LISTS)]);
  const { disabledLists, disabledRules } = state.settings;
  return {
    ...state,
    userLists: { ...state.userLists, lists: [...lists.slice(0, index), entry, ...lists.slice(index)] },
    settings: {
      ...state.settings,
      disabledLists: listOff && !disabledLists.includes(id) ? [...disabledLists, id] : disabledLists,
      disabledRules: [...new Set([...disabledRules, ...rulesOff.filter((ref) => ref.startsWith(`${id}/`))])],
    },
  };
}

/**
 * Back to the version before the last change (that change goes, it is not kept as a redo). `base`:
 * when the version the reader saw was saved; if the list was changed since (in another tab), undoing
 * would drop a version they have not seen, so nothing is undone.
 */
export function undoList(state: State, listId: string, base?: string): State {
  const entry = state.userLists.lists.find((e) => e.list.id === listId);
  if (entry && base !== undefined && entry.updatedAt !== base) throw new Refused([t('error_undo_changed', entry.list.title)]);
  if (!entry?.history.length) throw new Refused([t('error_no_earlier_version', listId)]);
  const [previous, ...rest] = entry.history;
  const restored: UserListEntry = { ...entry, list: previous!.list, updatedAt: previous!.savedAt, history: rest };
  return { ...state, userLists: { ...state.userLists, lists: state.userLists.lists.map((e) => (e === entry ? restored : e)) } };
}

export function updateSubscription(state: State, listId: string, subscription: Subscription): State {
  return {
    ...state,
    userLists: {
      ...state.userLists,
      lists: state.userLists.lists.map((e) => (e.list.id === listId ? { ...e, subscription } : e)),
    },
  };
}

/** Parse a list someone gives us (a file, pasted text, a download): limits first, then the schema. */
export function readListText(text: string, origin: string): RuleList {
  const tooLarge = listTooLarge(text.length, origin);
  if (tooLarge) throw new Refused([tooLarge]);
  const result = parseList(text, origin);
  if (!result.ok) throw new Refused(result.errors);
  return result.list;
}

export function addNotice(state: State, message: string, at = now()): State {
  return { ...state, notices: addNotices(state.notices, [message], at) };
}

export function dismissNotices(state: State): State {
  return { ...state, notices: [] };
}

/**
 * What was set aside, as a file's content (Export): with no id every item whole; the item `id` as the
 * backup it is when it is one (to be restored as such), else whole, with what it is, why and when —
 * its value alone may say nothing (a number), or be nothing a file can hold (undefined).
 */
export function setAsideData(state: State, id?: string): unknown {
  if (id === undefined) return state.setAside;
  const item = state.setAside.find((i) => i.id === id);
  if (!item) throw new Refused([t('error_set_aside_not_kept')]);
  return isBackup(item.value) ? item.value : item;
}

/** The set-aside item `id` gone for good: the reader has seen it and says it is not needed. Gone already: nothing changes. */
export function forgetSetAside(state: State, id: string): State {
  const setAside = state.setAside.filter((i) => i.id !== id);
  return setAside.length === state.setAside.length ? state : { ...state, setAside };
}

// Backups: everything the reader made, in one file.

// i18n-ignore: a file format's name, shown in the wrong-format error, is the same in every language
export const BACKUP_FORMAT = 'wortlupe-backup/1';

const isBackup = (value: unknown) => (value as { format?: unknown } | null)?.format === BACKUP_FORMAT;

export function exportBackup(state: State, at = now()): object {
  return { format: BACKUP_FORMAT, exportedAt: at, settings: state.settings, userLists: state.userLists, setAside: state.setAside };
}

/** A whole backup back in: valid as a whole, or nothing changes. */
export function importBackup(state: State, text: string, shippedIds: readonly string[]): State {
  const tooLarge = backupTooLarge(text.length);
  if (tooLarge) throw new Refused([tooLarge]);
  let value: { format?: unknown; settings?: unknown; userLists?: unknown; setAside?: unknown };
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Refused([t('error_backup_not_json', (error as Error).message)]);
  }
  if (value?.format !== BACKUP_FORMAT) throw new Refused([t('error_backup_wrong_format', BACKUP_FORMAT)]);
  const settings = repairSettings(value.settings);
  const lists = repairUserLists(value.userLists, now());
  // Worded for a backup: it is refused, so nothing was repaired or reset.
  const errors = [...settings.invalid, ...lists.invalid];
  const entries = (value.userLists as { lists?: unknown } | undefined)?.lists;
  const count = Array.isArray(entries) ? entries.length : 0;
  if (count > MAX_USER_LISTS) errors.push(t('error_backup_too_many_lists', count, MAX_USER_LISTS));
  const clash = lists.value.lists.find((e) => shippedIds.includes(e.list.id));
  if (clash) errors.push(t('error_backup_shipped_id', clash.list.id));
  if (errors.length) throw new Refused(errors);
  // What the reader had is replaced, so it is kept: set aside as a backup of its own, with a notice.
  // What the backup itself had set aside comes along (it may be all that is left of something).
  const at = now();
  const before = { ...exportBackup(state, at), setAside: undefined };
  const carried = parseSetAside(value.setAside, at).value;
  return {
    ...state,
    settings: settings.value,
    userLists: lists.value,
    setAside: withIds([
      ...state.setAside,
      ...carried,
      { what: 'your lists and settings before a backup was restored', reason: t('reason_replaced_by_backup'), value: before, at },
    ]),
    notices: addNotices(state.notices, [t('notice_backup_restored')], at),
  };
}
