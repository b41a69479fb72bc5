// A list's language as readers know it, in the interface's language.
import { interfaceLanguage } from '../shared/i18n';

/** "Arabic (ar)" in the interface's language, or the code alone where the browser cannot name it. */
export function languageName(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([interfaceLanguage() || 'en'], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    name = undefined; // not a code the browser knows the shape of
  }
  return name && name !== code ? `${name} (${code})` : code;
}
