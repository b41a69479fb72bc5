// `npm start` opens Chromium with the extension on the demo page. Run headless here and inspected over CDP.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM, QUIET_FLAGS } from './support/chromium';
import { allFlagged } from './support/in-page';

it('npm start serves the demo page and opens Chromium with Wortlupe flagging it', async () => {
  // Its own process group, so the browser it starts goes down with it whatever happens.
  const child = spawn('npx', ['tsx', 'src/dev/start.ts', '--headless'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const onData = (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /DevTools listening on (ws:\S+)/.exec(seen);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${seen}`)));
    });
    const browser = await chromium.connectOverCDP(endpoint);
    const page = await new Promise<import('playwright-core').Page>((resolve) => {
      const find = () => browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('http://127.0.0.1'));
      const ready = find();
      if (ready) return resolve(ready);
      browser.contexts()[0]!.on('page', () => find() && resolve(find()!));
    });
    // Should this time out, say what the page had: whether Wortlupe ran there at all, and how far it got.
    // The whole page read: what lies below the first screen is painted when the scan ends (seen
    // once: the English half not yet painted when the first German highlights were there).
    const read = () => performance.getEntriesByName('wortlupe:scan-complete').length > 0 && CSS.highlights.get('wortlupe-ul-s2')?.size;
    await page.waitForFunction(read, null, { timeout: 10_000, polling: 50 }).catch(async (error: Error) => {
      const seen = await page.evaluate(() => ({
        marks: performance.getEntriesByType('mark').map((m) => m.name),
        passes: performance.getEntriesByName('wortlupe:scan').length,
        highlights: [...CSS.highlights.keys()],
      }));
      throw new Error(`${error.message}\nthe page had: ${JSON.stringify(seen)}`);
    });
    // The browser has just installed Wortlupe: the page's first scan may come before the background's
    // first publish, and the publish reads the page again, its first screen at once and the rest
    // in idle time (seen in CI: the German half and the English heading flagged, not yet the English
    // paragraph). So what is flagged is awaited, not read once.
    await expect
      .poll(() => page.evaluate(allFlagged), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Freiwilligen', 'ukrainischen Faschismus', 'Kanonenfutter', 'special military operation', 'cannon fodder']));
    await browser.close();
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
});

it('says why when the browser will not start, instead of ending silently', async () => {
  // A stand-in for a Chromium that refuses to run (as it does as root, or without a display).
  const fake = join(mkdtempSync(join(tmpdir(), 'wortlupe-fake-chrome-')), 'chromium');
  writeFileSync(fake, '#!/bin/sh\necho "[1:1:ERROR:zygote_host_impl_linux.cc(103)] Running as root without --no-sandbox is not supported." >&2\nexit 1\n');
  chmodSync(fake, 0o755);
  const child = spawn('npx', ['tsx', 'src/dev/start.ts'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHROME_PATH: fake } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toBe(
    `${fake} ended with code 1:\n` +
      '[1:1:ERROR:zygote_host_impl_linux.cc(103)] Running as root without --no-sandbox is not supported.\n' +
      'Chromium needs a display, and will not run as root without a sandbox: run npm start as a normal user on a desktop, ' +
      'or load dist/chrome by hand (chrome://extensions → Developer mode → Load unpacked).\n',
  );
});

it('the demo page reads itself once more when Wortlupe has not run in it, and only once', async () => {
  // A browser without the extension stands for one that opened the page before loading Wortlupe.
  const demo = readFileSync(join(import.meta.dirname, '../../src/dev/demo/index.html'));
  let loads = 0;
  const server = createServer((req, res) => {
    if (req.url === '/') loads++;
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/' ? demo : '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wortlupe-demo-')), { executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  try {
    // The page's timer, run by the test's clock instead of waited for.
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(url);
    const reloaded = page.waitForEvent('load');
    await page.clock.runFor(2500);
    await reloaded;
    expect(loads).toBe(2);
    await page.clock.runFor(5000);
    // A reload the timer started would end this call's document (or run it in the next one, counted).
    await page.evaluate(() => fetch('/settled'));
    expect(loads).toBe(2);
  } finally {
    await context.close();
  }
  // Where Wortlupe has marked the page, it is left alone. The test's clock fakes `performance`,
  // marks included, so this one runs on the page's own clock: no navigation in the 3 s after the
  // load (the page would read itself again at 2 s).
  const real = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wortlupe-demo-')), { executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  try {
    const marked = await real.newPage();
    await marked.addInitScript(() => performance.mark('wortlupe:loaded'));
    await marked.goto(url);
    await expect(marked.waitForEvent('framenavigated', { timeout: 3000 })).rejects.toThrow('Timeout');
    expect(loads).toBe(3);
  } finally {
    await real.close();
    server.close();
  }
});
