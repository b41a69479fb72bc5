// Background (service worker in Chrome, event page in Firefox). Stateless: everything it knows is in
// storage, so it can be stopped and restarted at any moment.
import browser, { type Runtime } from 'webextension-polyfill';
import { setCoreMessages } from '../core';
import { coreMessagesFrom } from '../shared/core-messages';
import { t } from '../shared/i18n';
import { SETTINGS_KEY } from '../shared/store/settings';
import { republish, run, updateSubscriptions } from './commands';
import { setUpContextMenu } from './context-menu';
import { route } from './route';
import { onShortcut } from './shortcuts';
import { scheduleUpdates, UPDATE_ALARM } from './subscriptions';
import { forgetTab, recordCount } from './tab-counts';

// What is wrong with a list (an import, a subscription, stored data) in the browser's language.
setCoreMessages(coreMessagesFrom(t));

browser.runtime.onInstalled.addListener(() => {
  void republish();
  void scheduleUpdates();
  setUpContextMenu();
});
browser.runtime.onStartup.addListener(() => {
  void republish();
  void scheduleUpdates();
});

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const decided = route(raw, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  if (decided.kind === 'report') return recordCount(decided.tabId, decided.frameId, decided.docId, decided.count);
  if (decided.kind === 'command') return run(decided.command);
  return undefined;
});

// Settings changed on another device (storage.sync): publish them here too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && SETTINGS_KEY in changes) void republish();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === UPDATE_ALARM) void updateSubscriptions();
});

// Next/previous flag (src/background/shortcuts.ts).
browser.commands.onCommand.addListener((command, tab) => void onShortcut(command, tab));

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames will report afresh.
  if (change.status === 'loading' && change.url !== undefined) void forgetTab(tabId);
});
