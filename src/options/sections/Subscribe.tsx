// Subscribing to a list by address: permission for that origin is asked for at that moment, the
// list is fetched and validated, and its details shown before it is switched on.
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Preview as Listed } from '../../shared/answers';
import type { CommandResult } from '../../shared/messages';
import { Refused } from '../../shared/store/store';
import { checkAddress, originPattern } from '../../shared/subscription-address';
import { ListWebsite } from '../../shared/ui/ListWebsite';
import { languageName } from '../language-name';
import { ruleCount } from '../rule-count';

/** What an address held when the reader checked it, and that address. */
type Preview = Listed & { url: string };

export type SubscribeCommand = (url: string, confirm: boolean, replace: boolean, digest?: string) => Promise<CommandResult>;

export function Subscribe({ subscribe }: { subscribe: SubscribeCommand }) {
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  /** The list's id is taken: the reader may replace that list. */
  const [canReplace, setCanReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const check = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    setCanReplace(false);
    setPreview(null);
    setDone('');
    // The background's own rule first: an address it would refuse is refused for that reason, before
    // the reader is asked for a permission that could not help.
    let parsed: URL;
    try {
      parsed = checkAddress(url);
    } catch (error) {
      return setErrors(error instanceof Refused ? error.errors : [String(error)]);
    }
    // Asked now, while the reader's click still counts as one: only for this list's origin.
    const granted = await browser.permissions.request({ origins: [originPattern(parsed)] }).catch(() => false);
    if (!granted) return setErrors([t('options_subscribe_no_permission', parsed.origin)]);
    setBusy(true);
    const address = url.trim();
    const result = await subscribe(address, false, false);
    setBusy(false);
    if (result.ok) setPreview({ ...(result.data as Listed), url: address });
    else setErrors(result.errors);
  };

  // A preview belongs to the address it was checked at: another address must be checked anew.
  const changeAddress = (event: Event) => {
    setUrl((event.currentTarget as HTMLInputElement).value);
    setPreview(null);
  };

  // The list shown is the one subscribed to: its own address and digest, whatever the field says now.
  const confirm = async (replace: boolean) => {
    if (!preview) return;
    setBusy(true);
    const result = await subscribe(preview.url, true, replace, preview.digest);
    setBusy(false);
    if (result.ok) {
      setDone(t('options_subscribed_ok', preview.title));
      setPreview(null);
      setUrl('');
      setErrors([]);
    } else {
      setErrors(result.errors);
      setCanReplace(Boolean(result.canReplace));
    }
  };

  return (
    <section aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t('options_subscribe')}</h2>
      <p class="intro">{t('options_subscribe_intro')}</p>
      <form class="inline" onSubmit={check}>
        <label for="subscribe-url">{t('options_subscribe_address')}</label>
        {/* i18n-ignore: the start of every address, the same in every language */}
        <input id="subscribe-url" type="url" placeholder="https://" value={url} onInput={changeAddress} />
        <button id="subscribe-check" type="submit" disabled={!url.trim() || busy}>
          {t('options_subscribe_check')}
        </button>
      </form>
      {preview && (
        <div class="subscription-preview" role="status">
          <h3 lang={preview.language}>{preview.title}</h3>
          {preview.description && <p lang={preview.language}>{preview.description}</p>}
          <p class="facts">
            <span>{t('options_language', languageName(preview.language))}</span>
            <span>{ruleCount(preview.ruleCount)}</span>
            <span>{t('options_version', preview.version)}</span>
            <span>{t('options_list_id', preview.id)}</span>
            {preview.license && <span>{t('options_license', preview.license)}</span>}
            <ListWebsite homepage={preview.homepage} />
          </p>
          <button type="button" class="primary" disabled={busy} onClick={() => confirm(false)}>
            {t('options_subscribe_confirm')}
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div role="alert">
          <ul class="errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {canReplace && (
            <button type="button" class="danger" onClick={() => confirm(true)}>
              {t('options_replace')}
            </button>
          )}
        </div>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
