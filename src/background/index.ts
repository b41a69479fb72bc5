// Background (service worker in Chrome, event page in Firefox). Stateless: everything it knows is in
// storage, so it can be stopped and restarted at any moment.
import browser, { type Runtime } from 'webextension-polyfill';
import { toBackground } from '../shared/messages';
import { isContentScript, isExtensionPage } from '../shared/sender';
import { publishActiveLists, setListEnabled } from './lists';
import { forgetTab, recordCount } from './tab-counts';

browser.runtime.onInstalled.addListener(() => void publishActiveLists());
browser.runtime.onStartup.addListener(() => void publishActiveLists());

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const parsed = toBackground.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  switch (message.type) {
    case 'report-count':
      if (!isContentScript(sender)) return undefined;
      return recordCount(sender.tab!.id!, sender.frameId ?? 0, message.docId, message.count);
    case 'set-list-enabled':
      if (!isExtensionPage(sender)) return undefined;
      return setListEnabled(message.listId, message.enabled);
  }
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames will report afresh.
  if (change.status === 'loading' && change.url !== undefined) void forgetTab(tabId);
});
