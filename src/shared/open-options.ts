// Opens the options page on a request ("add?…" from the context menu, "find?…" from the popup; see
// options/requests.ts): in the options tab already open if there is one, else in a new tab.
//
// runtime.openOptionsPage() would find the open tab, but cannot carry a request. So the open tab is
// looked up among the extension's own contexts (no "tabs" permission needed) and sent to the
// request's address: only the part after "#" differs, so the page is not loaded again; it hears
// `hashchange` and takes the request (or hands it to a new tab while an editor is open there).
import browser from 'webextension-polyfill';

export const OPTIONS_PAGE = 'src/options/index.html';

/** `windowId`: the window asked from; an options tab there is preferred to one in another window. */
export async function openOptionsAt(request: string, windowId?: number): Promise<void> {
  const page = browser.runtime.getURL(OPTIONS_PAGE);
  const url = `${page}#${request}`;
  const open = await openOptionsTab(page, windowId);
  if (!open) {
    await browser.tabs.create({ url, ...(windowId !== undefined ? { windowId } : {}) });
    return;
  }
  await browser.tabs.update(open.tabId, { url, active: true });
  await browser.windows.update(open.windowId, { focused: true });
}

async function openOptionsTab(page: string, windowId: number | undefined): Promise<{ tabId: number; windowId: number } | undefined> {
  // Chrome 116 and Firefox 128 have it; before them, a new tab as always.
  if (typeof browser.runtime.getContexts !== 'function') return undefined;
  try {
    const tabs = (await browser.runtime.getContexts({ contextTypes: ['TAB'] })).filter(
      (context) => context.frameId === 0 && context.tabId >= 0 && context.documentUrl?.split('#')[0] === page,
    );
    return tabs.find((context) => context.windowId === windowId) ?? tabs[0];
  } catch {
    return undefined;
  }
}
