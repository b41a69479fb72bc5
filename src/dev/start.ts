// `npm start`: serves the demo page from 127.0.0.1 and opens Chromium (or the browser named by
// CHROME_PATH) with dist/chrome loaded, in a fresh profile. Closing the browser stops everything.
//
// `--headless` runs the same without a window and prints the DevTools endpoint (used by the test
// that proves `npm start` works).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChrome } from './find-chrome';

const headless = process.argv.includes('--headless');
const extension = resolve('dist/chrome');
const demo = readFileSync(join(import.meta.dirname, 'demo/index.html'));

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo);
  } else res.writeHead(404).end();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

let chrome: string;
try {
  chrome = findChrome();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (/google-chrome|Google Chrome|chrome\.exe/.test(chrome)) {
  console.warn(
    'Note: Google Chrome 137 and later ignore --load-extension. If Wortlupe does not appear, use Chromium ' +
      '(CHROME_PATH=/path/to/chromium) or load dist/chrome by hand: chrome://extensions → Developer mode → Load unpacked.',
  );
}

const profile = mkdtempSync(join(tmpdir(), 'wortlupe-start-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(headless ? ['--headless', '--remote-debugging-port=0', '--no-sandbox', '--disable-gpu'] : []),
  url,
];
console.log(`Wortlupe demo: ${url}\nStarting ${chrome} with ${extension}`);
// A windowed browser's log stays out of the terminal, but is kept: should the browser fail to start
// (no display, running as root), the reader learns why instead of seeing the command end silently.
const child = spawn(chrome, args, { stdio: headless ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'ignore', 'pipe'] });
let log = '';
child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));

const stop = () => {
  child.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  server.close();
  rmSync(profile, { recursive: true, force: true });
  if (code) {
    const errors = log.split('\n').filter((line) => /ERROR|FATAL|Missing X server|cannot open display/i.test(line));
    console.error(`${chrome} ended with code ${code}${errors.length ? `:\n${errors.slice(-3).join('\n')}` : '.'}`);
    console.error('Chromium needs a display, and will not run as root without a sandbox: run npm start as a normal user on a desktop, or load dist/chrome by hand (chrome://extensions → Developer mode → Load unpacked).');
  }
  process.exit(code ?? 0);
});
