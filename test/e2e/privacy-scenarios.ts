// Wortlupe sends nothing anywhere: a whole session of reading, pointing, the popup and the options
// page, with every request the browser makes recorded by a proxy, requests to this machine included.
// Only the fixture server (which the proxy passes requests through to) is reached.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { flaggedOnceScanned, pointAt } from './support/in-page';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy';

// The browsers call their makers on their own (update checks, sign-in, remote settings, blocklists),
// with or without any extension, at moments no test controls. Those hosts are set aside by name;
// Wortlupe has no reason to reach any of them, and every other host counts.
const BROWSER_VENDOR = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$/;

/** The host name a recorded request was for (Firefox may have upgraded it to a tunnel on 443). */
function hostOf(request: string): string {
  const target = request.split(' ')[1] ?? '';
  return new URL(target.includes('://') ? target : `https://${target}`).hostname;
}

export function privacyScenarios(launch: (options: { proxyPort: number }) => Promise<Driver>): void {
  let proxy: RecordingProxy;
  let server: FixtureServer;
  let driver: Driver;
  const reached = () => proxy.requests.map(hostOf).filter((host) => !BROWSER_VENDOR.test(host));

  beforeAll(async () => {
    server = await startFixtureServer();
    proxy = await startRecordingProxy(server.origin);
    driver = await launch({ proxyPort: proxy.port });
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
    await proxy?.close();
  });

  it('makes no network request in a full session', async () => {
    const page = await driver.newPage();
    await page.goto(server.url('/seed-article.html'));
    await page.waitFor(flaggedOnceScanned);
    const point = await page.evaluate(pointAt, { selector: '#mi6', text: 'futter' });
    await page.move(point.x, point.y);
    await page.waitFor(() => document.querySelector('wortlupe-card'));
    const tabId = await driver.tabIdOf(page);
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    await popup.click('[data-rule="de-krieg/kanonenfutter"] summary');
    await popup.close();
    const options = await driver.openExtensionPage('src/options/index.html', '.list');
    await options.click('[data-list="en-war"] input');
    await options.click('[data-list="en-war"] input');
    await page.goto(server.url('/matching.html'));
    await page.waitFor(() => performance.getEntriesByName('wortlupe:scan-complete').length > 0);
    expect(reached()).toEqual([]);
    // Everything the fixture server saw was asked for by the test itself.
    expect(server.requests.every((path) => /^\/(seed-article|matching|frame|favicon)/.test(path))).toBe(true);

    // The control: a request from an extension page does reach the proxy, so the silence above is
    // Wortlupe's and not a recorder that hears nothing; and so does one to another port of this machine.
    await options.evaluate(() => fetch('http://canary.wortlupe.test/').catch(() => undefined));
    await options.evaluate(() => fetch('http://127.0.0.1:65000/canary').catch(() => undefined));
    expect(reached()).toEqual(['canary.wortlupe.test', '127.0.0.1']);
    await options.close();
    await page.close();
  });
}
