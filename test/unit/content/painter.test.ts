// Painting held back during a full scan and released in one go (src/content/painter.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { FOCUS, Painter } from '../../../src/content/painter';

/** Node has no Custom Highlight API: a highlight is a set of ranges with a priority. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
beforeAll(() => {
  (globalThis as { Highlight?: unknown }).Highlight = FakeHighlight;
});

const range = (name: string) => ({ name }) as unknown as AbstractRange;
const painted = (registry: Map<string, Set<AbstractRange>>) =>
  Object.fromEntries([...registry].filter(([name]) => name !== FOCUS).map(([name, h]) => [name, [...h].map((r) => (r as unknown as { name: string }).name)]));

function painterWithRegistry() {
  const registry = new Map<string, FakeHighlight>();
  return { registry, painter: new Painter(registry as unknown as HighlightRegistry) };
}

describe('Painter', () => {
  it('paints at once when not held', () => {
    const { registry, painter } = painterWithRegistry();
    painter.add(range('a'), 'wortlupe-ul-s2', 2);
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s2': ['a'] });
    expect(registry.get('wortlupe-ul-s2')!.priority).toBe(2);
  });

  it('while held, collects ranges and paints them all on release, with their priorities', () => {
    const { registry, painter } = painterWithRegistry();
    painter.add(range('first slice'), 'wortlupe-ul-s1', 1);
    painter.hold();
    painter.add(range('b'), 'wortlupe-ul-s1', 1, true);
    painter.add(range('c'), 'wortlupe-ul-s3', 3, true);
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s1': ['first slice'] });
    painter.release();
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s1': ['first slice', 'b'], 'wortlupe-ul-s3': ['c'] });
    expect(registry.get('wortlupe-ul-s3')!.priority).toBe(3);
    // Released: painting is immediate again.
    painter.add(range('d'), 'wortlupe-ul-s3', 3);
    expect(painted(registry)['wortlupe-ul-s3']).toEqual(['c', 'd']);
  });

  it('while held, what is not added for later (a change the reader made) is painted at once', () => {
    const { registry, painter } = painterWithRegistry();
    painter.hold();
    painter.add(range('walk'), 'wortlupe-ul-s2', 2, true);
    painter.add(range('edited'), 'wortlupe-ul-s2', 2);
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s2': ['edited'] });
    painter.release();
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s2': ['edited', 'walk'] });
  });

  it('a range removed while held is never painted', () => {
    const { registry, painter } = painterWithRegistry();
    painter.hold();
    const gone = range('gone');
    painter.add(gone, 'wortlupe-ul-s2', 2, true);
    painter.add(range('kept'), 'wortlupe-ul-s2', 2, true);
    painter.remove(gone, 'wortlupe-ul-s2');
    painter.release();
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s2': ['kept'] });
  });

  it('clear() drops what was held: a new scan starts from nothing', () => {
    const { registry, painter } = painterWithRegistry();
    painter.hold();
    painter.add(range('stale'), 'wortlupe-ul-s2', 2, true);
    painter.clear();
    painter.release();
    painter.add(range('fresh'), 'wortlupe-ul-s1', 1);
    expect(painted(registry)).toEqual({ 'wortlupe-ul-s1': ['fresh'] });
  });
});
