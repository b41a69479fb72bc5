// Whether a document has anything to read yet.
//
// Pages carry frames with nothing to read: ad slots (an image in a link), empty about:blank frames
// waiting to be written into, trackers. The content script runs in every frame, and each one that
// read and unpacked the matcher cost the page's main thread about 20 ms and its heap 0.56 MB (a
// scratch run, same-process frames); one that waits costs about 6 ms and 0.39 MB
// (test/bench/RESULTS.md, "Frames with nothing to read"). A frame waits for text in
// src/content/index.ts; the script injected at document_start asks the same before it reads
// storage (early-read.ts), so this module imports only the list of skipped elements.
import { SKIPPED } from './skipped';

/** Any character that is not white space (cheaper than a regular expression per text node). */
export function hasVisibleText(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && !(c >= 0x2000 && c <= 0x200b) && c !== 0x3000 && c !== 0xfeff) return true;
  }
  return false;
}

const SHOW_ELEMENT_AND_TEXT = 1 | 4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/**
 * True when the document holds visible characters outside the elements never read, or an open
 * shadow root (read separately; not looked into here). It errs towards true: a frame told "nothing
 * to read" would only be read once its DOM changes. Stops at the first text node with visible
 * characters, so a page of text costs a few steps.
 */
export function hasReadableText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, (node) =>
    node.nodeType === 1 && SKIPPED.has((node as Element).localName) ? FILTER_REJECT : FILTER_ACCEPT,
  );
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === 3 ? hasVisibleText((node as Text).data) : (node as Element).shadowRoot !== null) return true;
  }
  return false;
}
