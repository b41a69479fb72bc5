// `npm start` opens Chromium with the extension on the demo page. Run headless here and inspected over CDP.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
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
    await page.waitForFunction(() => CSS.highlights.get('wortlupe-ul-s2')?.size, null, { timeout: 10_000, polling: 50 });
    const flagged = await page.evaluate(allFlagged);
    expect(flagged).toEqual(expect.arrayContaining(['Freiwilligen', 'ukrainischen Faschismus', 'Kanonenfutter', 'special military operation', 'cannon fodder']));
    await browser.close();
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
});
