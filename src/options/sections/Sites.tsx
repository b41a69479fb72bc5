// Sites where Wortlupe stays off.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

export function Sites({ sites, onChange }: { sites: readonly string[]; onChange: (site: string, enabled: boolean) => Promise<string[]> }) {
  const [site, setSite] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options_sites')}</h2>
      {sites.length ? (
        <>
          <p class="intro">{t('options_sites_intro')}</p>
          <ul class="sites">
            {sites.map((s) => (
              <li key={s}>
                <span>{s}</span>
                <button type="button" onClick={() => void onChange(s, true)} aria-label={t('options_site_on', s)}>
                  {t('options_turn_on')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="hint">{t('options_sites_none')}</p>
      )}
      <form
        class="inline"
        onSubmit={async (event) => {
          event.preventDefault();
          const problems = await onChange(site, false);
          setErrors(problems);
          if (!problems.length) setSite('');
        }}
      >
        <label for="site-input">{t('options_site_add')}</label>
        {/* i18n-ignore: a host name reserved for examples, the same in every language */}
        <input id="site-input" value={site} placeholder="example.org" onInput={(e) => setSite(e.currentTarget.value)} aria-describedby="site-hint site-errors" />
        <button type="submit" disabled={!site.trim()}>
          {t('options_turn_off')}
        </button>
      </form>
      <p id="site-hint" class="hint">
        {t('options_site_subdomains')}
      </p>
      {/* A live region must already be there when its content changes; a list cannot be one. */}
      <div id="site-errors" role="status">
        {errors.length > 0 && (
          <ul class="errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
