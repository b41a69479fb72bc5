// Privileged changes, asked for by the extension's own pages. Each one reads the store, changes a
// copy, validates and writes it whole, and publishes the result to the tabs — one at a time.
import { validateList } from '../core';
import { t } from '../shared/i18n';
import type { Command, CommandResult } from '../shared/messages';
import { shippedLists } from '../shared/shipped-lists';
import { browserAreas } from '../shared/store/browser-areas';
import * as store from '../shared/store/store';
import { fetchList } from './subscriptions';
import { publish } from './publish';
import { queue } from './serial';

const serial = queue();
const shippedIds = () => shippedLists().map((l) => l.id);
const now = () => new Date().toISOString();

const refusal = (refused: store.Refused): CommandResult => ({ ok: false, errors: refused.errors, ...(refused.canReplace ? { canReplace: true } : {}) });

/** Read, change, write, publish. A Refused change leaves everything as it was. */
async function change(make: (state: store.State) => store.State | Promise<store.State>): Promise<CommandResult> {
  return serial(async () => {
    const areas = browserAreas();
    const before = await store.readState(areas);
    try {
      const after = await make(before);
      await store.writeState(areas, before, after);
      await publish(after);
      return { ok: true, data: after };
    } catch (error) {
      if (error instanceof store.Refused) return refusal(error);
      return { ok: false, errors: [t('error_not_saved', (error as Error).message)] };
    }
  });
}

export async function republish(): Promise<void> {
  await serial(async () => publish(await store.readState(browserAreas())));
}

export function run(message: Command): Promise<CommandResult> {
  switch (message.type) {
    case 'get-state':
      return serial(async () => ({ ok: true, data: await store.readState(browserAreas()) }));
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
      return change((s) => {
        const result = validateList(message.list, t('origin_your_list'));
        if (!result.ok) throw new store.Refused(result.errors);
        const origin = s.userLists.lists.find((e) => e.list.id === result.list.id)?.origin ?? 'user';
        return store.saveList(s, result.list, { origin, replace: message.replace, shippedIds: shippedIds() });
      });
    case 'import-list':
      return change((s) =>
        store.saveList(s, store.readListText(message.text, message.name), { origin: 'imported', replace: message.replace, shippedIds: shippedIds() }),
      );
    case 'delete-list':
      return change((s) => store.deleteList(s, message.listId));
    case 'undo-list':
      return change((s) => store.undoList(s, message.listId));
    case 'export-backup':
      return serial(async () => ({ ok: true, data: store.exportBackup(await store.readState(browserAreas())) }));
    case 'import-backup':
      return change((s) => store.importBackup(s, message.text, shippedIds()));
    case 'subscribe':
      return subscribe(message.url, message.confirm, message.replace);
    case 'update-subscriptions':
      return updateSubscriptions(message.listId);
    case 'dismiss-notices':
      return change((s) => store.dismissNotices(s));
  }
}

async function subscribe(url: string, confirm: boolean, replace: boolean): Promise<CommandResult> {
  let list;
  try {
    list = await fetchList(url);
  } catch (error) {
    return error instanceof store.Refused ? refusal(error) : { ok: false, errors: [(error as Error).message] };
  }
  if (!confirm) {
    const { rules, ...meta } = list;
    return { ok: true, data: { ...meta, ruleCount: rules.length } };
  }
  const at = now();
  return change((s) =>
    store.saveList(s, list, { origin: 'subscribed', replace, shippedIds: shippedIds(), subscription: { url, lastChecked: at, lastUpdated: at } }, at),
  );
}

/** Fetch every subscribed list (or one); keep the last good version of any that fails, and say why. */
export async function updateSubscriptions(only?: string): Promise<CommandResult> {
  const { userLists } = await serial(() => store.readState(browserAreas()));
  const subscribed = userLists.lists.filter((e) => e.subscription && (!only || e.list.id === only));
  const results = await Promise.all(
    subscribed.map(async (entry) => {
      try {
        return { entry, list: await fetchList(entry.subscription!.url) };
      } catch (error) {
        return { entry, error: error instanceof store.Refused ? error.errors.join(' ') : (error as Error).message };
      }
    }),
  );
  const at = now();
  return change((state) => {
    let s = state;
    for (const r of results) {
      const sub = r.entry.subscription!;
      if ('list' in r && r.list) {
        if (r.list.id !== r.entry.list.id) {
          s = store.updateSubscription(s, r.entry.list.id, { ...sub, lastChecked: at, lastError: t('error_subscription_id_changed', r.list.id) });
        } else if (JSON.stringify(r.list) === JSON.stringify(r.entry.list)) {
          s = store.updateSubscription(s, r.entry.list.id, { url: sub.url, lastChecked: at, ...(sub.lastUpdated ? { lastUpdated: sub.lastUpdated } : {}) });
        } else {
          s = store.saveList(s, r.list, { origin: 'subscribed', replace: true, shippedIds: shippedIds(), subscription: { url: sub.url, lastChecked: at, lastUpdated: at } }, at);
        }
      } else {
        s = store.updateSubscription(s, r.entry.list.id, { ...sub, lastChecked: at, lastError: t('error_subscription_kept', r.error) });
      }
    }
    return s;
  });
}
