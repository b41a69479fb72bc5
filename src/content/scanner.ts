// Scans blocks of the page with the compiled matcher, paints the findings, and keeps what it found
// per block so a change rescans only the blocks it touched.
//
// A full scan reads the page's blocks in one walk, matches the blocks in view at once, and the rest
// in slices of idle time, so no task of the extension keeps the page busy for long.
import { primaryLanguage, signalsFor, type Finding, type Matcher, type Signal } from '../core';
import { collectBlocks, walkBlocks, type Block } from '../dom/blocks';
import { DeclaredLanguages, pageLanguage } from '../dom/language';
import type { Painter } from './painter';
import { placeRange } from './ranges';
import type { PageSettings } from '../shared/storage';
import { highlightName } from './highlight-style';
import { belowWindow, inWindow } from './first-screen';

export interface Painted {
  finding: Finding;
  block: Block;
  range: StaticRange;
  nodes: Text[];
  /** The highlight it is painted in. */
  paint: string;
  signalsKnown?: boolean;
}

type Key = Element | ShadowRoot;

interface PassDetail {
  textChars: number;
  /** Blocks read (paragraphs, headings, list items…). */
  blocks: number;
  findings: number;
}

/** Longest slice of matching in one idle callback, in ms (well under the 50 ms of a long task). */
const SLICE_MS = 8;

export class Scanner {
  private readonly records = new Map<Key, Painted[]>();
  /** Text nodes → findings that touch them: the hover card's hit test. */
  private byNode = new WeakMap<Text, Painted[]>();
  /** Block elements already read; an own-text rescan does not enter them again. */
  private seen = new WeakSet<Element>();
  /** The rest of a full scan: the page not read yet. */
  private walker: Generator<Block, void, undefined> | undefined;
  private pageLang: string | undefined;
  private idle = 0;
  /** The block a full scan read last, and when its last slice ended. */
  private lastRead: Key | undefined;
  private lastPassEnd = 0;
  /** A full scan has read past the first screen: what it reads now is held (see Painter.hold). */
  private pastFirstScreen = false;
  /** What the blocks read in this pass declare (forgotten around every pass). */
  private readonly languages = new DeclaredLanguages();

  /** How findings look; set before a full scan. */
  pageSettings: PageSettings = { disabledSites: [], style: { colourBy: 'severity', look: 'underline' }, listColours: {} };

  constructor(
    /** None until the stored one is read (a frame with nothing to read may never need one). */
    private matcher: Matcher | undefined,
    private readonly painter: Painter,
    private readonly root: () => Element | null,
    private readonly onShadow: (root: ShadowRoot) => void,
    /** Called after every pass that may have changed the findings. */
    private readonly onPass: () => void,
  ) {}

  /** Forget every finding and unpaint it. */
  clear(): void {
    this.painter.clear();
    this.records.clear();
    this.byNode = new WeakMap();
    this.seen = new WeakSet();
    this.pageLang = undefined;
  }

  /** Forget everything and read the whole page again (start-up, lists or settings changed). */
  scanAll(matcher: Matcher | undefined = this.matcher): void {
    this.stop();
    this.matcher = matcher;
    this.clear();
    const root = this.root();
    if (!root || !matcher) return;
    this.pageLang = primaryLanguage(document.documentElement?.getAttribute('lang'));
    this.walker = walkBlocks(root, this.walkOptions());
    this.lastRead = undefined;
    this.pastFirstScreen = false;
    // The top of the page first, in this task; the rest in idle time, painted as it is read until
    // the first screen has been read, then held (see first-screen.ts). Positions are not asked for
    // here: right after parsing that would force the browser's first layout.
    this.lastPassEnd = this.measure(() => this.readSome(performance.now() + SLICE_MS));
    this.continue();
  }

  /** Rescan after changes: `own` blocks re-read their own text; `whole` subtrees are read entirely. */
  rescan(own: Iterable<Key>, whole: Iterable<Element>): void {
    this.measure(() => {
      const blocks: Block[] = [];
      for (const key of own) if (key.isConnected) blocks.push(...this.read(key));
      for (const el of whole) if (el.isConnected) blocks.push(...this.read(el));
      const total: PassDetail = { textChars: 0, blocks: blocks.length, findings: 0 };
      for (const block of blocks) this.paint(block, false, total);
      return total;
    });
  }

  /** Stop reading what is left of a full scan (lists changed, extension gone). Callers clear() next. */
  stop(): void {
    if (this.idle) cancelIdleCallback(this.idle);
    this.idle = 0;
    this.walker = undefined;
    this.lastRead = undefined;
  }

  /** True while a full scan still has text to read. */
  get busy(): boolean {
    return this.walker !== undefined;
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

  /** The page's language, as the scan took it. */
  language(): string | undefined {
    return this.pageLang;
  }

  /** How a finding stands in its text, worked out the first time anyone asks. */
  signalsOf(painted: Painted): Signal[] {
    const { finding, block } = painted;
    if (!painted.signalsKnown) {
      finding.signals = signalsFor(block.text, finding.start, finding.end, block.headline, finding.language, finding.near);
      painted.signalsKnown = true;
    }
    return finding.signals;
  }

  count(): number {
    let n = 0;
    for (const items of this.records.values()) n += items.length;
    return n;
  }

  /** Read and match the next blocks of a full scan until `until` (checked every few blocks). */
  private readSome(until: number): PassDetail {
    const total: PassDetail = { textChars: 0, blocks: 0, findings: 0 };
    const matcher = this.matcher;
    if (!this.walker || !matcher) return total;
    let n = 0;
    for (let next = this.walker.next(); ; next = this.walker.next()) {
      if (next.done) {
        this.walker = undefined;
        this.painter.release();
        break;
      }
      this.lastRead = next.value.key;
      if (this.pageLang === undefined && n < 50) this.pageLang = pageLanguage(document, [next.value], matcher);
      total.blocks++;
      this.paint(next.value, true, total);
      if (++n % 4 === 0 && performance.now() >= until) break;
    }
    return total;
  }

  /** Read the rest in idle time, a slice at a time. */
  private continue(): void {
    if (this.idle) return;
    if (!this.walker) {
      this.firstScreenRead();
      // Tools and benchmarks can tell when the whole page has been matched.
      performance.mark('wortlupe:scan-complete');
      return;
    }
    this.idle = requestIdleCallback(
      (deadline) => {
        this.idle = 0;
        const until = performance.now() + Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()));
        this.lastPassEnd = this.measure(() => {
          if (!this.pastFirstScreen && this.lastRead && belowWindow(this.lastRead)) {
            this.firstScreenRead();
            this.painter.hold();
          }
          return this.readSome(until);
        });
        this.continue();
      },
      { timeout: 500 },
    );
  }

  /** The first screen has been read, and painted when the last slice ended: tools and benchmarks can tell when. */
  private firstScreenRead(): void {
    if (this.pastFirstScreen) return;
    this.pastFirstScreen = true;
    performance.mark('wortlupe:first-screen', { startTime: this.lastPassEnd });
  }

  private walkOptions() {
    return {
      // Blocks already read to their end are not read again (their text has not changed, or the
      // watcher says so and re-reads that block alone).
      skip: (el: Element) => this.seen.has(el),
      enter: (el: Element) => this.forget(el),
      done: (key: Key) => {
        if (key.nodeType === 1) this.seen.add(key as Element);
      },
      shadow: this.onShadow,
    };
  }

  private read(root: Key): Block[] {
    this.forget(root);
    return collectBlocks(root, this.walkOptions());
  }

  /** A block is read again: what was found for it is stale. */
  private forget(key: Key): void {
    this.drop(key);
  }

  /**
   * Match one block and paint what is found, adding to `total`. `later`: a block of a full scan's
   * walk, painted together with the rest when it ends (see Painter.hold).
   */
  private paint(block: Block, later: boolean, total: PassDetail): void {
    const matcher = this.matcher;
    if (!matcher) return;
    // Whoever reads a block last wins: a full scan and a change may both have read it.
    this.drop(block.key);
    total.textChars += block.text.length;
    const found = matcher.find(block.text, {
      lang: this.languages.of(block.key),
      fallbackLang: this.pageLang,
      // Signals are only read when a card or the popup shows a finding: see signalsOf().
      signals: false,
    });
    if (!found.length) return;
    const items: Painted[] = [];
    // Held with the rest of a full scan, unless it is in view (see first-screen.ts).
    const wait = later && this.pastFirstScreen && !inWindow(block.key);
    for (const finding of found) {
      const { range, nodes } = placeRange(block, finding.start, finding.end);
      const paint = highlightName(this.pageSettings, finding.severity, finding.listId);
      const painted: Painted = { finding, block, range, nodes, paint };
      items.push(painted);
      this.painter.add(range, paint, finding.severity, wait);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(painted);
        else this.byNode.set(node, [painted]);
      }
    }
    total.findings += items.length;
    this.records.set(block.key, items);
  }

  private drop(key: Key): void {
    const items = this.records.get(key);
    if (!items) return;
    for (const item of items) {
      this.painter.remove(item.range, item.paint);
      for (const node of item.nodes) {
        const list = this.byNode.get(node);
        const at = list?.indexOf(item) ?? -1;
        if (at >= 0) list!.splice(at, 1);
      }
    }
    this.records.delete(key);
  }

  /** Run a pass and measure it; returns when it ended. */
  private measure(pass: () => PassDetail): number {
    const start = performance.now();
    this.languages.forget();
    const detail = pass();
    this.languages.forget();
    const end = performance.now();
    performance.measure('wortlupe:scan', { start, end, detail });
    this.onPass();
    return end;
  }
}
