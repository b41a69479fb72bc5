// Wortlupe on or off for the site of the current tab.
import { useEffect, useState } from 'preact/hooks';
import { send, stateOf } from '../shared/commands';
import { t } from '../shared/i18n';
import { siteIsOff } from '../shared/store/settings';

interface Props {
  host: string;
  /** What the switch shows, once it knows and after each switch. */
  onState?: (on: boolean) => void;
  /** True just before a switch goes to the background, false if it was refused. */
  onSwitching?: (going: boolean) => void;
}

export function SiteSwitch({ host, onState, onSwitching }: Props) {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const command = { type: 'get-state' } as const;
    void send(command).then((result) => {
      const state = stateOf(result, command);
      if (state) setOn(!siteIsOff(host, state.settings.disabledSites));
    });
  }, [host]);
  useEffect(() => {
    if (on !== null) onState?.(on);
  }, [on]);
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
            onSwitching?.(true);
            const result = await send({ type: 'set-site-enabled', site: host, enabled });
            if (result.ok) setOn(enabled);
            else onSwitching?.(false);
            setError(result.ok ? (result.warning ?? '') : result.errors.join(' '));
          }}
        />
        <span>{t('popup_on_this_site', host)}</span>
      </label>
      {error && <p class="error">{error}</p>}
    </div>
  );
}
