// Painting with the CSS Custom Highlight API: ranges are registered under names the extension's
// stylesheet styles with ::highlight() (see highlight-style.ts). No element is added, no text node
// is split.

export const FOCUS = 'wortlupe-focus';

export class Painter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly focus = new Highlight();

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {
    this.focus.priority = 10;
    registry.set(FOCUS, this.focus);
  }

  add(range: AbstractRange, name: string, priority: number): void {
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
