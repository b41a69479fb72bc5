// Lists the reader subscribed to by address: fetched with the permission they granted for that
// origin, validated, kept at the last good version when an update is broken or unreachable.
import browser from 'webextension-polyfill';
import type { RuleList } from '../core';
import { t } from '../shared/i18n';
import { MAX_LIST_TEXT, readListText, Refused } from '../shared/store/store';
import { clipText, MAX_LAST_ERROR } from '../shared/store/user-lists';
import { checkAddress, originPattern } from '../shared/subscription-address';

export const UPDATE_ALARM = 'wortlupe-update-subscriptions';
/** Twice a day. */
export const UPDATE_MINUTES = 12 * 60;

/**
 * Bytes of a list's address read at most: two per character of the limit, which a list in German
 * (umlauts take two bytes) stays within; its characters are then counted as an imported file's are.
 */
const MAX_BODY_BYTES = MAX_LIST_TEXT * 2;

/** Download and validate a list, within the size limit. */
export async function fetchList(address: string): Promise<RuleList> {
  const url = checkAddress(address);
  if (!(await browser.permissions.contains({ origins: [originPattern(url)] }))) {
    throw new Refused([t('error_subscription_no_permission', url.origin)]);
  }
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new Refused([t('error_subscription_unreachable', url.href, (error as Error).message)]);
  }
  if (!response.ok) throw new Refused([t('error_subscription_http_status', url.href, response.status, response.statusText)]);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new Refused([t('error_list_larger_than', url.href, MAX_BODY_BYTES / 1e6)]);
  const text = await readLimited(response, MAX_BODY_BYTES, url.href);
  return readListText(text, url.href);
}

/** The body as text, stopping (and refusing) once it is longer than `limit` bytes; `address` names it. */
async function readLimited(response: Response, limit: number, address: string): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Refused([t('error_list_larger_than', address, limit / 1e6)]);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/** Errors of a failed update shown in full; the rest are counted. */
const SHOWN_ERRORS = 3;

/**
 * Why an update failed, as stored in its subscription: the first few errors and how many more, cut to
 * fit MAX_LAST_ERROR. (Every error of a list with many invalid rules made a reason too long to store,
 * and the write of the whole update run was refused.)
 */
export function updateFailure(errors: readonly string[]): string {
  const more = errors.length > SHOWN_ERRORS ? ` ${t('error_and_more', errors.length - SHOWN_ERRORS)}` : '';
  const room = MAX_LAST_ERROR - t('error_subscription_kept', '').length - more.length;
  return t('error_subscription_kept', clipText(errors.slice(0, SHOWN_ERRORS).join('; '), room) + more);
}

/**
 * The twice-daily check. Called at install and at every browser start: browsers may drop alarms on
 * restart (Firefox does, and Chrome did before version 150), and an existing alarm keeps its timing.
 */
export async function scheduleUpdates(): Promise<void> {
  if (await browser.alarms.get(UPDATE_ALARM)) return;
  await browser.alarms.create(UPDATE_ALARM, { periodInMinutes: UPDATE_MINUTES, delayInMinutes: UPDATE_MINUTES });
}

/** SHA-256 of a list as validated (hex): what the reader was shown, to compare with what is subscribed. */
export async function listDigest(list: RuleList): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(list))));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
