import { describe, expect, it } from 'vitest';
import type { PageState } from '../corpus/capture';
import { racedKeys } from '../corpus/races';

const state = (dom: string, scroll: [number, number] = [0, 0]): PageState => ({ text: 't', dom, forms: [], focus: 'body#.', selection: '|0|0', scroll });

describe('racedKeys (real-page comparison)', () => {
  it('counts a shape the page also takes without Wortlupe as its own race, even when a retry pair disagrees', () => {
    // First load with Wortlupe: the rare shape B; both loads without: A. The retry with Wortlupe
    // caught A, its partner without caught B: neither pair agrees, but each shape was seen without.
    const withLoads = [state('B'), state('A')];
    const withoutLoads = [state('A'), state('A'), state('B')];
    expect(racedKeys(['dom'], withLoads, withoutLoads)).toEqual(['dom']);
    expect(racedKeys(['dom'], [state('B')], [state('A'), state('A')])).toEqual([]);
  });

  it('keeps a difference Wortlupe makes in every load, and looks at each key on its own', () => {
    const withLoads = [state('A+', [0, 5]), state('A+', [0, 0]), state('A+', [0, 5])];
    const withoutLoads = [state('A'), state('A'), state('A')];
    expect(racedKeys(['dom', 'scroll'], withLoads, withoutLoads)).toEqual(['scroll']);
    expect(racedKeys(['dom'], withLoads, [])).toEqual([]);
  });
});
