// Wortlupe on or off for the site of the current tab.
import { useEffect, useState } from 'preact/hooks';
import { send, stateOf } from '../shared/commands';
import { t } from '../shared/i18n';
import { siteIsOff } from '../shared/store/settings';

export function SiteSwitch({ host }: { host: string }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const command = { type: 'get-state' } as const;
    void send(command).then((result) => {
      const state = stateOf(result, command);
      if (state) setOn(!siteIsOff(host, state.settings.disabledSites));
    });
  }, [host]);
  if (on === null) return null;
  return (
    <div class="site-switch">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          onChange={async (event) => {
            const enabled = event.currentTarget.checked;
            const result = await send({ type: 'set-site-enabled', site: host, enabled });
            if (result.ok) setOn(enabled);
            setError(result.ok ? (result.warning ?? '') : result.errors.join(' '));
          }}
        />
        <span>{t('popup_on_this_site', host)}</span>
      </label>
      {error && <p class="error">{error}</p>}
    </div>
  );
}
