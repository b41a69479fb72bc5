// Interface strings come from public/_locales/{de,en}/messages.json and follow the browser's language.
import type { Technique } from '../core';
import { severityName, techniqueName, type MessageKey } from './describe';

export type { MessageKey };

// The browser's own `chrome.i18n` (Chrome and Firefox alike) rather than the polyfill's: getMessage is
// synchronous everywhere, and without the polyfill, which refuses to load outside an extension, code
// that says things through t() (the store, the core's catalogue) also runs in Node, where the unit
// tests put a stand-in that reads the locale files (test/unit/support/browser-i18n.ts).
// (`chrome` is there in every extension context of both browsers; `browser` only in Firefox.)
const host = globalThis as { chrome?: { i18n?: { getMessage(key: string, substitutions?: string[]): string } } };

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return host.chrome?.i18n?.getMessage(key, substitutions.map(String)) || key;
}

export const techniqueLabel = (technique: Technique) => techniqueName(technique, t);
export const severityLabel = (severity: 1 | 2 | 3) => severityName(severity, t);

/**
 * The language of the strings t() gives, for `lang` attributes. Not navigator.language: the browser
 * picks the locale file by its interface language and falls back to English (the default locale)
 * when Wortlupe has no file for it, so a French browser shows English text, which must not be
 * marked French. "" (language unknown) where there are no locale files to ask.
 */
export function interfaceLanguage(): string {
  const tag = t('ui_language');
  return tag === 'ui_language' ? '' : tag;
}
