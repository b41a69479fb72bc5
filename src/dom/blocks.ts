// The DOM adapter, shared by the content script and the command line.
//
// Reading the page's text without touching it: one string per block (paragraph, heading, list item…)
// plus where each text node starts in it, so findings in the string map back to DOM ranges.
//
// Inline elements (<b>, <a>, <span>…) do not break a block's text: "Kanonen<b>futter</b>" reads as
// "Kanonenfutter". A <br> reads as a line break (a phrase may go on across it); a nested block that
// interrupts the text reads as BLOCK_BREAK, which nothing matches across.
import { BLOCK_BREAK } from '../core';
import { hasVisibleText } from './readable-text';
import { SKIPPED } from './skipped';

export interface Block {
  /** The element (or shadow root) whose own text this is. */
  key: Element | ShadowRoot;
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
  /** A heading: worked out when asked (only a finding's signals ask), not for every block read. */
  readonly headline: boolean;
}

/** Elements that flow inside a line of text. Anything else starts a block of its own. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label',
  'mark', 'nobr', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'img',
  'picture', 'ruby', 'rb', 'rp', 'rt', 'output', 'meter', 'progress',
]);

const HEADLINE = /^h[1-6]$/;

/**
 * Blocks that usually hold running text (a <div> or <section> usually holds blocks: asking would
 * mostly cost a search of its subtree for nothing).
 */
const TEXT_BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'figcaption', 'caption', 'blockquote', 'summary', 'legend',
]);

/**
 * A descendant that keeps a block from being read in one piece: anything not inline (a nested
 * block, <br>, a skipped element), an element that is hidden or may be edited, and <span>, the one
 * inline element that can host a shadow root (the walk must look at each of them).
 */
const NOT_PLAIN = `:not(${[...INLINE].filter((name) => name !== 'span').join(',')}),[hidden],[contenteditable]`;

/** The one element the extension adds while its card is shown: never read, never observed. */
let ownHost: Element | null = null;
export function setOwnHost(host: Element | null): void {
  ownHost = host;
}

export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.localName) || el === ownHost || el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

function isHeadline(key: Element | ShadowRoot): boolean {
  // nodeType, not instanceof: this also runs on DOM implementations without browser globals (the CLI).
  if (key.nodeType !== 1) return false;
  const el = key as Element;
  return HEADLINE.test(el.localName) || el.getAttribute('role') === 'heading';
}

class Builder {
  /** Pieces of text, joined once at the end: no string is rebuilt or searched while reading. */
  private parts: string[] = [];
  private length = 0;
  /** The last piece is a BLOCK_BREAK (or nothing has been read yet). */
  private broken = true;
  private visible = false;
  nodes: Text[] = [];
  starts: number[] = [];
  constructor(readonly key: Element | ShadowRoot) {}
  add(node: Text): void {
    const data = node.data;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
    if (data.length) this.broken = false;
    if (!this.visible && hasVisibleText(data)) this.visible = true;
  }
  /** A <br>: white space between words. */
  lineBreak(): void {
    this.parts.push('\n');
    this.length++;
    this.broken = false;
  }
  /** A nested block interrupts this one's text; several in a row collapse. */
  separate(): void {
    if (this.broken) return;
    this.parts.push(BLOCK_BREAK);
    this.length++;
    this.broken = true;
  }
  finish(into: Block[]): void {
    if (this.visible) {
      into.push(new NodeBlock(this.key, this.parts.join(''), this.nodes, this.starts));
    }
  }
}

/** A block read node by node. */
class NodeBlock implements Block {
  constructor(
    readonly key: Element | ShadowRoot,
    readonly text: string,
    readonly nodes: Text[],
    readonly starts: number[],
  ) {}
  get headline(): boolean {
    return isHeadline(this.key);
  }
}

/**
 * A paragraph (or heading, list item…) of only text and plain inline elements, read in one piece:
 * its textContent is exactly the text the walk would join from its text nodes, made by the browser
 * in one go instead of one string per node by script (reading a news article takes about half as
 * long). The text nodes behind it are listed only when asked for, which only painting a finding
 * does, in the same task.
 */
class PlainBlock implements Block {
  private listed: { nodes: Text[]; starts: number[] } | undefined;
  constructor(
    readonly key: Element,
    readonly text: string,
  ) {}
  get headline(): boolean {
    return isHeadline(this.key);
  }
  get nodes(): Text[] {
    return this.list().nodes;
  }
  get starts(): number[] {
    return this.list().starts;
  }
  private list(): { nodes: Text[]; starts: number[] } {
    if (!this.listed) {
      const nodes: Text[] = [];
      const starts: number[] = [];
      // CDATA sections too: textContent includes them, and a script can import one into an HTML page.
      const walker = this.key.ownerDocument.createTreeWalker(this.key, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
      for (let node = walker.nextNode(), at = 0; node; node = walker.nextNode()) {
        nodes.push(node as Text);
        starts.push(at);
        at += (node as Text).length;
      }
      this.listed = { nodes, starts };
    }
    return this.listed;
  }
}

/** `el` read in one piece if it is a text block of only text and plain inline elements (else undefined). */
function readPlain(el: Element): PlainBlock | null | undefined {
  if (!TEXT_BLOCKS.has(el.localName) || el.querySelector(NOT_PLAIN) !== null) return undefined;
  const text = el.textContent ?? '';
  return hasVisibleText(text) ? new PlainBlock(el, text) : null;
}

export interface CollectOptions {
  /** Nested block elements not to enter (already read; their text has not changed). */
  skip?: ((el: Element) => boolean) | undefined;
  /** Called for every block element entered, before its text is read. */
  enter?: (el: Element) => void;
  /** Called when a block's text has been read to its end (with or without visible text). */
  done?: (key: Element | ShadowRoot) => void;
  /** Called for every open shadow root met: changes inside it must be watched separately. */
  shadow?: (root: ShadowRoot) => void;
  /**
   * Read blocks of only text and inline elements in one piece (the default). False reads every
   * block node by node: the reference the one-piece reading is tested against.
   */
  whole?: boolean;
}

/** The blocks of a subtree, in document order of their first text; shadow trees follow at the end. */
export function collectBlocks(root: Element | ShadowRoot, options: CollectOptions = {}): Block[] {
  return [...walkBlocks(root, options)];
}

/**
 * The same, one block at a time, so a long page can be read in slices. Between slices the page may
 * change: if the walk finds its place gone from the document, it starts over from the root, and the
 * `skip` option (blocks already done) keeps it from reading anything twice.
 */
export function* walkBlocks(root: Element | ShadowRoot, options: CollectOptions = {}): Generator<Block, void, undefined> {
  const { skip, enter, done } = options;
  // Only in HTML documents: in XML, CDATA sections are part of textContent but not Text nodes.
  const whole = options.whole !== false && root.ownerDocument?.contentType === 'text/html';
  const shadows: ShadowRoot[] = [];
  const ready: Block[] = [];
  let stack: Builder[] = [new Builder(root)];
  const finish = (builder: Builder) => {
    builder.finish(ready);
    done?.(builder.key);
  };
  // Iterative walk: pages nest thousands deep, recursion would overflow.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      stack[stack.length - 1]!.add(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName === 'br') stack[stack.length - 1]!.lineBreak();
      else if (!isSkipped(el)) {
        if (el.shadowRoot) shadows.push(el.shadowRoot);
        if (isInline(el)) descend = true;
        else {
          stack[stack.length - 1]!.separate();
          if (!skip?.(el)) {
            enter?.(el);
            const plain = whole ? readPlain(el) : undefined;
            if (plain === undefined) {
              stack.push(new Builder(el));
              descend = true;
            } else {
              if (plain) ready.push(plain);
              done?.(el);
            }
          }
        }
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
    } else {
      if (descend && stack[stack.length - 1]!.key === node) finish(stack.pop()!);
      // Next sibling, or climb until there is one, closing blocks on the way up.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root && stack[stack.length - 1]!.key === node) {
          finish(stack.pop()!);
          stack[stack.length - 1]!.separate();
        }
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    while (ready.length) {
      yield ready.shift()!;
      if (node && !node.isConnected && root.isConnected) {
        // Our place left the document while the caller waited: start again, skipping what is done
        // (the blocks still open are read again from their start).
        stack = [new Builder(root)];
        node = root.firstChild;
      }
    }
  }
  finish(stack[0]!);
  yield* ready;
  for (const shadow of shadows) {
    options.shadow?.(shadow);
    yield* walkBlocks(shadow, options);
  }
}

/** The nearest ancestor-or-self that owns a block, or null when the node sits in a skipped region. */
export function blockOf(node: Node): Element | ShadowRoot | null {
  let block: Element | ShadowRoot | null = null;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 11) return block ?? (n as ShadowRoot); // top of a shadow tree
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (isSkipped(el)) return null;
    if (!block && !isInline(el) && el.localName !== 'br') block = el;
  }
  return block;
}
