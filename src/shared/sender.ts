// Who sent a message. Privileged requests are honoured only from the extension's own pages.
import browser, { type Runtime } from 'webextension-polyfill';

export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/** A content script of this extension, running in a tab. */
export function isContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionPage(sender);
}
