// Opens the options page on a request ("add?…" from the context menu, "find?…" from the popup; see
// options/requests.ts): in the options tab already open if there is one, else in a new tab.
//
// runtime.openOptionsPage() would find the open tab, but cannot carry a request. So the open tab is
// looked up among the extension's own contexts (no "tabs" permission needed) and sent to the
// request's address: only the part after "#" differs, so the page is not loaded again; it hears
// `hashchange` and takes the request (or hands it to a new tab while an editor is open there).
import browser from 'webextension-polyfill';

const OPTIONS_PAGE = 'src/options/index.html';

/** `windowId`: the window asked from; an options tab there is preferred to one in another window. */
export async function openOptionsAt(request: string, windowId?: number): Promise<void> {
  const page = browser.runtime.getURL(OPTIONS_PAGE);
  const url = `${page}#${request}`;
  const open = await openOptionsTab(page, windowId);
  if (open && (await sendTab(open, url))) return;
  await browser.tabs.create({ url, ...(windowId !== undefined ? { windowId } : {}) });
}

/** False if the tab is gone (closed since it was found). */
async function sendTab(open: { tabId: number; windowId: number }, url: string): Promise<boolean> {
  try {
    // The tab first: from the popup, its own window's tab changing closes the popup, and that window
    // has the focus already. Focusing another window closes it too, so that comes last.
    await browser.tabs.update(open.tabId, { url, active: true });
  } catch {
    return false;
  }
  await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
  return true;
}

/**
 * The options tab to send a request to: the newest in the window asked from, else the newest
 * anywhere. Newest, because a page with an editor open hands requests on to a new tab (App.tsx):
 * the next request goes to that one, not back to the editor.
 */
async function openOptionsTab(page: string, windowId: number | undefined): Promise<{ tabId: number; windowId: number } | undefined> {
  // Every Firefox Wortlupe installs in has it; Chrome since 116. Before that, a new tab as always.
  if (typeof browser.runtime.getContexts !== 'function') return undefined;
  try {
    const tabs = (await browser.runtime.getContexts({ contextTypes: ['TAB'] }))
      // The options page as the browser opens it: its exact address, whatever follows "#".
      .filter((context) => context.frameId === 0 && context.tabId >= 0 && context.documentUrl?.split('#')[0] === page)
      .sort((a, b) => b.tabId - a.tabId);
    return tabs.find((context) => context.windowId === windowId) ?? tabs[0];
  } catch {
    return undefined;
  }
}
