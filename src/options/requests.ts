// What the options page's address asks for when another part of Wortlupe opens it: "#add?" from
// the context menu (a new rule for a selected term), "#find?" from the popup (a rule's switch).
import { ID_PATTERN } from '../core';
import { finderFor } from './find-rules';
import { ruleSwitchId } from './sections/Lists';

/** "#add?term=…&lang=…" from the context menu: a new rule for the reader's list in that language. */
export function requestedRule(): { term: string; lang: string } | undefined {
  const match = /^#add\?(.*)$/.exec(location.hash);
  if (!match) return undefined;
  const params = new URLSearchParams(match[1]);
  return { term: params.get('term') ?? '', lang: params.get('lang') === 'en' ? 'en' : 'de' };
}

/**
 * "#find?term=…&list=…&rule=…" from the popup: Find a term filled in, and the rule's switch focused.
 * The rule may be gone by the time the page opens; the term is still found where it is.
 */
export function requestedFind(): { term: string; switchId?: string } | undefined {
  const match = /^#find\?(.*)$/.exec(location.hash);
  if (!match) return undefined;
  const params = new URLSearchParams(match[1]);
  const list = params.get('list');
  const rule = params.get('rule');
  const term = params.get('term') ?? '';
  // Only what a list's and a rule's id can be goes into the selector of the switch; and only a term
  // that finds something opens the lists (without one, the switch is there but in a closed list).
  const shown = list && rule && ID_PATTERN.test(list) && ID_PATTERN.test(rule) && finderFor(term) !== undefined;
  return { term, ...(shown ? { switchId: ruleSwitchId(list, rule) } : {}) };
}

export interface PageRequest {
  add?: { term: string; lang: string };
  find?: { term: string; switchId?: string };
  /** The address's part from "#", to hand the request on as it came. */
  hash: string;
}

/**
 * What the address asks for, taken once: the address is cleared at once, so a reload does not ask
 * again, and the next request is a change of the address even if it asks the same.
 */
export function takeRequest(): PageRequest | undefined {
  const add = requestedRule();
  const find = requestedFind();
  if (!add && !find) return undefined;
  const hash = location.hash;
  history.replaceState(null, '', location.pathname + location.search);
  return { ...(add ? { add } : {}), ...(find ? { find } : {}), hash };
}
