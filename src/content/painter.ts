// Painting with the CSS Custom Highlight API: ranges are registered under names the extension's
// stylesheet styles with ::highlight(). No element is added, no text node is split.

export const HIGHLIGHT_PREFIX = 'wortlupe';
const SEVERITIES = [1, 2, 3] as const;

export class Painter {
  private readonly bySeverity = new Map<number, Highlight>();
  private readonly focus = new Highlight();

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {
    for (const severity of SEVERITIES) {
      const highlight = new Highlight();
      highlight.priority = severity;
      this.bySeverity.set(severity, highlight);
      registry.set(`${HIGHLIGHT_PREFIX}-${severity}`, highlight);
    }
    this.focus.priority = 10;
    registry.set(`${HIGHLIGHT_PREFIX}-focus`, this.focus);
  }

  add(range: AbstractRange, severity: number): void {
    this.bySeverity.get(severity)?.add(range);
  }

  remove(range: AbstractRange, severity: number): void {
    this.bySeverity.get(severity)?.delete(range);
  }

  /** Mark one range as the one the reader jumped to (or none). */
  setFocus(range: AbstractRange | null): void {
    this.focus.clear();
    if (range) this.focus.add(range);
  }

  owns(highlight: Highlight): boolean {
    return highlight === this.focus || [...this.bySeverity.values()].includes(highlight);
  }

  clear(): void {
    for (const highlight of this.bySeverity.values()) highlight.clear();
    this.focus.clear();
  }

  dispose(): void {
    this.clear();
    for (const severity of SEVERITIES) this.registry.delete(`${HIGHLIGHT_PREFIX}-${severity}`);
    this.registry.delete(`${HIGHLIGHT_PREFIX}-focus`);
  }
}
