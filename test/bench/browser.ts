// npm run bench [-- folder of saved pages]
//
// The extension as readers meet it: the built dist/chrome in Debian's Chromium (playwright-core),
// measured as ratios within one run so the numbers travel between machines:
//   - the scan work against a bare TreeWalker walk over the page's text,
//   - the extension's whole extra main-thread time (Chromium's TaskDuration, with minus without,
//     the median of three pairs of loads per run),
//   - mark.js markRegExp with the same terms (its main-thread time counted the same way),
//   - first highlights after DOMContentLoaded, the extension's longest task (from a trace of a load
//     of its own), dynamic pages, typing, memory, bundle size, and 10,000 generated rules against
//     the shipped lists.
// Medians over several runs. Prints a table and writes test/bench/RESULTS.md.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { compileTables, parseList, serializeTables, surfaceForms, type RuleList } from '../../src/core';
import { CHROME_DIST, launchChromium } from '../e2e/support/chromium';
import { generateRules } from './generate-rules';
import { heap, open, scanStats, taskDuration, tracedTasks } from './measure';
import { LONG_TASK_MS } from './tasks';
import { AD_SLOT, framesPage, moreParagraphs, newsPage, paragraphsPage } from './pages';

/** Runs of the generated pages. Their ratios are taken per run (the page with and without Wortlupe,
 * loaded back to back) and the median of those reported with their range: this machine's speed
 * drifts between runs by more than the differences measured. */
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const folder = process.argv[2] ? resolve(process.argv[2]) : undefined;

const lists = readdirSync('rules')
  .filter((f) => f.endsWith('.json'))
  .map((f) => (parseList(readFileSync(join('rules', f), 'utf8'), f) as { list: RuleList }).list);
const forms = lists.flatMap((l) => l.rules.flatMap((r) => surfaceForms(r) as string[]));
/** A regex for mark.js that finds any of `forms` as whole words (as Wortlupe matches them). */
const formsRegExp = (fs: string[]) =>
  `(?<![\\p{L}\\p{N}])(?:${fs.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`;
const markRegExpSource = formsRegExp(forms);
/** One regex per rule, as term highlighters drive mark.js: one pass over the page per term. */
const perRuleSources = lists.flatMap((l) => l.rules.map((r) => formsRegExp(surfaceForms(r) as string[])));
const markJs = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Pairs of loads (without, with Wortlupe) per run for the extra main-thread time. */
const EXTRA_PAIRS = 3;
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

// A tiny server for generated pages and saved ones.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
const generated = new Map<string, string>();
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const body = generated.get(path) ?? (folder && path.startsWith('/saved/') ? safeRead(join(folder, path.slice(7))) : undefined);
  if (body === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
});
function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const plain = await launchChromium({ extension: false });
const wortlupe = await launchChromium();
for (const b of [plain, wortlupe]) {
  await b.context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
}

/**
 * A bare TreeWalker walk reading every text node's value, in a fresh page: the first walk (what
 * reading the text costs once, as the extension has to) and the median of repeated walks (after
 * the browser has cached the text for script).
 */
function bareWalk(page: Page): Promise<{ first: number; warm: number }> {
  return page.evaluate(() => {
    const times: number[] = [];
    for (let r = 0; r < 7; r++) {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      while (walker.nextNode()) chars += walker.currentNode.nodeValue!.length;
      times.push(performance.now() - start + chars * 0);
    }
    return { first: times[0]!, warm: [...times].sort((a, b) => a - b)[3]! };
  });
}

/**
 * mark.js markRegExp over the page in a fresh load, once per source regex, counted as Wortlupe's
 * extra time is: Chromium's TaskDuration over the marking and the frames after it (the style,
 * layout and paint its inserted elements cause), less the same wait with nothing marked on the same
 * page. Also the time of the calls alone, as earlier runs reported it.
 */
async function markJsTime(url: string, sources: string[]): Promise<{ main: number; calls: number }> {
  const load = await open(plain.context, url, false);
  await load.page.addScriptTag({ content: markJs });
  const run = (all: string[]) =>
    load.page.evaluate(async (all) => {
      const start = performance.now();
      if (all.length) {
        const mark = new (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp): void } }).Mark(document.body);
        for (const source of all) mark.markRegExp(new RegExp(source, 'giu'));
      }
      const calls = performance.now() - start;
      // Two frames rendered with whatever changed, then a moment for late work.
      for (let f = 0; f < 2; f++) await new Promise((done) => requestAnimationFrame(done));
      await new Promise((done) => setTimeout(done, 100));
      return calls;
    }, all);
  const t0 = await taskDuration(load);
  await run([]);
  const t1 = await taskDuration(load);
  const calls = await run(sources);
  const t2 = await taskDuration(load);
  await load.page.close();
  return { main: t2 - t1 - (t1 - t0), calls };
}

/**
 * The whole comparison on one page; medians over `runs`. `pairs`: pairs of loads per run for the
 * extra main-thread time (only the news page reports it; other pages load once per run). `traced`:
 * one more load per run, traced, for the extension's longest task (see tasks.ts).
 */
async function measurePage(url: string, runs: number, withMark: boolean, pairs = 1, traced = false) {
  const work: number[] = [];
  const walk: number[] = [];
  const warmWalk: number[] = [];
  const extra: number[] = [];
  const longest: number[] = [];
  const longestTask: number[] = [];
  let madeLong = 0;
  const first: number[] = [];
  const all: number[] = [];
  const afterPaint: number[] = [];
  const mark: number[] = [];
  const markCalls: number[] = [];
  const markPerRule: number[] = [];
  const evaluate: number[] = [];
  const unpack: number[] = [];
  const injected: number[] = [];
  const firstSlice: number[] = [];
  /** Per run: scan work and extra time over that run's walk, mark.js over that run's extra time. */
  const workRatio: number[] = [];
  const extraRatio: number[] = [];
  const markRatio: number[] = [];
  const markPerRuleRatio: number[] = [];
  let findings = 0;
  let chars = 0;
  for (let r = 0; r < runs; r++) {
    // The extra time is the difference of two page loads of a few hundred milliseconds each, which
    // scatter by tens of milliseconds (single pairs gave −5× to 23× the walk in one run): each run
    // takes the median over three pairs of loads. The last pair stays open for the other measures.
    const extras: number[] = [];
    let without = await open(plain.context, url, false);
    let withExt = await open(wortlupe.context, url, true);
    for (let pair = 0; ; pair++) {
      // Read before anything else runs in either page: the bare walk below is the bench's own work
      // on the page without Wortlupe and would otherwise be subtracted from Wortlupe's time.
      extras.push((await taskDuration(withExt)) - (await taskDuration(without)));
      if (pair === pairs - 1) break;
      await without.page.close();
      await withExt.page.close();
      without = await open(plain.context, url, false);
      withExt = await open(wortlupe.context, url, true);
    }
    extra.push(median(extras));
    const walked = await bareWalk(without.page);
    walk.push(walked.first);
    warmWalk.push(walked.warm);
    const stats = await scanStats(withExt.page);
    work.push(stats.work);
    longest.push(stats.longest);
    first.push(stats.firstAfterDcl);
    all.push(stats.allAfterDcl);
    afterPaint.push(stats.firstAfterPaint);
    evaluate.push(stats.evaluate);
    unpack.push(stats.unpack);
    injected.push(stats.injected);
    firstSlice.push(stats.firstSlice);
    findings = stats.findings;
    chars = await without.page.evaluate(() => document.body.innerText.length);
    await without.page.close();
    await withExt.page.close();
    if (withMark) {
      const marked = await markJsTime(url, [markRegExpSource]);
      mark.push(marked.main);
      markCalls.push(marked.calls);
    }
    // One pass per rule takes seconds: a third of the runs.
    if (withMark && r % 3 === 0) markPerRule.push((await markJsTime(url, perRuleSources)).main);
    if (traced) {
      const tasks = await tracedTasks(wortlupe.context, url, wortlupe.extensionBase);
      longestTask.push(tasks.longest);
      madeLong += tasks.madeLong;
    }
    workRatio.push(work.at(-1)! / walk.at(-1)!);
    extraRatio.push(extra.at(-1)! / walk.at(-1)!);
    if (withMark) markRatio.push(mark.at(-1)! / extra.at(-1)!);
    if (withMark && r % 3 === 0) markPerRuleRatio.push(markPerRule.at(-1)! / extra.at(-1)!);
  }
  return {
    chars,
    findings,
    walk: median(walk),
    warmWalk: median(warmWalk),
    work: median(work),
    extra: median(extra),
    longest: Math.max(...longest),
    longestTask: traced ? Math.max(...longestTask) : NaN,
    madeLong,
    first: median(first),
    all: median(all),
    afterPaint: median(afterPaint),
    mark: withMark ? median(mark) : NaN,
    markCalls: withMark ? median(markCalls) : NaN,
    markPerRule: withMark ? median(markPerRule) : NaN,
    evaluate: median(evaluate),
    unpack: median(unpack),
    injected: median(injected),
    firstSlice: median(firstSlice),
    workRatio: spread(workRatio),
    extraRatio: spread(extraRatio),
    markRatio: spread(markRatio),
    markPerRuleRatio: spread(markPerRuleRatio),
  };
}

/** The median of per-run ratios, and their range. */
function spread(xs: number[]): { median: number; min: number; max: number } {
  return { median: xs.length ? median(xs) : NaN, min: Math.min(...xs), max: Math.max(...xs) };
}
const range = (r: { min: number; max: number }, digits = 1) => `(runs ${fmt(r.min, digits)}–${fmt(r.max, digits)})`;

/** Replace the enabled lists' compiled matcher with one for `list` (from an extension page). */
async function useMatcher(list: RuleList[]): Promise<void> {
  const page = await wortlupe.context.newPage();
  await page.goto(`${wortlupe.extensionBase}src/options/index.html`);
  const compiled = serializeTables(compileTables(list));
  await page.evaluate(
    (value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ compiledMatcher: value }),
    compiled,
  );
  await page.close();
}

const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

// 1. The 600 KB German news page.
generated.set('/news.html', newsPage(600_000));
const news = await measurePage(`${origin}/news.html`, RUNS, true, EXTRA_PAIRS, true);
const memWithout = await open(plain.context, `${origin}/news.html`, false);
const memWith = await open(wortlupe.context, `${origin}/news.html`, true);
const heapAdded = (await heap(memWith)) - (await heap(memWithout));
await memWith.page.close();
await memWithout.page.close();

// 2. 10,000 generated rules on the same page.
await useMatcher([generateRules(10_000)]);
const big = await measurePage(`${origin}/news.html`, RUNS, false);
await useMatcher(lists);

// 3. Dynamic pages.
async function dynamic(paragraphs: number) {
  generated.set(`/paragraphs-${paragraphs}.html`, paragraphsPage(paragraphs));
  const load = await open(wortlupe.context, `${origin}/paragraphs-${paragraphs}.html`, true);
  const page = load.page;
  const count = () => page.evaluate(() => performance.getEntriesByName('wortlupe:scan').length);
  const passesSince = (n: number) =>
    page.evaluate((from) => (performance.getEntriesByName('wortlupe:scan') as PerformanceMeasure[]).slice(from).map((p) => ({ d: p.duration, ...p.detail })), n);
  // Append 100 paragraphs.
  let before = await count();
  await page.evaluate((texts) => {
    const main = document.getElementById('main')!;
    for (const t of texts) {
      const p = document.createElement('p');
      p.textContent = t;
      main.append(p);
    }
  }, moreParagraphs(100, paragraphs));
  await page.waitForFunction((n) => performance.getEntriesByName('wortlupe:scan').length > n, before, { polling: 50 });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const appended = await passesSince(before);
  // Change one word.
  before = await count();
  await page.evaluate(() => {
    const t = document.getElementById('p5')!.firstChild as Text;
    t.data = t.data.replace(/\S+$/, 'geändert.');
  });
  await page.waitForFunction((n) => performance.getEntriesByName('wortlupe:scan').length > n, before, { polling: 50 });
  const changed = await passesSince(before);
  // Type into the textarea.
  before = await count();
  await page.click('#box');
  await page.keyboard.type('Ein Leserkommentar über Kanonenfutter und die Spezialoperation.', { delay: 5 });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  const typing = await passesSince(before);
  await page.close();
  const sum = (ps: { d: number; textChars: number }[], key: 'd' | 'textChars') => ps.reduce((n, p) => n + p[key], 0);
  return {
    appendMs: sum(appended, 'd'),
    appendChars: sum(appended, 'textChars'),
    changeChars: sum(changed, 'textChars'),
    changeMs: sum(changed, 'd'),
    typingPasses: typing.length,
  };
}
const dyn1k = await dynamic(1_000);
const dyn10k = await dynamic(10_000);

// 4. Frames with nothing to read (empty frames and ad slots): what each costs the page. Extra
// main-thread time is the difference of Chromium's TaskDuration with and without the extension,
// whose frames run in the page's renderer, like the content script of the page itself.
const FRAMES = 10;
generated.set('/slot.html', AD_SLOT);
generated.set('/frames-0.html', framesPage(0, '/slot.html'));
generated.set(`/frames-${FRAMES}.html`, framesPage(FRAMES, '/slot.html'));
async function extraTime(url: string): Promise<{ extra: number; heap: number }> {
  const extra: number[] = [];
  const heaps: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const withIt = await open(wortlupe.context, url, true);
    const without = await open(plain.context, url, false);
    extra.push((await taskDuration(withIt)) - (await taskDuration(without)));
    heaps.push((await heap(withIt)) - (await heap(without)));
    await withIt.page.close();
    await without.page.close();
  }
  return { extra: median(extra), heap: median(heaps) };
}
const noFrames = await extraTime(`${origin}/frames-0.html`);
const withFrames = await extraTime(`${origin}/frames-${FRAMES}.html`);

// 5. Saved pages.
const savedRows: {
  name: string;
  chars: number;
  walk: number;
  warmWalk: number;
  work: number;
  longest: number;
  longestTask: number;
  madeLong: number;
  first: number;
  afterPaint: number;
  findings: number;
  injected: number;
  evaluate: number;
  unpack: number;
  firstSlice: number;
}[] = [];
if (folder) {
  const files = readdirSync(folder).filter((f) => /\.html?$/.test(f)).sort();
  for (const f of files) {
    const r = await measurePage(`${origin}/saved/${encodeURIComponent(f)}`, 1, false, 1, true);
    savedRows.push({ name: f, ...r });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
}

const bundle = readFileSync(join(CHROME_DIST, 'src/content/index.js'));
const chromiumVersion = execSync(`${process.env.CHROME_PATH ?? '/usr/bin/chromium'} --version`).toString().trim();
await wortlupe.close();
await plain.close();
server.close();

const ok = (pass: boolean) => (pass ? 'met' : '**not met**');
out('# Browser benchmark results');
out();
out(`Last run: ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${chromiumVersion}, ` +
  `medians of ${RUNS} runs; ratios are medians of per-run ratios, with their range. Reproduce: \`npm run bench -- ../shared/corpus/readability\`.`);
out();
out(`## A German news page (${Math.round(news.chars / 1000)} K characters of text, ${news.findings} findings), all shipped lists (${lists.reduce((n, l) => n + l.rules.length, 0)} rules)`);
out();
out('| measure | ms | ratio | target |');
out('|---|---:|---:|---|');
out(`| bare TreeWalker walk over the text, first read (the baseline) | ${fmt(news.walk)} | 1 | |`);
out(`| bare TreeWalker walk, repeated (text already cached for script) | ${fmt(news.warmWalk, 2)} | ${fmt(news.warmWalk / news.walk, 2)}× | |`);
out(`| Wortlupe scan work (all \`wortlupe:scan\` passes) | ${fmt(news.work)} | ${fmt(news.workRatio.median)}× walk ${range(news.workRatio)} | ≤ 4×: ${ok(news.workRatio.median <= 4)} |`);
out(`| Wortlupe extra main-thread time (TaskDuration with − without, median of ${EXTRA_PAIRS} pairs of loads per run) | ${fmt(news.extra)} | ${fmt(news.extraRatio.median)}× walk ${range(news.extraRatio)} | ≤ 10×: ${ok(news.extraRatio.median <= 10)} |`);
out(`| mark.js markRegExp, one regex of all ${forms.length} forms: main-thread time (TaskDuration over the calls and the frames after them, less the same wait unmarked) | ${fmt(news.mark)} | ${fmt(news.markRatio.median, 0)}× Wortlupe ${range(news.markRatio, 0)} | ≥ 30× more: ${ok(news.markRatio.median >= 30)} |`);
out(`| mark.js markRegExp, one regex: the calls alone (how runs before 2026-11-27 counted it) | ${fmt(news.markCalls)} | | |`);
out(`| mark.js markRegExp once per rule (${perRuleSources.length} passes, as term highlighters use it) | ${fmt(news.markPerRule, 0)} | ${fmt(news.markPerRuleRatio.median, 0)}× Wortlupe ${range(news.markPerRuleRatio, 0)} | ≥ 30× more: ${ok(news.markPerRuleRatio.median >= 30)} |`);
out(`| first highlights (the first screen painted) after DOMContentLoaded | ${fmt(news.first)} | | ≤ 100 ms: ${ok(news.first <= 100)} |`);
out(`| first highlights after the page's first contentful paint | ${fmt(news.afterPaint)} | | (the first layout of this long page comes after DOMContentLoaded) |`);
out(`| the whole page read and painted, after DOMContentLoaded | ${fmt(news.all)} | | the rest in idle time |`);
out(`| content script start-up: evaluating the bundle | ${fmt(news.evaluate)} | | report |`);
out(`| content script start-up: from its first line to an unpacked matcher | ${fmt(news.unpack)} | | report (waiting for the storage read, started when the DOM was complete, and one pause for the browser's own work included) |`);
out(`| longest task of the extension's own (traced load: evaluating the bundle, unpacking, a scan pass; the longest of ${RUNS} loads) | ${fmt(news.longestTask)} | | ≤ ${LONG_TASK_MS} ms: ${ok(news.longestTask <= LONG_TASK_MS)} |`);
out(`| tasks longer than ${LONG_TASK_MS} ms that would not be without the extension's time in them, its own included (${RUNS} traced loads) | ${news.madeLong} | | 0: ${ok(news.madeLong === 0)} |`);
out(`| longest scan pass (its own measure; how runs before 2026-11-28 counted the longest task) | ${fmt(news.longest)} | | |`);
out(`| 10,000 generated rules, scan work | ${fmt(big.work)} | ${fmt(big.work / news.work, 2)}× shipped | ≤ 2×: ${ok(big.work / news.work <= 2)} |`);
out(`| heap the extension adds on this page | ${fmt(heapAdded / 1e6)} MB | | report |`);
out(`| content script bundle | ${fmt(bundle.length / 1024)} KB (${fmt(gzipSync(bundle).length / 1024)} KB gzip), no UI library | | report |`);
out();
out('## Dynamic pages');
out();
out('| scenario | 1,000 paragraphs | 10,000 paragraphs | target |');
out('|---|---:|---:|---|');
out(`| append 100 paragraphs: characters scanned | ${dyn1k.appendChars} | ${dyn10k.appendChars} | the new text only |`);
out(`| append 100 paragraphs: scan time, ms | ${fmt(dyn1k.appendMs, 2)} | ${fmt(dyn10k.appendMs, 2)} | independent of page size |`);
out(`| change one word: characters scanned | ${dyn1k.changeChars} | ${dyn10k.changeChars} | one paragraph, never the page |`);
out(`| type 64 characters into a textarea: scan passes | ${dyn1k.typingPasses} | ${dyn10k.typingPasses} | 0: ${ok(dyn10k.typingPasses === 0)} |`);
out();
out('## Frames with nothing to read');
out();
out(`A short article alone, and with ${FRAMES} frames that have nothing to read (half empty, half an ad slot: an image in a link); medians of ${RUNS} pairs of loads. A frame waits for text before it reads the matcher.`);
out();
out('| measure | article alone | with the frames | per frame |');
out('|---|---:|---:|---:|');
out(`| extra main-thread time (TaskDuration with − without), ms | ${fmt(noFrames.extra)} | ${fmt(withFrames.extra)} | ${fmt((withFrames.extra - noFrames.extra) / FRAMES)} |`);
out(`| heap the extension adds, MB | ${fmt(noFrames.heap / 1e6, 2)} | ${fmt(withFrames.heap / 1e6, 2)} | ${fmt((withFrames.heap - noFrames.heap) / 1e6 / FRAMES, 2)} |`);
if (savedRows.length) {
  const worst = savedRows.reduce((a, b) => (b.longestTask > a.longestTask ? b : a));
  const worstPass = savedRows.reduce((a, b) => (b.longest > a.longest ? b : a));
  const madeLong = savedRows.filter((r) => r.madeLong > 0);
  const slowestFirst = savedRows.reduce((a, b) => (b.first > a.first ? b : a));
  out();
  out(`## ${savedRows.length} saved pages (${folder})`);
  out();
  out(`Longest task of the extension's own on any page (one traced load each): ${fmt(worst.longestTask)} ms (${worst.name}); ` +
    `pages where it made one of the page's tasks longer than ${LONG_TASK_MS} ms: ${madeLong.length}${madeLong.length ? ` (${madeLong.map((r) => r.name).join(', ')})` : ''}; ` +
    `target none over ${LONG_TASK_MS} ms: ${ok(worst.longestTask <= LONG_TASK_MS && madeLong.length === 0)}. Longest scan pass: ${fmt(worstPass.longest)} ms (${worstPass.name}).`);
  out(`Median scan work / bare walk: ${fmt(median(savedRows.map((r) => r.work / r.walk)))}×. ` +
    `First highlights after DOMContentLoaded: median ${fmt(median(savedRows.map((r) => r.first)))} ms, ` +
    `${savedRows.filter((r) => r.first <= 100).length} of ${savedRows.length} pages within 100 ms, slowest ${fmt(slowestFirst.first)} ms (${slowestFirst.name}).`);
  const late = savedRows.filter((r) => r.first > 100);
  const parts = (rows: typeof savedRows) =>
    `the script starts ${fmt(median(rows.map((r) => r.injected)))} ms after DOMContentLoaded, evaluates in ${fmt(median(rows.map((r) => r.evaluate)))} ms, ` +
    `has the stored matcher read and unpacked ${fmt(median(rows.map((r) => r.unpack)))} ms later and scans its first slice in ${fmt(median(rows.map((r) => r.firstSlice)))} ms (the first screen may take more than one slice)`;
  out(`Where the time to the first highlights goes (medians; Chromium runs the content script when the page's own work allows, ` +
    `and unpacking includes what is left of the storage read started when the DOM was complete): over all pages, ${parts(savedRows)}` +
    (late.length ? `; over the ${late.length} pages above 100 ms, ${parts(late)}.` : '.'));
  if (late.length) {
    out();
    out('The pages above 100 ms, one load each (what Wortlupe spends is from its start to the first screen painted):');
    out();
    out('| page | K chars | script starts after DCL ms | evaluate ms | read + unpack ms | first slice ms | first after DCL ms | of which after the script started |');
    out('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of [...late].sort((a, b) => b.first - a.first)) {
      out(`| ${r.name} | ${fmt(r.chars / 1000)} | ${fmt(r.injected)} | ${fmt(r.evaluate)} | ${fmt(r.unpack)} | ${fmt(r.firstSlice)} | ${fmt(r.first)} | ${fmt(r.first - r.injected)} |`);
    }
  }
  out();
  out('The ten largest pages:');
  out();
  out('| page | K chars | walk ms | scan ms | ratio | longest task ms | longest pass ms | first after DCL ms | findings |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of [...savedRows].sort((a, b) => b.chars - a.chars).slice(0, 10)) {
    out(`| ${r.name} | ${fmt(r.chars / 1000)} | ${fmt(r.walk, 2)} | ${fmt(r.work, 2)} | ${fmt(r.work / r.walk)}× | ${fmt(r.longestTask)} | ${fmt(r.longest, 2)} | ${fmt(r.first)} | ${r.findings} |`);
  }
}
writeFileSync('test/bench/RESULTS.md', lines.join('\n') + '\n');
console.log('\nwrote test/bench/RESULTS.md');

