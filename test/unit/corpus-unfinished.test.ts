import { describe, expect, it } from 'vitest';
import { loadToEnd } from '../corpus/unfinished';

type Load = { complete: boolean; scanned: boolean; errors: string[]; n: number };

/** Loads that come back as given, one per call, counted. */
const loads = (...results: Omit<Load, 'n'>[]) => {
  let n = 0;
  return { next: async (): Promise<Load> => ({ ...results[n]!, n: n++ }), count: () => n };
};

describe('loadToEnd (Firefox real-page comparison)', () => {
  it('returns a finished load as it is, without loading again', async () => {
    const l = loads({ complete: true, scanned: true, errors: [] });
    const stalls: string[] = [];
    expect(await loadToEnd(l.next, stalls, 'with Wortlupe')).toEqual({ complete: true, scanned: true, errors: [], n: 0 });
    expect(l.count()).toBe(1);
    expect(stalls).toEqual([]);
  });

  it('loads once more when the first never finished, says which, and keeps the first one’s errors', async () => {
    const l = loads({ complete: false, scanned: false, errors: ['TypeError: first'] }, { complete: true, scanned: true, errors: ['TypeError: second'] });
    const stalls: string[] = [];
    expect(await loadToEnd(l.next, stalls, 'the first without')).toEqual({ complete: true, scanned: true, errors: ['TypeError: first', 'TypeError: second'], n: 1 });
    expect(stalls).toEqual(['the first without']);
  });

  it('does not load again a page that finished loading but was never scanned: that is Wortlupe’s', async () => {
    const l = loads({ complete: true, scanned: false, errors: [] }, { complete: true, scanned: true, errors: [] });
    const stalls: string[] = [];
    expect(await loadToEnd(l.next, stalls, 'with Wortlupe')).toMatchObject({ scanned: false, n: 0 });
    expect(l.count()).toBe(1);
    expect(stalls).toEqual([]);
  });

  it('gives back a page that never finishes twice unfinished, after two loads only', async () => {
    const l = loads({ complete: false, scanned: false, errors: [] }, { complete: false, scanned: false, errors: [] }, { complete: true, scanned: true, errors: [] });
    const stalls: string[] = [];
    expect(await loadToEnd(l.next, stalls, 'with Wortlupe')).toMatchObject({ complete: false, n: 1 });
    expect(l.count()).toBe(2);
    expect(stalls).toEqual(['with Wortlupe']);
  });
});
