// A tab Wortlupe has not read, as a reader meets it: access to websites taken away in the browser's
// settings for extensions, then asked back from the popup; and a page that was open before Wortlupe
// could read it, read after a reload from the popup. Run unchanged in Chromium and Firefox.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { allFlagged, flaggedOnceScanned } from './support/in-page';

export function accessScenarios(launch: () => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;
  let article: TestPage;
  let tabId: number;

  beforeAll(async () => {
    server = await startFixtureServer();
    driver = await launch();
    await driver.withholdSiteAccess();
    article = await driver.newPage();
    await article.goto(server.url('/seed-article.html'));
    tabId = await driver.tabIdOf(article);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  const popupSays = (popup: TestPage) =>
    popup.evaluate(() => ({
      said: [...document.querySelectorAll('.unread p')].map((p) => p.textContent).filter(Boolean),
      buttons: [...document.querySelectorAll('.unread button')].map((b) => b.textContent),
    }));

  it('says in the popup that it may not read websites, and asks the browser for that access again', async () => {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.unread-why:not(:empty)');
    expect(await popupSays(popup)).toEqual({
      said: ['Wortlupe has not read this page.', "Wortlupe may not read websites: that access was taken away in the browser's settings for extensions."],
      buttons: ['Allow reading websites'],
    });
    expect(await axeViolations(popup)).toEqual([]);
    // Nothing ran in the page: nothing is marked.
    expect(await article.evaluate(() => CSS.highlights.size)).toBe(0);
    await driver.grantSiteAccess();
    await popup.click('.unread button');
    await popup.waitFor(() => document.querySelector('.unread-why')?.textContent === 'Allowed. Reload the page to have it read.');
    expect((await popupSays(popup)).buttons).toEqual(['Reload page']);
    await popup.close().catch(() => {});
  });

  it('on a page open from before Wortlupe could read it, offers a reload, after which the page is flagged', async () => {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.unread-why:not(:empty)');
    expect(await popupSays(popup)).toEqual({
      said: [
        'Wortlupe has not read this page.',
        'If it was open before Wortlupe was installed, updated or switched on, reload it. Browser pages and extension stores stay closed to every extension.',
      ],
      buttons: ['Reload page'],
    });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('.unread button');
    await article.waitFor(flaggedOnceScanned);
    expect(await article.evaluate(allFlagged)).toHaveLength(7);
    await expect.poll(() => driver.badgeText(tabId)).toBe('7');
    // The popup closes itself once it has asked for the reload; a test's tab may stay.
    await popup.close().catch(() => {});
  });
}
