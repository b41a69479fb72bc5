// Renders public/icons/icon.svg to the PNG sizes the manifests and stores ask for.
// Usage: npm run icons   (needs Chromium: CHROME_PATH or /usr/bin/chromium)
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`wrote public/icons/icon-{${SIZES.join(',')}}.png`);
