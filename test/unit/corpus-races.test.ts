import { describe, expect, it } from 'vitest';
import type { PageState } from '../corpus/capture';
import { racedKeys } from '../corpus/races';

const state = (dom: string, scroll: [number, number] = [0, 0]): PageState => ({ text: 't', dom, forms: [], focus: 'body#.', selection: '|0|0', scroll });

describe('racedKeys (real-page comparison)', () => {
  it('settles a difference when a retry with Wortlupe catches the shape the page usually takes, even if its partner caught a rare one', () => {
    // The first load with Wortlupe caught the rare shape B; both first loads without caught A.
    expect(racedKeys(['dom'], state('A'), [{ withWortlupe: state('A'), without: state('B') }])).toEqual(['dom']);
    // As before: the two sides of a retry agree (say, once the page's short-lived bait is gone).
    expect(racedKeys(['dom'], state('A'), [{ withWortlupe: state('C'), without: state('C') }])).toEqual(['dom']);
    expect(racedKeys(['dom'], state('A'), [{ withWortlupe: state('B'), without: state('A') }])).toEqual([]);
  });

  it('keeps a change Wortlupe makes in every load, even where some load without it shows a rare shape', () => {
    // The page is usually A, now and then B; Wortlupe turns every A into A+. A retry whose load with
    // Wortlupe caught B proves nothing about A+, unless its partner caught B too.
    const retries = [
      { withWortlupe: state('A+'), without: state('B') },
      { withWortlupe: state('B'), without: state('A') },
    ];
    expect(racedKeys(['dom'], state('A'), retries)).toEqual([]);
    expect(racedKeys(['dom'], state('A'), [])).toEqual([]);
  });

  it('looks at each key on its own', () => {
    const retries = [{ withWortlupe: state('A+', [0, 0]), without: state('A', [0, 40]) }];
    expect(racedKeys(['dom', 'scroll'], state('A'), retries)).toEqual(['scroll']);
  });
});
