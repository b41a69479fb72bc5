// A stand-in for the browser's chrome.i18n in unit tests (installed for every unit test file by
// vitest.config.ts): messages from public/_locales, with the browser's rules for placeholders, in
// English unless a test asks for another language. src/shared/i18n.ts looks for it where the browser
// puts its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageKey, Translate } from '../../../src/shared/describe';

export const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');

export interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, Entry>;

export function readLocale(lang: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Catalogue;
}

/** What chrome.i18n.getMessage gives: "$name$" from the placeholders, "$1" from the substitutions, "$$" a dollar; "" for an unknown key. */
export function getMessage(messages: Catalogue, key: string, substitutions: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message.replace(/\$\$|\$(\w+)\$|\$(\d)/g, (whole, name?: string, n?: string) => {
    if (whole === '$$') return '$';
    if (n) return substitutions[Number(n) - 1] ?? '';
    return fill(entry.placeholders?.[name!.toLowerCase()]?.content ?? '');
  });
}

/** A Translate over one language's file, for code that takes its lookup as a parameter. */
export function translator(lang: string): Translate {
  const messages = readLocale(lang);
  return (key: MessageKey, ...substitutions) => getMessage(messages, key, substitutions.map(String)) || key;
}

/** The browser's language from now on (for this test file); English at the start of every file. */
export function useLocale(lang: string): void {
  const messages = readLocale(lang);
  const host = globalThis as { chrome?: { i18n?: unknown } };
  host.chrome ??= {};
  host.chrome.i18n = {
    getMessage: (key: string, substitutions?: string | string[]) =>
      getMessage(messages, key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]),
    getUILanguage: () => lang,
  };
}

useLocale('en');
