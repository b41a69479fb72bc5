// What the popup says when no frame of the tab answered: Wortlupe has not read this page, why, and
// the one thing that may help.
// - The page is still loading: it is read when it has loaded (the popup asks again then).
// - Wortlupe may not read every website (the browser's settings for extensions limit it): ask for
//   that access here; then a reload lets it read the page.
// - It may: the page was open before Wortlupe started (installed, updated, switched on), and a
//   reload lets it read it; or it is a page closed to extensions (browser pages, stores). Without
//   the "tabs" permission the popup cannot see the address to tell which, so it offers the reload
//   once, and a tab still unread after it is said to be closed.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { forgetReloaded, markReloaded, wasReloaded } from '../shared/storage';

/** Websites: the part of the content scripts' `<all_urls>` that reading websites needs. */
const WEBSITES = '*://*/*';

type Access = 'asking' | 'loading' | 'closed' | 'withheld' | 'refused' | 'granted' | 'granted-now';

interface Props {
  tabId: number | undefined;
  /** Called once the still-loading page has loaded: ask its frames again. */
  onLoaded: () => void;
}

export function Unread({ tabId, onLoaded }: Props) {
  const [access, setAccess] = useState<Access>('asking');
  const [error, setError] = useState('');
  // What is known so far, for the listener below (which outlives renders).
  const known = useRef<Access>('asking');
  known.current = access;

  useEffect(() => {
    // Listening first, then asking: a page that finishes loading while the popup asks is not missed.
    const done = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete' && (known.current === 'asking' || known.current === 'loading')) onLoaded();
    };
    browser.tabs.onUpdated.addListener(done);
    void (async () => {
      const held = await browser.permissions.contains({ origins: [WEBSITES] }).catch(() => true);
      if (!held) return setAccess('withheld');
      if (tabId === undefined) return setAccess('granted');
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.status === 'loading') return setAccess('loading');
      setAccess((await wasReloaded(tabId).catch(() => false)) ? 'closed' : 'granted');
    })();
    return () => browser.tabs.onUpdated.removeListener(done);
  }, [tabId]);

  const allow = async () => {
    try {
      // Asked on the reader's click: browsers show their own prompt for it.
      const granted = await browser.permissions.request({ origins: [WEBSITES] });
      // With access back, a reload may read what it could not before.
      if (granted && tabId !== undefined) await forgetReloaded(tabId).catch(() => {});
      setAccess(granted ? 'granted-now' : 'refused');
    } catch (failed) {
      setError(t('popup_allow_failed', (failed as Error).message));
    }
  };
  const reload = async () => {
    if (tabId === undefined) return;
    try {
      // Marked first: the reloaded page may be read (and the mark forgotten) before reload() returns.
      await markReloaded(tabId);
      await browser.tabs.reload(tabId);
      // The page now loads with Wortlupe in it; its badge counts what is flagged there.
      window.close();
    } catch (failed) {
      await forgetReloaded(tabId).catch(() => {});
      setError(t('popup_reload_failed', (failed as Error).message));
    }
  };

  const why = {
    asking: '',
    loading: t('popup_unread_loading'),
    closed: t('popup_unread_closed'),
    withheld: t('popup_no_access'),
    refused: t('popup_allow_refused'),
    granted: t('popup_unread_hint'),
    'granted-now': t('popup_allowed'),
  }[access];
  // One status line, there from the start: what it says changes with what the browser answers.
  return (
    <div class="unread" data-testid="unread">
      <p class="empty">{t('popup_unread')}</p>
      <p role="status" class="unread-why">
        {why}
      </p>
      {(access === 'withheld' || access === 'refused') && (
        <button type="button" class="quiet" onClick={() => void allow()}>
          {t('popup_allow')}
        </button>
      )}
      {(access === 'granted' || access === 'granted-now') && tabId !== undefined && (
        <button type="button" class="quiet" onClick={() => void reload()}>
          {t('popup_reload')}
        </button>
      )}
      <p role="alert" class="error">
        {error}
      </p>
    </div>
  );
}
