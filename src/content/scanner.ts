// Scans blocks of the page with the compiled matcher, paints the findings, and keeps what it found
// per block so a change rescans only the blocks it touched.
import type { Finding, Matcher } from '../core';
import { collectBlocks, type Block } from '../dom/blocks';
import { declaredLanguage, pageLanguage } from '../dom/language';
import type { Painter } from './painter';
import { placeRange } from './ranges';

export interface Painted {
  finding: Finding;
  block: Block;
  range: StaticRange;
  nodes: Text[];
}

type Key = Element | ShadowRoot;

export class Scanner {
  private readonly records = new Map<Key, Painted[]>();
  /** Text nodes → findings that touch them: the hover card's hit test. */
  private byNode = new WeakMap<Text, Painted[]>();
  /** Block elements already read; an own-text rescan does not enter them again. */
  private seen = new WeakSet<Element>();
  private pageLang: string | undefined;

  constructor(
    private matcher: Matcher,
    private readonly painter: Painter,
    private readonly root: () => Element | null,
    private readonly onShadow: (root: ShadowRoot) => void,
  ) {}

  /** Forget everything and read the whole page again (start-up, lists changed). */
  scanAll(matcher: Matcher = this.matcher): void {
    this.matcher = matcher;
    this.painter.clear();
    this.records.clear();
    this.byNode = new WeakMap();
    this.seen = new WeakSet();
    const root = this.root();
    if (!root) return;
    this.pageLang = undefined;
    this.measure(() => this.collect(root, false));
  }

  /** Rescan after changes: `own` blocks re-read their own text; `whole` subtrees are read entirely. */
  rescan(own: Iterable<Key>, whole: Iterable<Element>): void {
    this.measure(() => {
      const blocks: Block[] = [];
      for (const key of own) if (key.isConnected) blocks.push(...this.read(key, true));
      for (const el of whole) if (el.isConnected) blocks.push(...this.read(el, false));
      return this.paintAll(blocks);
    });
  }

  /** Drop findings of blocks that left the document. */
  sweep(): void {
    for (const key of [...this.records.keys()]) if (!key.isConnected) this.drop(key);
  }

  findingAt(node: Text): readonly Painted[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every finding, in document order. */
  all(): Painted[] {
    const list = [...this.records.values()].flat();
    return list.sort((a, b) => {
      if (a.block === b.block) return a.finding.start - b.finding.start;
      const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
    });
  }

  count(): number {
    let n = 0;
    for (const items of this.records.values()) n += items.length;
    return n;
  }

  private collect(root: Key, ownOnly: boolean): { textChars: number; textNodes: number; findings: number } {
    return this.paintAll(this.read(root, ownOnly));
  }

  private read(root: Key, ownOnly: boolean): Block[] {
    if (root instanceof Element) this.enter(root);
    else this.drop(root);
    return collectBlocks(root, {
      skip: ownOnly ? (el) => this.seen.has(el) : undefined,
      enter: (el) => this.enter(el),
      shadow: this.onShadow,
    });
  }

  private enter(el: Element): void {
    this.seen.add(el);
    this.drop(el);
  }

  private paintAll(blocks: Block[]): { textChars: number; textNodes: number; findings: number } {
    let textChars = 0;
    let textNodes = 0;
    let findings = 0;
    this.pageLang ??= pageLanguage(document, blocks, this.matcher);
    for (const block of blocks) {
      textChars += block.text.length;
      textNodes += block.nodes.length;
      const found = this.matcher.find(block.text, {
        lang: declaredLanguage(block.key),
        fallbackLang: this.pageLang,
        headline: block.headline,
      });
      if (!found.length) continue;
      const items: Painted[] = [];
      for (const finding of found) {
        const { range, nodes } = placeRange(block, finding.start, finding.end);
        const painted: Painted = { finding, block, range, nodes };
        items.push(painted);
        this.painter.add(range, finding.severity);
        for (const node of nodes) {
          const list = this.byNode.get(node);
          if (list) list.push(painted);
          else this.byNode.set(node, [painted]);
        }
      }
      findings += items.length;
      this.records.set(block.key, items);
    }
    return { textChars, textNodes, findings };
  }

  private drop(key: Key): void {
    const items = this.records.get(key);
    if (!items) return;
    for (const item of items) {
      this.painter.remove(item.range, item.finding.severity);
      for (const node of item.nodes) {
        const list = this.byNode.get(node);
        const at = list?.indexOf(item) ?? -1;
        if (at >= 0) list!.splice(at, 1);
      }
    }
    this.records.delete(key);
  }

  private measure(pass: () => { textChars: number; textNodes: number; findings: number }): void {
    const start = performance.now();
    const detail = pass();
    performance.measure('wortlupe:scan', { start, detail });
  }
}
