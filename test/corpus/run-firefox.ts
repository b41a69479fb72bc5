// npm run test:corpus:firefox -- <folder of saved pages> [name pattern]
//
// The real-page comparison of run.ts, in Debian's Firefox ESR: every saved page loaded once with
// the built extension (dist/firefox) and twice without it, with the page's own scripts on, and what
// a reader or the page would notice compared (capture.ts); what already differs between the two
// loads without the extension is reported, not compared. A page that differs is loaded again on
// both sides; if those agree, the first load caught the page in a race of its own, and it is listed
// as such. Also checks that the extension scanned the page and logged no error. Exits 1 on any
// difference.
//
// CI runs it after run.ts. That one also compares with page scripts off and takes a more careful
// second look at races; here, page scripts are always on, as readers meet the pages.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFirefox, wrapPuppeteer } from '../e2e/support/firefox';
import { startRecordingProxy } from '../e2e/support/recording-proxy';
import { capture, PAGE_STATE_KEYS, type PageState } from './capture';
import { startStaticServer } from './static-server';

const folder = resolve(process.argv[2] ?? '../shared/corpus/readability');
const only = process.argv[3] ? new RegExp(process.argv[3]) : undefined;
const pages = readdirSync(folder)
  .filter((f) => /\.html?$/.test(f) && (!only || only.test(f)))
  .sort();

const server = await startStaticServer(folder);
// Every request goes through this proxy, which passes the saved pages' server and refuses the rest.
const proxy = await startRecordingProxy(server.origin);
const wortlupe = await launchFirefox({ proxyPort: proxy.port });
const plain = await launchFirefox({ extension: false, proxyPort: proxy.port });

type Browser = typeof wortlupe;
const poll = async (ask: () => Promise<boolean>, ms: number): Promise<boolean> => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 50))) {
    if (await ask().catch(() => false)) return true;
  }
  return false;
};

/** One load; with the extension, captured once its scan has marked its end. */
async function load(firefox: Browser, url: string): Promise<{ state: PageState; scanned: boolean; errors: string[] }> {
  const raw = await firefox.browser.newPage();
  // Some saved pages call alert(): a dialog left open would stop every script of the page.
  raw.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  const page = wrapPuppeteer(raw);
  try {
    await page.goto(url).catch(() => {});
    // Over WebDriver BiDi, goto can return while the page is still loading (wordpress.html).
    await poll(() => page.evaluate(() => document.readyState === 'complete'), 20_000);
    const scanned = firefox === plain || (await poll(() => page.evaluate(() => performance.getEntriesByName('wortlupe:scan-complete').length > 0), 20_000));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))).catch(() => {});
    return { state: await page.evaluate(capture), scanned, errors: page.extensionErrors() };
  } finally {
    await raw.close().catch(() => {});
  }
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
let failures = 0;
let races = 0;
for (const file of pages) {
  const url = `${server.origin}/${encodeURIComponent(file)}`;
  const first = await load(wortlupe, url);
  const a = (await load(plain, url)).state;
  const b = (await load(plain, url)).state;
  const unstable = PAGE_STATE_KEYS.filter((key) => !same(a[key], b[key]));
  let differences = PAGE_STATE_KEYS.filter((key) => !unstable.includes(key) && !same(a[key], first.state[key]));
  const errors = [...first.errors];
  let raced: string[] = [];
  if (differences.length) {
    const again = await load(wortlupe, url);
    const without = (await load(plain, url)).state;
    errors.push(...again.errors);
    raced = differences.filter((key) => again.scanned && same(without[key], again.state[key]));
    differences = differences.filter((key) => !raced.includes(key));
  }
  const problems: string[] = [...differences];
  if (!first.scanned) problems.push('scan never completed');
  if (errors.length) problems.push(`errors: ${errors.join(' / ')}`);
  if (problems.length) failures++;
  if (raced.length) races++;
  const notes = [unstable.length ? `differs between two loads without Wortlupe: ${unstable.join(', ')}` : '', raced.length ? `the page's own race: ${raced.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}${problems.length ? `: ${problems.join(', ')}` : ''}${notes ? ` (${notes})` : ''}`);
}
await wortlupe.close();
await plain.close();
await proxy.close();
await server.close();
console.log(`\n${pages.length} pages in Firefox ESR, ${failures} with differences or errors, ${races} with a race of their own`);
process.exit(failures ? 1 : 0);
