// Where a list's authors say more about it, and where a reader can question one of its rules: the
// list's `homepage`, shown by its host name, so the reader sees whose site it is before following it.
import { t } from '../i18n';
import { SafeLink } from './SafeLink';
import { webHost } from './web-url';

export function ListWebsite({ homepage }: { homepage: string | undefined }) {
  if (homepage === undefined) return null;
  const host = webHost(homepage);
  if (!host) return null;
  return (
    <span class="website">
      {/* The label inside the link: a screen reader's list of links gives "Website: host", not a bare host. */}
      <SafeLink href={homepage}>
        {t('ui_list_website')} {host}
      </SafeLink>
    </span>
  );
}
