// happy-dom has no Custom Highlight API and no StaticRange: stand-ins that keep what the painter
// gives them. A highlight is a set of ranges; a static range keeps the boundaries it was made with.
export function installHighlightStandIns(): void {
  const g = globalThis as Record<string, unknown>;
  g.Highlight = class extends Set<AbstractRange> {
    priority = 0;
  };
  g.StaticRange = class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
}
