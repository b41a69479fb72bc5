// Debian's Firefox ESR with the built extension installed as a temporary add-on, driven by
// puppeteer-core over WebDriver BiDi.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page, type Target } from 'puppeteer-core';
import { CONTROL_PAGE, type ColorScheme, type Driver, type TestPage } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = join(import.meta.dirname, '../../../dist/firefox');

function geckoId(): string {
  return JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
}

// The extension APIs as seen from an extension page (only what the tests call).
declare const browser: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  permissions: { remove(p: { origins: string[] }): Promise<boolean> };
};

export function wrapPuppeteer(page: Page): TestPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && (m.location().url ?? '').startsWith('moz-extension://') && errors.push(m.text()));
  page.on('pageerror', (e) => /moz-extension:\/\//.test((e as Error).stack ?? '') && errors.push((e as Error).message));
  return {
    extensionErrors: () => [...errors],
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: async (source) => void (await page.evaluate(source)),
    evaluateInFrame: async (urlPart, fn) => {
      const frame = page.frames().find((f) => f.url().includes(urlPart));
      if (!frame) throw new Error(`no frame at ${urlPart}: ${page.frames().map((f) => f.url()).join(', ')}`);
      return frame.evaluate(fn as never) as never;
    },
    waitFor: async (fn, arg, timeout = 5000) => void (await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg)),
    waitForSelector: async (selector, timeout = 5000) => void (await page.waitForSelector(selector, { timeout })),
    click: (selector) => page.click(selector),
    fill: async (selector, value) => {
      // Puppeteer fills by typing each character: fine for a word, minutes for a pasted megabyte.
      // A long value is set at once, with the input event a paste would fire.
      if (value.length <= 10_000) return page.locator(selector).fill(value);
      await page.$eval(
        selector,
        (el, text) => {
          (el as HTMLTextAreaElement).value = text;
          el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        },
        value,
      );
    },
    setInputFiles: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    move: (x, y) => page.mouse.move(x, y),
    setViewport: (width, height) => page.setViewport({ width, height }),
    press: async (chord) => {
      // Puppeteer presses one key at a time: hold the modifiers of "Alt+Shift+J" around the last key.
      // Puppeteer names the space bar " " where Playwright says "Space".
      const keys = chord.split('+').map((key) => (key === 'Space' ? ' ' : key)) as KeyInput[];
      for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
      await page.keyboard.press(keys.at(-1)!);
      for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
    },
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export function causedByProtocolError(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e.name === 'ProtocolError') return true;
  return false;
}

export async function launchFirefox(
  options: { extension?: boolean; proxyPort?: number; colorScheme?: ColorScheme; protocolTimeout?: number } = {},
): Promise<Driver & { browser: Browser }> {
  const uuid = randomUUID();
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(options.protocolTimeout ? { protocolTimeout: options.protocolTimeout } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: uuid }),
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      // Optional permissions are granted without a prompt (no test can click one).
      'extensions.webextOptionalPermissionPrompts': false,
      // prefers-color-scheme for every page, extension pages included (0 dark, 1 light): per-page
      // media emulation would miss pages the extension opens itself.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // Every request goes to the given proxy (which records them), this machine's included.
      ...(options.proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': options.proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': options.proxyPort,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': true,
          }
        : {}),
    },
  });
  if (options.extension !== false) await ff.installExtension(FIREFOX_DIST);
  const extensionBase = `moz-extension://${uuid}/`;

  const open = async (path: string, readySelector: string): Promise<Page> => {
    for (let attempt = 1; ; attempt++) {
      const page = await ff.newPage();
      // Navigations to moz-extension:// may never report completion over BiDi: wait for content instead.
      void page.goto(extensionBase + path).catch(() => {});
      try {
        await page.waitForSelector(readySelector, { timeout: 10_000 });
        return page;
      } catch (error) {
        // Now and then the tab's realm is lost in the switch from about:blank, and every evaluation in
        // it fails with an internal protocol error ("right-hand side of 'in' should be an object, got
        // null"): that tab is no use, open the page in a new one.
        if (attempt === 3 || !causedByProtocolError(error)) throw error;
        await page.close().catch(() => {});
      }
    }
  };

  let control: Page | undefined;
  const api = async <R>(fn: (arg: never) => Promise<R>, arg: unknown): Promise<R> => {
    if (!control || control.isClosed()) control = await open(CONTROL_PAGE, 'main');
    return control.evaluate(fn as never, arg as never) as Promise<R>;
  };

  return {
    name: 'firefox',
    browser: ff,
    extensionBase,
    newPage: async () => wrapPuppeteer(await ff.newPage()),
    openExtensionPage: async (path, readySelector) => wrapPuppeteer(await open(path, readySelector)),
    tabOpenedBy: async (action, urlPart, readySelector) => {
      // Over BiDi a tab showing a moz-extension:// page may go on reporting about:blank: the tab is
      // the one that was not there before, and its address is asked of the page itself.
      const before = new Set(await ff.pages());
      let seen: ((target: Target) => void) | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const opened = new Promise<Page>((resolve, reject) => {
        seen = (target) =>
          void target.page().then(
            (page) => page && !before.has(page) && resolve(page),
            () => {}, // a target without a page (a worker) is not the tab
          );
        ff.on('targetcreated', seen);
        timer = setTimeout(() => reject(new Error(`no tab opened for ${urlPart} within 10 s`)), 10_000);
      });
      const page = await Promise.all([opened, action()])
        .then(([page]) => page)
        .finally(() => {
          ff.off('targetcreated', seen!);
          clearTimeout(timer);
        });
      await page.waitForSelector(readySelector, { timeout: 10_000 });
      const address = await page.evaluate(() => location.href);
      if (!address.includes(urlPart)) throw new Error(`the tab opened shows ${address}, not ${urlPart}`);
      return wrapPuppeteer(page);
    },
    tabIdOf: async (page) => {
      await api(async () => undefined, undefined); // open the control page first: a new tab would take the front
      await page.bringToFront();
      return api(async () => {
        const [tab] = await browser.tabs.query({ active: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      }, undefined);
    },
    badgeText: (tabId) => api((id: number) => browser.action.getBadgeText({ tabId: id }), tabId),
    badgeTitle: (tabId) => api((id: number) => browser.action.getTitle({ tabId: id }), tabId),
    // Firefox grants optional permissions without a prompt under the pref set at launch.
    allowOrigin: async () => undefined,
    // What about:addons' "Access your data for all websites" switch does; granting it back is the
    // popup's permissions.request(), answered without a prompt under the pref set at launch.
    withholdSiteAccess: () => api(() => browser.permissions.remove({ origins: ['<all_urls>'] }).then(() => undefined), undefined),
    grantSiteAccess: async () => undefined,
    close: () => ff.close(),
  };
}
