import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { RuleList } from '../core';
import { t } from '../shared/i18n';
import { shippedLists } from '../shared/shipped-lists';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/storage';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const refresh = () => void readSettings().then(setSettings);
    refresh();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  return (
    <main>
      <h1>{t('options_title')}</h1>
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('options_lists')}</h2>
        <p class="intro">{t('options_lists_intro')}</p>
        <ul class="lists">
          {shippedLists().map((list) => (
            <ListRow key={list.id} list={list} enabled={settings ? !settings.disabledLists.includes(list.id) : true} />
          ))}
        </ul>
      </section>
    </main>
  );
}

function ListRow({ list, enabled }: { list: RuleList; enabled: boolean }) {
  const switchId = `switch-${list.id}`;
  return (
    <li class="list" data-list={list.id}>
      <div class="meta">
        <h3>{list.title}</h3>
        {list.description && <p class="description">{list.description}</p>}
        <p class="facts">
          <span>{t('options_language', list.language)}</span>
          <span>{t('options_rules', list.rules.length)}</span>
          <span>{t('options_version', list.version)}</span>
          <span>{t('options_shipped')}</span>
        </p>
      </div>
      <label class="switch" for={switchId}>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={enabled}
          aria-label={`${t('options_enabled')}: ${list.title}`}
          onChange={(event) =>
            void browser.runtime.sendMessage({
              type: 'set-list-enabled',
              listId: list.id,
              enabled: event.currentTarget.checked,
            })
          }
        />
        <span aria-hidden="true">{t('options_enabled')}</span>
      </label>
    </li>
  );
}
