// Background (service worker in Chrome, event page in Firefox). Stateless: everything it knows is in
// storage, so it can be stopped and restarted at any moment.
import browser, { type Runtime } from 'webextension-polyfill';
import { commandMessage, reportCountMessage } from '../shared/messages';
import { isContentScript, isExtensionPage } from '../shared/sender';
import { SETTINGS_KEY } from '../shared/store/settings';
import { republish, run, updateSubscriptions } from './commands';
import { setUpContextMenu } from './context-menu';
import { scheduleUpdates, UPDATE_ALARM } from './subscriptions';
import { forgetTab, recordCount } from './tab-counts';

browser.runtime.onInstalled.addListener(() => {
  void republish();
  scheduleUpdates();
  setUpContextMenu();
});
browser.runtime.onStartup.addListener(() => void republish());

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Content scripts may only report counts; everything that changes data must come from our pages.
  const report = reportCountMessage.safeParse(raw);
  if (report.success) {
    if (!isContentScript(sender)) return undefined;
    return recordCount(sender.tab!.id!, sender.frameId ?? 0, report.data.docId, report.data.count);
  }
  const command = commandMessage.safeParse(raw);
  if (!command.success || !isExtensionPage(sender)) return undefined;
  return run(command.data);
});

// Settings changed on another device (storage.sync): publish them here too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && SETTINGS_KEY in changes) void republish();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === UPDATE_ALARM) void updateSubscriptions();
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames will report afresh.
  if (change.status === 'loading' && change.url !== undefined) void forgetTab(tabId);
});
