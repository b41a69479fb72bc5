// What the popup says when no frame of the tab answered: Wortlupe has not read this page. Either it
// may not read websites at all (the reader, or the browser's settings for extensions, took that
// access away: ask for it back here), or the page was open before Wortlupe started (installed,
// updated, switched on: a reload lets it read the page), or it is a page no extension may read
// (browser pages, extension stores), which no reload changes. The popup cannot tell the last two
// apart without the "tabs" permission, so it says both.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

/** The access the content scripts are declared with (manifest.json). */
const ALL_SITES = '<all_urls>';

type Access = 'asking' | 'withheld' | 'granted' | 'granted-now' | 'refused';

export function Unread({ tabId }: { tabId: number | undefined }) {
  const [access, setAccess] = useState<Access>('asking');
  const [error, setError] = useState('');
  useEffect(() => {
    void browser.permissions.contains({ origins: [ALL_SITES] }).then(
      (held) => setAccess(held ? 'granted' : 'withheld'),
      () => setAccess('granted'),
    );
  }, []);

  const allow = async () => {
    try {
      // Asked on the reader's click: browsers show their own prompt for it.
      setAccess((await browser.permissions.request({ origins: [ALL_SITES] })) ? 'granted-now' : 'refused');
    } catch (failed) {
      setError((failed as Error).message);
    }
  };
  const reload = async () => {
    if (tabId === undefined) return;
    try {
      await browser.tabs.reload(tabId);
      // The page now loads with Wortlupe in it; its badge counts what is flagged there.
      window.close();
    } catch (failed) {
      setError((failed as Error).message);
    }
  };

  const why = { asking: '', withheld: t('popup_no_access'), refused: t('popup_allow_refused'), granted: t('popup_unread_hint'), 'granted-now': t('popup_allowed') }[access];
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
