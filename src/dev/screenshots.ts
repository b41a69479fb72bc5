// Screenshots of the card, the popup and the options page for the README, taken from the built
// extension in Chromium on the demo page. Usage: npm run build:chrome && npm run screenshots
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '../../test/e2e/support/chromium';

const OUT = 'test/screenshots';
const demo = readFileSync(join(import.meta.dirname, 'demo/index.html'));
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const driver = await launchChromium();
const { context, extensionBase } = driver;
const page = await context.newPage();
await page.setViewportSize({ width: 900, height: 640 });
await page.goto(url);
await page.waitForFunction(() => CSS.highlights.get('wortlupe-ul-s2')?.size, null, { polling: 50 });
const target = page.locator('article[lang="de"] p', { hasText: 'Kanonenfutter' });
const box = await page.evaluate(() => {
  const p = [...document.querySelectorAll('article[lang="de"] p')].find((el) => el.textContent!.includes('Kanonenfutter'))!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.nodeValue!.indexOf('Kanonenfutter');
    if (at < 0) continue;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + 13);
    const rect = r.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error('not found');
});
await target.scrollIntoViewIfNeeded();
const moved = await page.evaluate(() => scrollY);
await page.mouse.move(box.x, box.y - moved);
await page.waitForSelector('wortlupe-card', { state: 'attached' });
await page.screenshot({ path: `${OUT}/card.png` });
console.log(`wrote ${OUT}/card.png`);

const tabId = await driver.tabIdOf({ bringToFront: () => page.bringToFront() } as never);
const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 600 });
await popup.goto(`${extensionBase}src/popup/index.html?tab=${tabId}`);
await popup.waitForSelector('.group');
await popup.click('[data-rule="de-krieg/kanonenfutter"] summary');
await popup.screenshot({ path: `${OUT}/popup.png` });
console.log(`wrote ${OUT}/popup.png`);

const options = await context.newPage();
await options.setViewportSize({ width: 900, height: 520 });
await options.goto(`${extensionBase}src/options/index.html`);
await options.waitForSelector('.list');
await options.screenshot({ path: `${OUT}/options.png` });
console.log(`wrote ${OUT}/options.png`);

await driver.close();
server.close();
