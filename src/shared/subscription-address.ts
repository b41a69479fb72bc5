// Which addresses a list can be subscribed from. Shared by the background, which fetches, and the
// options page, which checks the address before asking for permission to read from its origin (so an
// http:// address is refused for what it is, not for a permission the reader was never going to need).
import { t } from './i18n';
import { Refused } from './store/store';

/**
 * The hosts that may be read over plain http: this machine (local list servers, tests), by the names
 * the manifest's optional_host_permissions grant (it has no http://[::1]/*, so an address there could
 * never be read).
 */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/** https anywhere; http only for this machine. The parsed address, or a refusal in the reader's language. */
export function checkAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new Refused([t('error_subscription_not_address', address)]);
  }
  const local = LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Refused([t('error_subscription_need_https', address)]);
  }
  return url;
}

/**
 * The optional host permission an address needs, as the manifest names them ("https://example.org/*"):
 * the options page asks for it, the background checks for it before fetching.
 */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
