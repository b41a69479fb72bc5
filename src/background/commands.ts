// Privileged changes, asked for by the extension's own pages. Each one reads the store, changes a
// copy, validates and writes it whole, and publishes the result to the tabs — one at a time.
import { validateList, type RuleList } from '../core';
import { t } from '../shared/i18n';
import type { Command, CommandResult } from '../shared/messages';
import { shippedLists } from '../shared/shipped-lists';
import { browserAreas } from '../shared/store/browser-areas';
import * as store from '../shared/store/store';
import { clipText, MAX_LAST_ERROR, type UserListEntry } from '../shared/store/user-lists';
import { fetchList, listDigest, updateFailure } from './subscriptions';
import { publish } from './publish';
import { queue } from './serial';

const serial = queue();
const shippedIds = () => shippedLists().map((l) => l.id);
const now = () => new Date().toISOString();

/** Errors a page is sent at most: a list broken in every rule would otherwise fill the screen (and the message). */
export const SHOWN_REFUSALS = 50;

const refusal = (refused: store.Refused): CommandResult => {
  const { errors } = refused;
  const shown = errors.length > SHOWN_REFUSALS ? [...errors.slice(0, SHOWN_REFUSALS), t('error_and_more', errors.length - SHOWN_REFUSALS)] : errors;
  return { ok: false, errors: shown, ...(refused.canReplace ? { canReplace: true } : {}) };
};

/**
 * A change made from a file (or pasted text) the reader gave: every reason it is refused starts with
 * the file's name, as the reasons found in reading it do, so they can tell which of their files it was.
 */
function fromFile(name: string, make: () => store.State): store.State {
  try {
    return make();
  } catch (error) {
    if (error instanceof store.Refused) throw new store.Refused(error.errors.map((e) => `${name}: ${e}`), error.canReplace);
    throw error;
  }
}

/**
 * Read, change, write, publish. A Refused change, or one that cannot be written, leaves everything as
 * it was; one written but not published is done, with a warning.
 */
async function change(make: (state: store.State) => store.State | Promise<store.State>): Promise<CommandResult> {
  return serial(async () => {
    const areas = browserAreas();
    const before = await store.readState(areas);
    let after: store.State;
    try {
      after = await make(before);
      await store.writeState(areas, before, after);
    } catch (error) {
      if (error instanceof store.Refused) return refusal(error);
      return { ok: false, errors: [t('error_not_saved', (error as Error).message)] };
    }
    try {
      await publish(after);
    } catch (error) {
      // Stored all the same: "nothing was changed" would be untrue, and a reader told so would save a
      // new list again (as a second copy) or redo the change. The next publish passes it on.
      return { ok: true, data: store.forPage(after), warning: t('error_not_published', (error as Error).message) };
    }
    return { ok: true, data: store.forPage(after) };
  });
}

/** A command that changes nothing and answers with something read from the state (or why it cannot). */
async function look(read: (state: store.State) => unknown): Promise<CommandResult> {
  return serial(async () => {
    try {
      return { ok: true, data: read(await store.readState(browserAreas())) };
    } catch (error) {
      if (error instanceof store.Refused) return refusal(error);
      throw error;
    }
  });
}

export async function republish(): Promise<void> {
  await serial(async () => publish(await store.readState(browserAreas())));
}

export function run(message: Command): Promise<CommandResult> {
  switch (message.type) {
    case 'get-state':
      return look((s) => store.forPage(s));
    case 'set-list-enabled':
      return change((s) => store.setListEnabled(s, message.listId, message.enabled));
    case 'set-rule-enabled':
      return change((s) => store.setRuleEnabled(s, message.listId, message.ruleId, message.enabled));
    case 'set-site-enabled':
      return change((s) => store.setSiteEnabled(s, message.site, message.enabled));
    case 'set-style':
      return change((s) => store.setStyle(s, message.style));
    case 'restore-defaults':
      return change((s) => store.restoreDefaults(s));
    case 'save-list':
      return saveList(message.list, message.replace, message.base);
    case 'import-list':
      return change((s) => {
        const list = store.readListText(message.text, message.name);
        return fromFile(message.name, () => store.saveList(s, list, { origin: 'imported', replace: message.replace, shippedIds: shippedIds() }));
      });
    case 'delete-list':
      return deleteList(message.listId);
    case 'restore-kept':
      return change((s) => store.restoreKept(s, message.listId, message.deletedAt, shippedIds()));
    case 'export-kept':
      return look((s) => store.keptList(s, message.listId, message.deletedAt));
    case 'forget-kept':
      return change((s) => store.forgetKept(s, message.listId, message.deletedAt));
    case 'undo-list':
      return change((s) => store.undoList(s, message.listId, message.base));
    case 'export-backup':
      return look((s) => store.exportBackup(s));
    case 'import-backup':
      return change((s) => fromFile(message.name, () => store.importBackup(s, message.text, shippedIds())));
    case 'subscribe':
      return subscribe(message.url, message.confirm, message.replace, message.digest);
    case 'update-subscriptions':
      return updateSubscriptions(message.listId);
    case 'dismiss-notices':
      return change((s) => store.dismissNotices(s));
    case 'export-set-aside':
      return look((s) => store.setAsideData(s, message.id));
    case 'forget-set-aside':
      return change((s) => store.forgetSetAside(s, message.id));
  }
}

/**
 * The answer says when the list was kept among the deleted ones (`deletedAt`): Undo delete asks for
 * that one, the list as stored when it went — a version saved in another tab included.
 */
async function deleteList(listId: string): Promise<CommandResult> {
  const at = now();
  let kept = false;
  const result = await change((s) => {
    kept = s.userLists.lists.some((e) => e.list.id === listId);
    return store.deleteList(s, listId, at);
  });
  return result.ok && kept ? { ...result, deletedAt: at } : result;
}

/**
 * A list the reader wrote or edited. A new one (not `replace`) whose id was taken since the editor
 * chose it (by a list saved in another tab, say) gets a free id here, where no other change can come
 * in between; the answer's `savedAs` tells the page which.
 */
async function saveList(list: unknown, replace: boolean, base: string | undefined): Promise<CommandResult> {
  let savedAs = '';
  let overChange = '';
  const result = await change((s) => {
    const checked = validateList(list, t('origin_your_list'));
    if (!checked.ok) throw new store.Refused(checked.errors);
    const id = replace ? checked.list.id : store.freeId(checked.list.id, [...shippedIds(), ...s.userLists.lists.map((e) => e.list.id)]);
    savedAs = id;
    // Changed since the editor opened it (in another tab): saved all the same, the reader's work
    // first; the version saved meanwhile goes into the list's history, where Undo finds it.
    const stored = s.userLists.lists.find((e) => e.list.id === id);
    if (replace && base !== undefined && stored && stored.updatedAt !== base) overChange = t('warning_saved_over_change', stored.list.title);
    // A list the reader edits is theirs: one that was subscribed stops following its address,
    // or the next update would replace the edit.
    const before = s.userLists.lists.find((e) => e.list.id === id)?.origin;
    const origin = before === undefined || before === 'subscribed' ? 'user' : before;
    return store.saveList(s, { ...checked.list, id }, { origin, replace, shippedIds: shippedIds() });
  });
  if (!result.ok) return result;
  const warnings = [overChange, result.warning].filter(Boolean).join(' ');
  return { ...result, savedAs, ...(warnings ? { warning: warnings } : {}) };
}

/**
 * Without `confirm`: what the address holds, with a digest of it. With `confirm`: subscribe, but only
 * to the very list the reader was shown (a server could show one list and then serve another).
 */
async function subscribe(url: string, confirm: boolean, replace: boolean, shown: string | undefined): Promise<CommandResult> {
  let list;
  try {
    list = await fetchList(url);
  } catch (error) {
    return error instanceof store.Refused ? refusal(error) : { ok: false, errors: [(error as Error).message] };
  }
  const digest = await listDigest(list);
  if (!confirm) {
    const { rules, ...meta } = list;
    return { ok: true, data: { ...meta, ruleCount: rules.length, digest } };
  }
  if (digest !== shown) return { ok: false, errors: [t('error_subscription_changed', url)] };
  const at = now();
  return change((s) =>
    store.saveList(s, list, { origin: 'subscribed', replace, shippedIds: shippedIds(), subscription: { url, lastChecked: at, lastUpdated: at } }, at),
  );
}

type Fetched = { entry: UserListEntry; list: RuleList } | { entry: UserListEntry; errors: string[] };

async function fetchUpdate(entry: UserListEntry): Promise<Fetched> {
  try {
    return { entry, list: await fetchList(entry.subscription!.url) };
  } catch (error) {
    return { entry, errors: error instanceof store.Refused ? error.errors : [(error as Error).message] };
  }
}

/**
 * Fetch every subscribed list (or one); keep the last good version of any that fails, and say why.
 * All results are written together; should that write fail, each is written on its own, so one that
 * cannot be stored does not cost the others their update.
 */
export async function updateSubscriptions(only?: string): Promise<CommandResult> {
  const { userLists } = await serial(() => store.readState(browserAreas()));
  const subscribed = userLists.lists.filter((e) => e.subscription && (!only || e.list.id === only));
  const results = await Promise.all(subscribed.map(fetchUpdate));
  const at = now();
  const together = await change((state) => results.reduce((s, r) => applyUpdate(s, r, at), state));
  if (together.ok || !results.length) return together;
  // Written together they failed (a full storage, most likely): each on its own, so one list's
  // failure costs no other its update; and where a new version cannot be written, at least why
  // (a short reason fits where a whole list did not), so the Lists section shows it.
  const each: { r: Fetched; result: CommandResult }[] = [];
  for (const r of results) each.push({ r, result: results.length < 2 ? together : await change((state) => applyUpdate(state, r, at)) });
  const failed = each.filter(({ result }) => !result.ok);
  for (const { r, result } of failed) {
    await change((state) => applyUpdate(state, { entry: r.entry, errors: (result as { errors: string[] }).errors }, at));
  }
  const errors = failed.flatMap(({ r, result }) => (result as { errors: string[] }).errors.map((e) => `${t('origin_list', r.entry.list.id)}: ${e}`));
  return errors.length ? { ok: false, errors } : each.at(-1)!.result;
}

/** One subscription's result applied to the state; never refused: what cannot be applied is stored as its failure. */
function applyUpdate(state: store.State, r: Fetched, at: string): store.State {
  const id = r.entry.list.id;
  const current = state.userLists.lists.find((e) => e.list.id === id);
  const sub = current?.subscription;
  // Deleted, imported over or subscribed elsewhere while it was being fetched: the reader's change stands.
  if (!current || sub?.url !== r.entry.subscription!.url) return state;
  const fail = (lastError: string) => store.updateSubscription(state, id, { ...sub, lastChecked: at, lastError });
  if ('errors' in r) return fail(updateFailure(r.errors));
  if (r.list.id !== id) return fail(clipText(t('error_subscription_id_changed', r.list.id), MAX_LAST_ERROR));
  if (JSON.stringify(r.list) === JSON.stringify(current.list)) {
    return store.updateSubscription(state, id, { url: sub.url, lastChecked: at, ...(sub.lastUpdated ? { lastUpdated: sub.lastUpdated } : {}) });
  }
  try {
    return store.saveList(state, r.list, { origin: 'subscribed', replace: true, shippedIds: shippedIds(), subscription: { url: sub.url, lastChecked: at, lastUpdated: at } }, at);
  } catch (error) {
    return fail(updateFailure(error instanceof store.Refused ? error.errors : [(error as Error).message]));
  }
}
