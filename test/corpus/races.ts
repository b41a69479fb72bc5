// When a difference between loads with and without Wortlupe is the page's own race. Shared by both
// real-page comparisons (run.ts in Chromium, run-firefox.ts in Firefox ESR).
import type { PageState } from './capture';

export const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** One more look at a page that differed: a load with Wortlupe, and one without it made alike. */
export interface Retry {
  withWortlupe: PageState;
  without: PageState;
}

/**
 * The keys among `differences` that a retry showed to be the page's own race: its load with
 * Wortlupe captured the part exactly as its partner without Wortlupe did (both captured with care),
 * or exactly as the two first loads without Wortlupe agreed it is (`usual`). What Wortlupe changes
 * shows in every load with it, so such a part is not something it changed.
 *
 * The second way is for a page with several outcomes of its own. Seen in CI on lazy-image-2.html:
 * a consent script appends two hidden frames to the body wherever the parser has got to when it
 * runs, so its DOM took 4 shapes in 20 loads without Wortlupe (17 the usual one). The first load
 * with Wortlupe caught a rare shape, and in both retries the two sides caught different ones, which
 * failed a page Wortlupe had not touched. A retry with Wortlupe that catches the usual shape now
 * settles it; one whose value only some other load without Wortlupe showed does not.
 */
export function racedKeys<K extends keyof PageState>(differences: readonly K[], usual: PageState, retries: readonly Retry[]): K[] {
  return differences.filter((key) => retries.some((r) => same(r.withWortlupe[key], r.without[key]) || same(r.withWortlupe[key], usual[key])));
}
