// When a difference between loads with and without Wortlupe is the page's own race. Shared by both
// real-page comparisons (run.ts in Chromium, run-firefox.ts in Firefox ESR).
import type { PageState } from './capture';

export const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/**
 * The keys among `differences` that some load with Wortlupe captured exactly as some load without
 * it did. Such a part is not something Wortlupe changes: what it changes shows in every load with it.
 *
 * Not only a retry's pair is compared: a page can have several outcomes of its own. Seen in CI on
 * lazy-image-2.html: a consent script appends two hidden frames to the body wherever the parser has
 * got to when it runs, so the DOM took 4 shapes in 20 loads without Wortlupe (17 the same). A retry
 * whose two sides caught different shapes, twice after a first load that caught a rare one, failed
 * a page that Wortlupe did not touch; now the rare shape counts as the page's once any load without
 * Wortlupe shows it, or the common one as soon as a load with Wortlupe does.
 */
export function racedKeys<K extends keyof PageState>(differences: readonly K[], withWortlupe: readonly PageState[], without: readonly PageState[]): K[] {
  return differences.filter((key) => withWortlupe.some((w) => without.some((p) => same(w[key], p[key]))));
}
