// Which language a block of the page is in: its nearest `lang` attribute, else (in the core) what
// its words say, else the page's language.
import { BLOCK_BREAK, primaryLanguage, type Matcher } from '../core';
import type { Block } from './blocks';

/** The language the nearest `lang` attribute declares for a block, if any. */
export function declaredLanguage(key: Block['key']): string | undefined {
  const el = (key.nodeType === 1 ? key : (key as ShadowRoot).host) as Element;
  return primaryLanguage(el.closest('[lang]')?.getAttribute('lang'));
}

/** The page's language: <html lang>, else detected from its first blocks. */
export function pageLanguage(doc: Document, blocks: readonly { text: string }[], matcher: Matcher): string | undefined {
  const declared = primaryLanguage(doc.documentElement?.getAttribute('lang'));
  if (declared) return declared;
  const sample = blocks
    .slice(0, 50)
    .map((b) => b.text)
    .join(BLOCK_BREAK)
    .slice(0, 4000);
  return sample ? matcher.detectLanguage(sample) : undefined;
}
