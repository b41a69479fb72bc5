// The keyboard shortcuts as the reader has them: the browser lets people change or clear them
// (chrome://extensions/shortcuts, about:addons), so they are read, not assumed.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

export function Shortcuts() {
  const [keys, setKeys] = useState<[string, string] | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      const key = (name: string) => commands.find((c) => c.name === name)?.shortcut;
      const next = key('next-flag');
      const previous = key('previous-flag');
      if (next && previous) setKeys([next, previous]);
    });
  }, []);
  return keys ? <p class="shortcuts">{t('popup_shortcuts', keys[0], keys[1])}</p> : null;
}
