// Where the content script gets its matcher and, only when a card is shown, the rules' texts.
//
// The background compiles the enabled lists once and stores the result; a tab only checks and
// unpacks it. Should that fail (a damaged store), the tab compiles the lists itself.
import browser from 'webextension-polyfill';
import { compile, deserializeTables, matcherFrom, type Matcher } from '../core';
import { indexRules, type RuleEntry } from '../shared/describe';
import { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, parsePageSettings, parsePublishedId, PUBLISHED_KEY, readActiveLists } from '../shared/storage';
import { FIRST_KEYS, takeEarlyRead } from './early-read';

export async function matcherFromStore(stored: unknown): Promise<Matcher> {
  if (stored === undefined) return compile([]);
  try {
    return matcherFrom(deserializeTables(stored));
  } catch (error) {
    console.warn('Wortlupe: compiling lists here, the stored matcher is unusable:', (error as Error).message);
    return compile(await readActiveLists());
  }
}

/**
 * What the start needs from storage (the compiled matcher, page settings, publish id), read in one
 * go or taken from the read started at document_start. Call it after listening to storage changes.
 */
export async function readFirst(): Promise<{ stored: Record<string, unknown>; early: boolean }> {
  const read = () => browser.storage.local.get(FIRST_KEYS);
  const taken = takeEarlyRead();
  let early = taken !== undefined;
  const stored = await (taken?.catch(() => {
    early = false;
    return read();
  }) ?? read());
  return { stored, early };
}

/** The rules' texts for the card, read and validated on first use. */
export class RuleTexts {
  private cache: Promise<Map<string, RuleEntry>> | undefined;
  get(): Promise<Map<string, RuleEntry>> {
    return (this.cache ??= readActiveLists().then(indexRules));
  }
  forget(): void {
    this.cache = undefined;
  }
}

export { ACTIVE_KEY, COMPILED_KEY, PAGE_SETTINGS_KEY, PUBLISHED_KEY, parsePageSettings, parsePublishedId };
