// Measuring one load of a page in Chromium (playwright-core), shared by the browser benchmark
// (browser.ts) and the comparison of two builds (ab.ts).
import type { BrowserContext, Page } from 'playwright-core';
import { CATEGORIES, extensionTasks, type ExtensionTasks, type TraceEvent } from './tasks';

export interface Load {
  page: Page;
  cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>;
}

export async function open(context: BrowserContext, url: string, withExtension: boolean): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (withExtension) await scanComplete(page);
  await settle(page);
  return { page, cdp };
}

/**
 * Until the whole page has been read. One call that resolves on the mark, not polling: every poll is
 * a DevTools command run on the page's main thread, and would be counted as the extension's time
 * (about 12 ms on the big page).
 */
function scanComplete(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => {
        if (performance.getEntriesByName('wortlupe:scan-complete').length) return done();
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('wortlupe:scan-complete').length) {
            observer.disconnect();
            done();
          }
        }).observe({ type: 'mark' });
      }),
  );
}

/** Let idle work and late tasks settle the same way with and without the extension. */
function settle(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
}

/**
 * One load of `url`, traced, for the extension's main-thread tasks (see tasks.ts). A load of its
 * own: tracing costs main-thread time, which must not count in the other loads' measures.
 */
export async function tracedTasks(context: BrowserContext, url: string, extensionBase: string): Promise<ExtensionTasks> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const collected = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await scanComplete(page);
  await settle(page);
  await cdp.send('Tracing.end');
  await collected;
  await page.close();
  return extensionTasks(events, extensionBase);
}

export async function taskDuration(load: Load): Promise<number> {
  const { metrics } = (await load.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

export async function heap(load: Load): Promise<number> {
  await load.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await load.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

export interface ScanStats {
  work: number;
  longest: number;
  /** The first screen's highlights painted (the scanner's `wortlupe:first-screen` mark). */
  firstAfterDcl: number;
  /** The whole page read and painted. */
  allAfterDcl: number;
  /** After the page's own first contentful paint (on a long page the first layout comes after DOMContentLoaded). */
  firstAfterPaint: number;
  passes: number;
  findings: number;
  /** The content script's start-up: evaluating the bundle, then reading and unpacking the stored matcher. */
  evaluate: number;
  unpack: number;
  /** From DOMContentLoaded to the content script's first line (Chromium decides when it runs). */
  injected: number;
  firstSlice: number;
}

export function scanStats(page: Page): Promise<ScanStats> {
  return page.evaluate(() => {
    const passes = performance.getEntriesByName('wortlupe:scan') as PerformanceMeasure[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // A full scan paints what it reads at once until it has read past the window's bottom edge (in
    // one slice or more), and the rest when the page has been read; the mark says when the first
    // screen was painted.
    const topPainted = performance.getEntriesByName('wortlupe:first-screen')[0]?.startTime ?? NaN;
    const complete = performance.getEntriesByName('wortlupe:scan-complete')[0]?.startTime ?? NaN;
    return {
      work: passes.reduce((n, p) => n + p.duration, 0),
      longest: Math.max(...passes.map((p) => p.duration)),
      firstAfterDcl: topPainted - nav.domContentLoadedEventStart,
      firstAfterPaint: topPainted - (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? nav.domContentLoadedEventStart),
      allAfterDcl: complete - nav.domContentLoadedEventStart,
      passes: passes.length,
      findings: passes.reduce((n, p) => n + p.detail.findings, 0),
      evaluate: performance.getEntriesByName('wortlupe:evaluate')[0]?.duration ?? NaN,
      unpack: performance.getEntriesByName('wortlupe:unpack')[0]?.duration ?? NaN,
      injected: (performance.getEntriesByName('wortlupe:loaded')[0]?.startTime ?? NaN) - nav.domContentLoadedEventStart,
      firstSlice: passes[0]!.duration,
    };
  });
}

