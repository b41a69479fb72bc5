// Finding counts per tab and frame, kept in storage.session, summed into the toolbar badge and its tooltip.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { forgetReloaded, readTabState, reloadedKey, stepFrameKey, tabKey } from '../shared/storage';
import { queue } from './serial';

// Reports from several frames arrive together; updates run one after another so none is lost.
const serial = queue();

export function recordCount(tabId: number, frameId: number, docId: string, count: number): Promise<void> {
  return serial(async () => {
    const state = await readTabState(tabId);
    state.frames[String(frameId)] = { docId, count };
    await browser.storage.session.set({ [tabKey(tabId)]: state });
    // Read now: a reload the popup asked for worked, and says nothing of later pages in the tab.
    if (frameId === 0) await forgetReloaded(tabId);
    const total = Object.values(state.frames).reduce((sum, frame) => sum + frame.count, 0);
    await setBadge(tabId, total);
  });
}

/** A tab navigated or closed: its old page's counts, that the popup reloaded it, and where the shortcuts were, are gone. */
export function forgetTab(tabId: number): Promise<void> {
  return serial(() => browser.storage.session.remove([tabKey(tabId), reloadedKey(tabId), stepFrameKey(tabId)]));
}

async function setBadge(tabId: number, total: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b2a86' });
    await browser.action.setBadgeText({ tabId, text: total ? String(total > 999 ? '999+' : total) : '' });
    await browser.action.setTitle({ tabId, title: total ? t(total === 1 ? 'badgeTitleOne' : 'badgeTitle', total) : t('extName') });
  } catch {
    // The tab closed in the meantime.
  }
}
