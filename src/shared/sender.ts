// Who sent a message. Privileged requests are honoured only from the extension's own pages.
import browser, { type Runtime } from 'webextension-polyfill';

export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}
