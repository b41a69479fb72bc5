// Which Chromium or Chrome to run: CHROME_PATH if set, else the first one found on this system.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome(): string {
  const named = process.env.CHROME_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROME_PATH is set to ${named}, but there is no file there.`);
    return named;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error('No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  }
  return found;
}
