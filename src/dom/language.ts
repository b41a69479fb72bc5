// Which language a block of the page is in: its nearest `lang` attribute, else (in the core) what
// its words say, else the page's language.
import { BLOCK_BREAK, primaryLanguage, type Matcher } from '../core';
import type { Block } from './blocks';
import { shadowHostOf } from './shadow-host';

/**
 * The language the nearest `lang` attribute declares for a block, if any. Inside a shadow tree
 * without one, its host's: closest() stops at the shadow root, a language does not.
 */
export function declaredLanguage(key: Block['key']): string | undefined {
  let el: Element | null = (key.nodeType === 1 ? key : (key as ShadowRoot).host) as Element;
  while (el) {
    const declaring = el.closest('[lang]');
    if (declaring) return primaryLanguage(declaring.getAttribute('lang'));
    el = shadowHostOf(el);
  }
  return undefined;
}

/**
 * declaredLanguage() for the blocks of one pass of reading: a block without a `lang` of its own
 * declares what its parent does, so the paragraphs of one article ask the DOM once between them.
 * Forget it before every pass: between passes the page may change its `lang` attributes.
 */
export class DeclaredLanguages {
  private parent: Node | null = null;
  private lang: string | undefined;

  of(key: Block['key']): string | undefined {
    const parent = key.parentNode;
    if (key.nodeType !== 1 || parent === null || (key as Element).hasAttribute('lang')) return declaredLanguage(key);
    if (parent !== this.parent) {
      this.parent = parent;
      this.lang = declaredLanguage(key);
    }
    return this.lang;
  }

  /** Before and after every pass (after: so a removed subtree is not kept alive by it). */
  forget(): void {
    this.parent = null;
  }
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
