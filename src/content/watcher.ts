// Watches the page for changes and hands the scanner only what changed, batched into idle time.
// Changes inside form fields, editors and other skipped regions are dropped at once: typing never
// costs a scan.
import { blockOf, isInline, isSkipped } from '../dom/blocks';

type Key = Element | ShadowRoot;

export interface Changes {
  own: Set<Key>;
  whole: Set<Element>;
  removed: boolean;
}

/** At most one flush per this many ms: text that changes 60 times a second is read ~10 times. */
const MIN_GAP = 100;

export class Watcher {
  private readonly observer: MutationObserver;
  private pending: Changes = { own: new Set(), whole: new Set(), removed: false };
  private scheduled = false;
  private lastFlush = -Infinity;

  constructor(
    private readonly flush: (changes: Changes) => void,
    signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
    signal.addEventListener('abort', () => this.observer.disconnect());
  }

  watch(root: Document | ShadowRoot): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Changes seen so far but not yet flushed are dropped (a full rescan is about to happen). */
  reset(): void {
    this.observer.takeRecords();
    this.pending = { own: new Set(), whole: new Set(), removed: false };
  }

  private collect(records: MutationRecord[]): void {
    const { own, whole } = this.pending;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        const block = blockOf(target);
        if (block) own.add(block);
        continue;
      }
      if (target.nodeType === 1 && isSkipped(target as Element)) continue;
      let targetBlock: Key | null | undefined;
      const ownOfTarget = () => (targetBlock === undefined ? (targetBlock = blockOf(target)) : targetBlock);
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) {
          const el = node as Element;
          if (isSkipped(el)) continue;
          if (!isInline(el) && el.localName !== 'br') {
            if (ownOfTarget()) whole.add(el);
            continue;
          }
        } else if (node.nodeType !== 3) continue;
        const block = ownOfTarget();
        if (block) own.add(block);
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1 && !isInline(node as Element)) this.pending.removed = true;
        else if (node.nodeType === 3 || node.nodeType === 1) {
          const block = ownOfTarget();
          if (block) own.add(block);
        }
      }
    }
    if (!this.scheduled && (own.size || whole.size || this.pending.removed)) {
      this.scheduled = true;
      const idle = () => requestIdleCallback(() => this.run(), { timeout: 250 });
      const wait = this.lastFlush + MIN_GAP - performance.now();
      if (wait > 0) setTimeout(idle, wait);
      else idle();
    }
  }

  private run(): void {
    // Records that arrived since the callback was queued; `scheduled` is still set, so none is queued again.
    this.collect(this.observer.takeRecords());
    this.scheduled = false;
    const changes = this.pending;
    this.pending = { own: new Set(), whole: new Set(), removed: false };
    this.lastFlush = performance.now();
    if (changes.own.size || changes.whole.size || changes.removed) this.flush(changes);
  }
}
