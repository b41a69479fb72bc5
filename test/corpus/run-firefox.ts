// npm run test:corpus:firefox -- <folder of saved pages> [name pattern]
//
// The real-page comparison of run.ts, in Debian's Firefox ESR: every saved page loaded once with
// the built extension (dist/firefox) and twice without it, with the page's own scripts on, and what
// a reader or the page would notice compared (capture.ts). What already differs between the two
// loads without the extension (clocks, random ids) is reported, not compared. A difference is loaded
// again on both sides with care (the side without Wortlupe no sooner after its navigation than the
// side with it, both once the DOM has settled), twice at most; if they agree, or the side with the
// extension shows what the first two loads without it agreed on, the first load caught the page in
// a race of its own, and it is listed as such (races.ts). Also checks that the extension read every
// page to its end, that it logged no error in the page, and that it found something somewhere (a
// build that matched nothing would change nothing either). Exits 1 on any of these. A load that
// never finished loading is made once more (unfinished.ts), and the page's line says so.
//
// CI runs it after run.ts. That one also compares with page scripts off, and reads the extension's
// background errors too; here, page scripts are always on, as readers meet the pages.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { causedByProtocolError, launchFirefox, wrapPuppeteer } from '../e2e/support/firefox';
import { startRecordingProxy } from '../e2e/support/recording-proxy';
import { capture, PAGE_STATE_KEYS, SETTLED, type PageState } from './capture';
import { racedKeys, same, type Retry } from './races';
import { loadToEnd } from './unfinished';
import { startStaticServer } from './static-server';

const folder = resolve(process.argv[2] ?? '../shared/corpus/readability');
const only = process.argv[3] ? new RegExp(process.argv[3]) : undefined;
const pages = readdirSync(folder)
  .filter((f) => /\.html?$/.test(f) && (!only || only.test(f)))
  .sort();

const server = await startStaticServer(folder);
// Every request goes through this proxy, which passes the saved pages' server and refuses the rest.
const proxy = await startRecordingProxy(server.origin);
// Each call into a page gives up after 30 s instead of puppeteer's 180 s: a page that hangs fails
// alone, and the run goes on.
const wortlupe = await launchFirefox({ proxyPort: proxy.port, protocolTimeout: 30_000 });
const plain = await launchFirefox({ extension: false, proxyPort: proxy.port, protocolTimeout: 30_000 });
type Firefox = typeof wortlupe;

interface Loaded {
  state: PageState;
  /** The page reached readyState "complete". */
  complete: boolean;
  /** The extension marked the end of its scan (always true without it). */
  scanned: boolean;
  findings: number;
  errors: string[];
  /** From navigation to the end of the scan (or the load, without the extension). */
  readyMs: number;
}

const poll = async (ask: () => Promise<boolean>, ms: number): Promise<boolean> => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 50))) {
    if (await ask().catch(() => false)) return true;
  }
  return false;
};

/**
 * One load. `careful`: captured no sooner than `after` ms after navigation, and once the DOM has
 * settled. Now and then a new tab's realm is lost over BiDi and every call into it fails with a
 * protocol error (see firefox.ts): then the load is made again in a new tab.
 */
async function load(firefox: Firefox, url: string, careful?: { after: number }): Promise<Loaded> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadOnce(firefox, url, careful);
    } catch (error) {
      if (attempt === 3 || !causedByProtocolError(error)) throw error;
    }
  }
}

/** Pages one of whose loads never finished and was made again (unfinished.ts). */
const stalled: string[] = [];

async function loadOnce(firefox: Firefox, url: string, careful?: { after: number }): Promise<Loaded> {
  const raw = await firefox.browser.newPage();
  // Some saved pages call alert(): a dialog left open would stop every script of the page.
  raw.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  const page = wrapPuppeteer(raw);
  try {
    const start = Date.now();
    await page.goto(url).catch(() => {});
    // Over WebDriver BiDi, goto can return while the page is still loading (wordpress.html).
    const complete = await poll(() => page.evaluate(() => document.readyState === 'complete'), 20_000);
    const ours = firefox === wortlupe;
    const scanned = !ours || (await poll(() => page.evaluate(() => performance.getEntriesByName('wortlupe:scan-complete').length > 0), 20_000));
    const readyMs = Date.now() - start;
    if (careful) {
      const left = careful.after - (Date.now() - start);
      if (left > 0) await new Promise((wait) => setTimeout(wait, left));
      await page.evaluateScript(SETTLED);
    } else await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const findings = ours
      ? await page.evaluate(() => performance.getEntriesByName('wortlupe:scan').reduce((n, e) => n + (e as PerformanceMeasure).detail.findings, 0))
      : 0;
    return { state: await page.evaluate(capture), complete, scanned, findings, errors: page.extensionErrors(), readyMs };
  } finally {
    await raw.close().catch(() => {});
  }
}


/** What differs on one page (empty: nothing), and what was not compared or was a race of its own. */
async function check(url: string): Promise<{ problems: string[]; unstable: string[]; raced: string[]; stalls: string[]; findings: number }> {
  const stalls: string[] = [];
  const first = await loadToEnd(() => load(wortlupe, url), stalls, 'with Wortlupe');
  const a = await loadToEnd(() => load(plain, url), stalls, 'the first without');
  const b = await loadToEnd(() => load(plain, url), stalls, 'the second without');
  const unstable = PAGE_STATE_KEYS.filter((key) => !same(a.state[key], b.state[key]));
  const differences = PAGE_STATE_KEYS.filter((key) => !unstable.includes(key) && !same(a.state[key], first.state[key]));
  const errors = [...first.errors];
  const raced: string[] = [];
  const retries: Retry[] = [];
  for (let round = 0; round < 2 && differences.length; round++) {
    const again = await load(wortlupe, url, { after: 0 });
    errors.push(...again.errors);
    if (!again.scanned) break;
    retries.push({ withWortlupe: again.state, without: (await load(plain, url, { after: again.readyMs })).state });
    for (const key of racedKeys(differences, a.state, retries)) {
      differences.splice(differences.indexOf(key), 1);
      raced.push(key);
    }
  }
  const problems: string[] = [...differences];
  if (!first.complete || !a.complete || !b.complete) problems.push('the page never finished loading');
  if (!first.scanned) problems.push('scan never completed');
  if (errors.length) problems.push(`errors: ${errors.join(' / ')}`);
  return { problems, unstable, raced, stalls, findings: first.findings };
}

let failures = 0;
let races = 0;
let findings = 0;
let uncompared = 0;
for (const file of pages) {
  const url = `${server.origin}/${encodeURIComponent(file)}`;
  const result = await check(url).catch((error: Error) => ({
    problems: [`could not be checked: ${error.message.split('\n')[0]}`],
    unstable: [] as string[],
    raced: [] as string[],
    stalls: [] as string[],
    findings: 0,
  }));
  const { problems, unstable, raced, stalls } = result;
  if (stalls.length) stalled.push(file);
  findings += result.findings;
  if (problems.length) failures++;
  if (raced.length) races++;
  if (unstable.includes('dom') || unstable.includes('text')) uncompared++;
  const notes = [
    unstable.length ? `differs between two loads without Wortlupe: ${unstable.join(', ')}` : '',
    raced.length ? `the page's own race: ${raced.join(', ')}` : '',
    stalls.length ? `loaded again in a new tab, the first never finished loading: ${stalls.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file} (${result.findings} found)${problems.length ? `: ${problems.join(', ')}` : ''}${notes ? ` (${notes})` : ''}`);
}
// Checked over a whole folder only: a few pages picked by name may well hold no loaded term.
const foundNothing = !only && pages.length > 0 && findings === 0;
console.log(
  `\n${pages.length} pages in Firefox ESR, ${failures} with differences or errors, ${races} with a race of their own, ` +
    `${uncompared} whose text or DOM differs between loads without Wortlupe (not compared), ${findings} findings in all` +
    (foundNothing ? ': the extension found nothing on any page, so it was not matching' : ''),
);
if (stalled.length) console.log(`Pages with a load made again because the first never finished loading: ${stalled.join(', ')}`);
const code = failures || foundNothing ? 1 : 0;
// Closing a browser has hung before: the verdict is out, and stands.
setTimeout(() => process.exit(code), 15_000).unref();
await Promise.all([wortlupe.close(), plain.close(), proxy.close(), server.close()]).catch(() => {});
process.exit(code);
