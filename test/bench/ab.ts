// npm run bench:ab -- <build A> <build B> [loads] [news|frames]
//
// Two builds of dist/chrome (copy one aside, change, build again) loaded alternately on the bench's
// 621 K-character news page (or, with "frames", its short article with ten frames that have
// nothing to read: there the page's main-thread time is what to compare), in two browsers side by
// side. This machine's speed drifts between runs
// by more than most changes measured; alternating loads in one run is how a change is told from
// that drift. Prints, per build, the median and the minimum of: scan work, the content script's
// evaluation and unpacking, first highlights after the page's first paint, and the page's whole
// main-thread time (TaskDuration); and per pair of loads next to each other, B − A: its median, and
// in how many pairs B took less (a sign test: drift moves both loads of a pair alike).
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../e2e/support/chromium';
import { open, scanStats, taskDuration } from './measure';
import { AD_SLOT, framesPage, newsPage } from './pages';

const [a, b] = process.argv.slice(2, 4).map((dir) => resolve(dir));
const LOADS = Number(process.argv[4] ?? 12);
const PAGE = process.argv[5] ?? 'news';
if (!a || !b || !['news', 'frames'].includes(PAGE)) {
  console.error('usage: npm run bench:ab -- <dist A> <dist B> [loads] [news|frames]');
  process.exit(2);
}

const html = PAGE === 'frames' ? framesPage(10, '/slot.html') : newsPage(600_000);
const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/slot.html' ? AD_SLOT : html));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const launch = (dist: string) =>
  chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wortlupe-ab-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...QUIET_FLAGS],
  });
const builds: Record<'A' | 'B', BrowserContext> = { A: await launch(a), B: await launch(b) };
const results: Record<'A' | 'B', Record<string, number[]>> = { A: {}, B: {} };

async function measure(context: BrowserContext): Promise<Record<string, number>> {
  const load = await open(context, url, true);
  const stats = await scanStats(load.page);
  const row = {
    'scan work': stats.work,
    evaluate: stats.evaluate,
    unpack: stats.unpack,
    'first highlights after first paint': stats.firstAfterPaint,
    'page main-thread time': await taskDuration(load),
  };
  await load.page.close();
  return row;
}

// One warm-up load each (the background compiles and publishes the lists), then alternate A/B and B/A.
for (let run = 0; run <= LOADS; run++) {
  for (const name of run % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
    const row = await measure(builds[name]);
    if (run > 0) for (const [key, value] of Object.entries(row)) (results[name][key] ??= []).push(value);
  }
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
console.log(`A: ${a}\nB: ${b}\n${LOADS} loads each, alternating\n`);
console.log('| ms | A median | B median | A min | B min | B − A, median of pairs | pairs where B took less |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const key of Object.keys(results.A)) {
  const [x, y] = [results.A[key]!.filter(Number.isFinite), results.B[key]!.filter(Number.isFinite)];
  const pairs = results.A[key]!.map((value, i) => results.B[key]![i]! - value).filter(Number.isFinite);
  const less = pairs.filter((d) => d < 0).length;
  console.log(
    `| ${key} | ${fmt(median(x))} | ${fmt(median(y))} | ${fmt(Math.min(...x))} | ${fmt(Math.min(...y))} | ${fmt(median(pairs))} | ${less} of ${pairs.length} |`,
  );
}
await builds.A.close();
await builds.B.close();
server.close();
