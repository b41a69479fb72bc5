// npm run test:corpus -- <folder of saved pages>
//
// Loads every saved page in a folder twice in Debian's Chromium, once with the built extension and
// once without, and compares what a reader and the page would notice: visible text, form values,
// focus, selection, scroll position, and the DOM itself. Also checks that the extension scanned the
// page and raised no error. Prints a table; exits 1 on any difference.
//
// Pages are served from 127.0.0.1 and every other request is refused (no network). Each page is
// checked twice: with its own scripts running, where two loads without the extension are compared
// first and what already differs between them (clocks, random ids) is reported, not compared, and a
// difference is loaded again with care before it counts, in case it was the page's own race (see
// check()); and with its scripts off, where everything is compared.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { capture, PAGE_STATE_KEYS, SETTLED, type PageState } from './capture';
import { racedKeys, same, type Retry } from './races';
import { startStaticServer } from './static-server';

const folder = resolve(process.argv[2] ?? '../shared/corpus/readability');
const only = process.argv[3] ? new RegExp(process.argv[3]) : undefined;
const pages = readdirSync(folder)
  .filter((f) => /\.html?$/.test(f) && (!only || only.test(f)))
  .sort();

async function offline(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
}

/**
 * Whether the scan marked its end within `ms`. Asked from here, not with waitForFunction: with page
 * scripts off, the page's timers (which waitForFunction polls with) never fire, while the content
 * script's own idle callbacks do.
 */
async function scanCompleted(page: Page, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await page.evaluate(() => performance.getEntriesByName('wortlupe:scan-complete').length > 0)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

async function load(page: Page, url: string, scripts: boolean): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => page.waitForLoadState('domcontentloaded'));
  // Let the page's own scripts settle a little, the same way for every load. (With page scripts off
  // there is nothing to settle, and animation-frame callbacks never run.)
  if (scripts) await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const server = await startStaticServer(folder);
// Each page runs twice: with its own scripts (as readers meet it) and without (a deterministic DOM,
// so every part can be compared even where the page's scripts change things from load to load).
const modes = await Promise.all(
  [true, false].map(async (javaScript) => {
    const plain = await launchChromium({ extension: false, javaScript });
    const wortlupe = await launchChromium({ javaScript });
    await offline(plain.context, server.origin);
    await offline(wortlupe.context, server.origin);
    // Developer mode makes Chromium collect the extension's runtime errors, content scripts included.
    const admin = await wortlupe.context.newPage();
    await admin.goto('chrome://extensions');
    await admin.evaluate(() => (globalThis as any).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
    return { javaScript, plain, wortlupe, admin };
  }),
);

interface Outcome {
  passes: { textChars: number; blocks: number; findings: number }[];
  differences: string[];
  /** Parts that differ between the two loads without Wortlupe (not compared). */
  unstable: string[];
  /** Parts that differed once, from a race of the page's own (see check()). */
  raced: string[];
  ms: number;
}

type Mode = (typeof modes)[number];
const KEYS = PAGE_STATE_KEYS;

async function check(mode: Mode, url: string): Promise<Outcome> {
  const first = await loadWith(mode, url);
  const { passes, ms } = first;
  const errors = [...first.errors];
  const a = await loadWithout(mode, url);
  const b = mode.javaScript ? await loadWithout(mode, url) : a;

  const differences: (typeof KEYS)[number][] = [];
  const unstable: string[] = [];
  for (const key of KEYS) {
    if (!same(a[key], b[key])) unstable.push(key);
    else if (!same(a[key], first.state[key])) differences.push(key);
  }
  // A page whose scripts race the network, the clock or its own parsing can agree with itself twice
  // by chance. Seen in CI: an anti-adblock probe whose bait element lives 300 ms around the load
  // event, and an autofocus that scrolls before the page is long enough to scroll all the way (1
  // load in 12 without Wortlupe). So a difference with page scripts on is looked at again: both
  // sides are loaded once more and captured with care (the one without Wortlupe no sooner after its
  // navigation than the one with it; both once the DOM has settled). If they agree, or the one with
  // Wortlupe shows what the first two loads without it agreed on, the first load with Wortlupe
  // caught the page mid-race, and it is listed as such; two tries (see races.ts). What Wortlupe
  // itself changes shows in every load with it. Limits: a change Wortlupe made only now and then,
  // or one the page's own scripts undo within two seconds, could pass as a race; it is listed.
  const raced: string[] = [];
  const retries: Retry[] = [];
  for (let round = 0; mode.javaScript && round < 2 && differences.length; round++) {
    // A retry that could not be made or did not scan to the end decides nothing: the difference stands.
    try {
      const again = await loadWith(mode, url, true);
      errors.push(...again.errors);
      if (!again.scanned) break;
      retries.push({ withWortlupe: again.state, without: await loadWithout(mode, url, { after: again.readyMs }) });
    } catch {
      break;
    }
    for (const key of racedKeys(differences, a, retries)) {
      differences.splice(differences.indexOf(key), 1);
      raced.push(`${key}${shown(a[key], first.state[key])}`);
    }
  }
  if (differences.length && process.env.WORTLUPE_CORPUS_DUMP) dump(url, mode.javaScript, { without: a, without2: b, with: first.state });
  const described = differences.map((key) => `${key}${shown(a[key], first.state[key])}`);
  if (!first.scanned) described.push('scan never completed');
  if (errors.length) described.push(`errors: ${errors.join(' / ')}`);
  return { passes, differences: described, unstable, raced, ms };
}

/**
 * One load with Wortlupe, captured once its scan has completed (and, if `settled`, the DOM has
 * settled too). readyMs: from navigation to the scan's end and the idle period after it.
 */
async function loadWith(mode: Mode, url: string, settled = false) {
  const page = await mode.wortlupe.context.newPage();
  try {
    const errors: string[] = [];
    const ours = (source: string) => source.startsWith(mode.wortlupe.extensionBase);
    page.on('console', (m) => m.type() === 'error' && ours(m.location().url) && errors.push(m.text()));
    page.on('pageerror', (e) => (e.stack ?? '').includes(mode.wortlupe.extensionBase) && errors.push(e.message));
    const start = Date.now();
    await load(page, url, mode.javaScript);
    // Compared only once the whole page has been matched (the scan's last idle-time slice marks
    // 'wortlupe:scan-complete') and, with page scripts on, the page has been idle once more, so
    // passes after changes the page makes count too. (With page scripts off nothing changes the page
    // after the scan, and no callback of the page's world would run.)
    const scanned = await scanCompleted(page, 20_000)
      .then(async (done) => {
        if (done && mode.javaScript) await idle(page);
        return done;
      })
      .catch(() => false);
    const readyMs = Date.now() - start;
    if (scanned && settled) await settle(page);
    const passes = await page.evaluate(() => performance.getEntriesByName('wortlupe:scan').map((e) => (e as PerformanceMeasure).detail));
    const state = await page.evaluate(capture);
    return { state, passes, scanned, errors, ms: Date.now() - start, readyMs };
  } finally {
    await page.close();
  }
}

/**
 * One load without Wortlupe. With care (page scripts on): captured no sooner than `after` ms after
 * its navigation, then one idle period, then once the DOM has settled, like its partner with Wortlupe.
 */
async function loadWithout(mode: Mode, url: string, careful?: { after: number }): Promise<PageState> {
  const page = await mode.plain.context.newPage();
  try {
    const begun = Date.now();
    await load(page, url, mode.javaScript);
    if (careful) {
      const left = careful.after - (Date.now() - begun);
      if (left > 0) await page.waitForTimeout(left);
      await idle(page);
      await settle(page);
    }
    return await page.evaluate(capture);
  } finally {
    await page.close();
  }
}

/** WORTLUPE_CORPUS_DUMP=<folder>: what was captured, for a page that differs, to diff by hand. */
function dump(url: string, scripts: boolean, states: Record<string, PageState>): void {
  const folder = process.env.WORTLUPE_CORPUS_DUMP!;
  mkdirSync(folder, { recursive: true });
  const name = `${decodeURIComponent(url.split('/').pop()!)}.scripts-${scripts ? 'on' : 'off'}`;
  for (const [side, state] of Object.entries(states)) {
    for (const [key, value] of Object.entries(state)) writeFileSync(join(folder, `${name}.${side}.${key}.txt`), String(typeof value === 'string' ? value : JSON.stringify(value)));
  }
}

/** One more idle period of the page (a page whose scripts are off never gets one: not called then). */
async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 1000 })));
}

/** Until the page's DOM has settled (see SETTLED). Page scripts on only. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(SETTLED);
}

/** The two values, when they are short enough to read in a table row (scroll, focus, selection). */
function shown(without: unknown, withWortlupe: unknown): string {
  const [x, y] = [JSON.stringify(without), JSON.stringify(withWortlupe)];
  return x.length + y.length <= 160 ? ` (${x} without Wortlupe, ${y} with it)` : '';
}

const rows: string[][] = [];
let failures = 0;
let races = 0;
/** A table cell: values such as a selection ("text|0|0") must not split the row. */
const cell = (text: string) => text.replaceAll('|', '\\|');
for (const file of pages) {
  const url = `${server.origin}/${encodeURIComponent(file)}`;
  const [withScripts, withoutScripts] = await Promise.all(modes.map((mode) => check(mode, url)));
  const differences = [
    ...withScripts!.differences.map((d) => `${d} (page scripts on)`),
    ...withoutScripts!.differences.map((d) => `${d} (page scripts off)`),
  ];
  const { passes } = withScripts!;
  if (differences.length) failures++;
  const raced = [...withScripts!.raced, ...withoutScripts!.raced];
  if (raced.length) races++;
  rows.push([
    file,
    String(passes.length),
    String(passes.reduce((n, p) => n + p.textChars, 0)),
    String(passes.reduce((n, p) => n + p.findings, 0)),
    String(withScripts!.ms),
    differences.length ? `FAIL ${differences.join(', ')}` : 'ok',
    withScripts!.unstable.join(', '),
    raced.join(', '),
  ]);
  console.log(`${differences.length ? 'FAIL' : 'ok  '} ${file}${differences.length ? `: ${differences.join(', ')}` : ''}`);
}

let runtimeErrors: string[] = [];
for (const mode of modes) {
  runtimeErrors = runtimeErrors.concat(
    await mode.admin.evaluate(async () => {
      const infos = await (globalThis as any).chrome.developerPrivate.getExtensionsInfo();
      return infos
        .filter((e: { name: string }) => e.name === 'Wortlupe')
        .flatMap((e: { runtimeErrors: { message: string }[] }) => e.runtimeErrors.map((r) => r.message));
    }),
  );
  await mode.wortlupe.close();
  await mode.plain.close();
}
await server.close();

console.log(
  `\n| page | scan passes | characters | findings | ms | result | differs between two loads without Wortlupe (page scripts on) | differed once, the page's own race (first loads' values) |`,
);
console.log('|---|---:|---:|---:|---:|---|---|---|');
for (const row of rows) console.log(`| ${row.map(cell).join(' | ')} |`);
console.log(
  `\n${pages.length} pages, ${failures} with differences, ${races} with a race of their own, ${runtimeErrors.length} extension runtime errors` +
    (runtimeErrors.length ? `:\n  ${runtimeErrors.join('\n  ')}` : ''),
);
process.exitCode = failures || runtimeErrors.length ? 1 : 0;
