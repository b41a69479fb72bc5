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

  /** The popup of a tab, once it has said why it has not read it. */
  const popupOf = (id: number) => driver.openExtensionPage(`src/popup/index.html?tab=${id}`, '.unread-why:not(:empty)');
  const popupSays = (popup: TestPage) =>
    popup.evaluate(() => ({
      said: [...document.querySelectorAll('.unread p')].map((p) => p.textContent).filter(Boolean),
      buttons: [...document.querySelectorAll('.unread button')].map((b) => b.textContent),
    }));

  it('says in the popup that it may not read websites, and asks the browser for that access again', async () => {
    const popup = await popupOf(tabId);
    expect(await popupSays(popup)).toEqual({
      said: [
        'Wortlupe has not read this page.',
        "Wortlupe may not read every website: the browser's settings for extensions limit which sites it may read, perhaps not this one.",
      ],
      buttons: ['Allow reading websites'],
    });
    expect(await axeViolations(popup)).toEqual([]);
    // Nothing ran in the page: nothing is marked.
    expect(await article.evaluate(() => CSS.highlights.size)).toBe(0);
    // Chromium's prompt is browser UI no test can click: access is granted as its extensions page
    // does, and the popup's request then resolves at once. Firefox answers the request itself.
    await driver.grantSiteAccess();
    await popup.click('.unread button');
    await popup.waitFor(() => document.querySelector('.unread-why')?.textContent === 'Allowed. Reload the page to have it read.');
    expect((await popupSays(popup)).buttons).toEqual(['Reload page']);
    await popup.close().catch(() => {});
  });

  it('on a page open from before Wortlupe could read it, offers a reload, after which the page is flagged', async () => {
    const popup = await popupOf(tabId);
    expect(await popupSays(popup)).toEqual({
      said: [
        'Wortlupe has not read this page.',
        'If it was open before Wortlupe was installed, updated or switched on, reload it. Browser pages and extension stores stay closed to every extension; a reload does not change that.',
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

  it('says a tab still unread after its reload is closed to extensions, and offers nothing more', async () => {
    // A blank tab: no content script runs in it, however often it is reloaded.
    const blank = await driver.newPage();
    const blankId = await driver.tabIdOf(blank);
    let popup = await popupOf(blankId);
    expect((await popupSays(popup)).buttons).toEqual(['Reload page']);
    await popup.click('.unread button');
    await popup.close().catch(() => {});
    popup = await popupOf(blankId);
    // The reload may still be under way: the popup then says so and asks again once it is done.
    await popup.waitFor(() => document.querySelector('.unread-why')?.textContent?.startsWith('It stayed unread'));
    expect(await popupSays(popup)).toEqual({
      said: [
        'Wortlupe has not read this page.',
        'It stayed unread after a reload: this page is closed to extensions (a browser page, an extension store or another page the browser keeps to itself).',
      ],
      buttons: [],
    });
    await popup.close();
    await blank.close();
  });
}
