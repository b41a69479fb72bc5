// Painting with the CSS Custom Highlight API: ranges are registered under names the extension's
// stylesheet styles with ::highlight() (see highlight-style.ts). No element is added, no text node
// is split.

export const FOCUS = 'wortlupe-focus';

export class Painter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly focus = new Highlight();
  /** Ranges collected while held, by highlight name, with that highlight's priority. */
  private held: Map<string, { ranges: Set<AbstractRange>; priority: number }> | undefined;

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {
    this.focus.priority = 10;
    registry.set(FOCUS, this.focus);
  }

  /**
   * Collect ranges instead of painting them, until release(). Every frame after a change to the
   * highlights costs Chromium an update over the whole page: on the bench's 621 K-character page,
   * painting slice by slice took 6 ms more compositing-input updates and 2 ms more paint than
   * painting the slices after the first together (traced, 7 alternating loads). So a full scan
   * paints what it reads at once until it has read past the first screen (see first-screen.ts),
   * and the rest when the page is read.
   * Only ranges added with `later` wait: a change the reader makes meanwhile is painted at once.
   */
  hold(): void {
    this.held ??= new Map();
  }

  /** Paint what was collected since hold(), in one go. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    if (held) for (const [name, { ranges, priority }] of held) for (const range of ranges) this.add(range, name, priority);
  }

  add(range: AbstractRange, name: string, priority: number, later = false): void {
    if (later && this.held) {
      let waiting = this.held.get(name);
      if (!waiting) this.held.set(name, (waiting = { ranges: new Set(), priority }));
      waiting.ranges.add(range);
      return;
    }
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.highlights.set(name, highlight);
      this.registry.set(name, highlight);
    }
    highlight.add(range);
  }

  remove(range: AbstractRange, name: string): void {
    this.highlights.get(name)?.delete(range);
    this.held?.get(name)?.ranges.delete(range);
  }

  /** Mark one range as the one the reader jumped to (or none). */
  setFocus(range: AbstractRange | null): void {
    this.focus.clear();
    if (range) this.focus.add(range);
  }

  owns(highlight: Highlight): boolean {
    return highlight === this.focus || [...this.highlights.values()].includes(highlight);
  }

  /** Remove every highlight (a new scan, or a different look, follows). */
  clear(): void {
    this.held = undefined;
    for (const [name, highlight] of this.highlights) {
      highlight.clear();
      this.registry.delete(name);
    }
    this.highlights.clear();
    this.focus.clear();
  }

  dispose(): void {
    this.clear();
    this.registry.delete(FOCUS);
  }
}
