// Pages that fight back: none makes the extension throw or hang the tab, and it keeps working on
// the next page. Run unchanged in Chromium and Firefox.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { allFlagged, flaggedOnceScanned, scanPasses } from './support/in-page';

export function hostileScenarios(launch: () => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;

  beforeAll(async () => {
    server = await startFixtureServer();
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  /** Open a page, wait until the extension has scanned it all, check it stayed quiet and responsive. */
  async function visit(path: string, timeout = 10_000): Promise<TestPage> {
    const page = await driver.newPage();
    await page.goto(server.url(path));
    await page.bringToFront();
    await page.waitFor(() => performance.getEntriesByName('wortlupe:scan-complete').length > 0, undefined, timeout);
    expect(await page.evaluate(() => 1 + 1)).toBe(2); // the tab still answers
    expect(page.extensionErrors()).toEqual([]);
    return page;
  }

  it('a page that overwrites Range, CSS, MutationObserver, Node and Array methods in its own world', async () => {
    // The page breaks what test tools use in its world too: ask the extension what it found instead.
    const page = await driver.newPage();
    await page.goto(server.url('/hostile/overrides.html'));
    const tabId = await driver.tabIdOf(page);
    await expect.poll(() => driver.badgeText(tabId)).toBe('2');
    expect(await page.evaluate(() => (window as unknown as { pageIntact(): boolean }).pageIntact())).toBe(true);
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });

  it('100,000 text nodes: every slice of work stays short, and the slices after the first screen are painted together', async () => {
    const page = await visit('/hostile/many-nodes.html', 30_000);
    const passes = await page.evaluate(() => (performance.getEntriesByName('wortlupe:scan') as PerformanceMeasure[]).map((p) => p.duration));
    expect(passes.length).toBeGreaterThan(3); // read in slices
    expect(Math.max(...passes)).toBeLessThan(50);
    // Every paragraph read, every character of them: 20,000 blocks of five text nodes each.
    const read = await page.evaluate(scanPasses);
    expect(read.reduce((n, p) => n + p.blocks, 0)).toBe(20_000);
    expect(read.reduce((n, p) => n + p.textChars, 0)).toBe(await page.evaluate(() => document.getElementById('root')!.textContent!.length));
    expect((await page.evaluate(allFlagged)).length).toBe(200);
    // The first slice is painted at once, and so is the next while reading has not yet passed the
    // window's bottom edge (one slice on a busy machine); the slices after that together, when the
    // page has been read (every change to the highlights costs the browser an update over the whole
    // page). Painted slice by slice, the frames would show dozens of counts.
    const frames = await page.evaluate(() => (window as unknown as { paintedPerFrame: number[] }).paintedPerFrame);
    const firstSlice = read[0]!.findings;
    expect(firstSlice).toBeGreaterThan(0);
    expect(frames).toContain(firstSlice); // frames came between the slices
    const counts = [...new Set(frames)].filter((n) => n !== 0);
    expect(counts.at(-1)).toBe(200);
    expect(counts.length).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('a page that opens with a long menu kept off to the side: the text in view is painted before the rest is read', async () => {
    // The first slice of reading ends inside the menu. Had the rest been held from there, the word
    // in view would be painted only with the last of the page.
    const page = await visit('/hostile/menu-first.html', 30_000);
    const frames = await page.evaluate(() => (window as unknown as { leadPerFrame: { painted: boolean; done: boolean }[] }).leadPerFrame);
    expect(frames.some((f) => f.painted && !f.done)).toBe(true);
    const menu = await page.evaluate(() => document.getElementById('menu')!.textContent!.length);
    expect((await page.evaluate(scanPasses))[0]!.textChars).toBeLessThan(menu); // the first slice did end in the menu
    const marks = await page.evaluate(() =>
      ['wortlupe:first-screen', 'wortlupe:scan-complete'].map((name) => performance.getEntriesByName(name).map((m) => m.startTime)),
    );
    expect(marks[0]).toHaveLength(1);
    expect(marks[0]![0]!).toBeLessThan(marks[1]![0]!);
    expect(await page.evaluate(allFlagged)).toEqual(['Kanonenfutter']);
    await page.close();
  });

  it('a CDATA section imported into an HTML page: the word after it is painted where it is', async () => {
    const page = await visit('/hostile/cdata.html');
    expect(await page.evaluate(() => document.getElementById('p')!.textContent)).toBe('Aus XML: x eingeschoben  und dann Kanonenfutter.');
    await expect.poll(() => page.evaluate(allFlagged)).toEqual(['Kanonenfutter']);
    await page.close();
  });

  it('DOM nested 10,000 deep', async () => {
    const page = await visit('/hostile/deep.html');
    expect(await page.evaluate(allFlagged)).toEqual(['Kanonenfutter']);
    await page.close();
  });

  it('text that changes 60 times a second', async () => {
    const page = await visit('/hostile/ticker.html');
    const before = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await page.waitFor((n: number) => (window as unknown as { ticks: number }).ticks > n + 60, before);
    // Changes are batched (at most one pass per 100 ms), never one scan per change.
    const passes = (await page.evaluate(scanPasses)).length;
    expect(passes).toBeLessThan(25);
    await expect.poll(() => page.evaluate(allFlagged)).toContain('militärische Spezialoperation');
    // Pointing at the changing text, where painted ranges go stale between passes, is harmless too.
    for (let i = 0; i < 10; i++) await page.move(20 + i * 30, 30);
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });

  it('an about:blank frame written by script', async () => {
    const page = await visit('/hostile/blank-frame.html');
    if (driver.name === 'chromium') {
      await expect.poll(() => page.evaluateInFrame('about:blank', allFlagged).catch(() => null)).toEqual(['Kanonenfutter']);
    }
    // Firefox does not run content scripts in a frame document replaced by document.open(): nothing
    // is flagged there (a known gap, see the issue notes), and nothing breaks either.
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });

  it('one line of a million characters', async () => {
    const page = await visit('/hostile/long-line.html', 20_000);
    expect((await page.evaluate(allFlagged)).length).toBe(20);
    await page.close();
  });

  it('an SVG document and an XML document', async () => {
    for (const path of ['/hostile/drawing.svg', '/hostile/feed.xml']) {
      const page = await driver.newPage();
      await page.goto(server.url(path));
      await page.waitFor(() => performance.getEntriesByName('wortlupe:scan').length > 0);
      expect(page.extensionErrors()).toEqual([]);
      await page.close();
    }
  });

  it('keeps working on the next page', async () => {
    const page = await driver.newPage();
    await page.goto(server.url('/seed-article.html'));
    await page.waitFor(flaggedOnceScanned);
    await expect.poll(() => page.evaluate(allFlagged)).toHaveLength(7);
    await page.close();
  });
}
