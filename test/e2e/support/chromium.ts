// Debian's Chromium with the built extension loaded, driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CONTROL_PAGE, type ColorScheme, type Driver, type TestPage } from './driver';

// The extension APIs as seen from an extension page (only what the tests call).
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
};

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = join(import.meta.dirname, '../../../dist/chrome');

/** Flags that keep Chromium quiet on a machine without network, as in CI. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--lang=en-US',
];

/** What chrome://extensions offers its own page (the reader's switches for an extension). */
interface ExtensionsPage {
  chrome: {
    developerPrivate: {
      addHostPermission(extensionId: string, origin: string): Promise<void>;
      updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
    };
  };
}

/** In chrome://extensions: the extension's "Site access" set to `value` (sent to the page as source). */
const siteAccess = ({ id, value }: { id: string; value: string }) =>
  (globalThis as unknown as ExtensionsPage).chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: value });

export function wrapPlaywright(page: Page): TestPage {
  const errors: string[] = [];
  const ours = (where: string) => where.startsWith('chrome-extension://');
  page.on('console', (m) => m.type() === 'error' && ours(m.location().url) && errors.push(m.text()));
  page.on('pageerror', (e) => /chrome-extension:\/\//.test(e.stack ?? '') && errors.push(e.message));
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
    waitFor: async (fn, arg, timeout = 5000) => void (await page.waitForFunction(fn as never, arg, { timeout, polling: 50 })),
    waitForSelector: async (selector, timeout = 5000) => void (await page.waitForSelector(selector, { timeout })),
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    setInputFiles: (selector, path) => page.setInputFiles(selector, path),
    move: (x, y) => page.mouse.move(x, y),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchChromium(
  options: {
    extension?: boolean;
    javaScript?: boolean;
    proxyPort?: number;
    /** The browser's language, e.g. "de" (English when not given). */
    language?: string;
    colorScheme?: ColorScheme;
  } = {},
): Promise<Driver & { context: BrowserContext }> {
  const withExtension = options.extension !== false;
  const profile = mkdtempSync(join(tmpdir(), 'wortlupe-chromium-'));
  const args = withExtension ? [`--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`, ...QUIET_FLAGS] : [...QUIET_FLAGS];
  // --lang decides the language of extensions' messages (chrome.i18n), the locale that of the pages.
  if (options.language) args.splice(args.indexOf('--lang=en-US'), 1, `--lang=${options.language}`);
  // Every request goes to the given proxy (which records them), this machine's included: Chromium
  // sends loopback addresses past a proxy unless told not to ("<-loopback>").
  if (options.proxyPort) args.push(`--proxy-server=http://127.0.0.1:${options.proxyPort}`, '--proxy-bypass-list=<-loopback>');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    locale: options.language ?? 'en-US',
    // Off: the page's own scripts do not run (the extension's still do).
    javaScriptEnabled: options.javaScript !== false,
    colorScheme: options.colorScheme ?? 'light',
  });
  let extensionBase = '';
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
  }

  const raw = new WeakMap<TestPage, Page>();
  const track = (page: Page) => {
    const wrapped = wrapPlaywright(page);
    raw.set(wrapped, page);
    return wrapped;
  };

  /**
   * Runs `fn` in chrome://extensions, whose developerPrivate API changes what a reader can change
   * there. `fn` is sent as its source: it reaches the page's API through globalThis alone.
   */
  const onExtensionsPage = async (fn: (arg: { id: string; value: string }) => Promise<void>, value: string): Promise<void> => {
    const admin = await context.newPage();
    await admin.goto('chrome://extensions');
    await admin.evaluate(fn, { id: new URL(extensionBase).host, value });
    await admin.close();
  };

  // An extension page kept open to call extension APIs from (tabs, action).
  let control: Page | undefined;
  const api = async <R>(fn: (arg: never) => Promise<R>, arg: unknown): Promise<R> => {
    if (!control || control.isClosed()) {
      control = await context.newPage();
      await control.goto(`${extensionBase}${CONTROL_PAGE}`);
    }
    return control.evaluate(fn as never, arg as never) as Promise<R>;
  };

  return {
    name: 'chromium',
    context,
    extensionBase,
    newPage: async () => track(await context.newPage()),
    openExtensionPage: async (path, readySelector) => {
      const page = await context.newPage();
      await page.goto(extensionBase + path);
      await page.waitForSelector(readySelector);
      return track(page);
    },
    tabOpenedBy: async (action, urlPart, readySelector) => {
      const [page] = await Promise.all([context.waitForEvent('page', { predicate: (page) => page.url().includes(urlPart) || page.url() === 'about:blank', timeout: 10_000 }), action()]);
      await page.waitForURL((url) => url.href.includes(urlPart));
      await page.waitForSelector(readySelector);
      return track(page);
    },
    tabIdOf: async (page) => {
      await api(async () => undefined, undefined); // open the control page first: a new tab would take the front
      await page.bringToFront();
      return api(async () => {
        const [tab] = await chrome.tabs.query({ active: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      }, undefined);
    },
    badgeText: (tabId) => api((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId),
    badgeTitle: (tabId) => api((id: number) => chrome.action.getTitle({ tabId: id }), tabId),
    allowOrigin: async (pattern) => {
      // Chromium's permission prompt is browser UI no test can click; its extensions page grants the
      // same runtime permission, after which permissions.request() resolves at once.
      await onExtensionsPage(({ id, value }) => (globalThis as unknown as ExtensionsPage).chrome.developerPrivate.addHostPermission(id, value), pattern);
    },
    // The extensions page's "Site access": "On click" withholds every site, "On all sites" grants them.
    withholdSiteAccess: () => onExtensionsPage(siteAccess, 'ON_CLICK'),
    grantSiteAccess: () => onExtensionsPage(siteAccess, 'ON_ALL_SITES'),
    cardAccessibleText: async (page) => {
      const target = raw.get(page);
      if (!target) throw new Error('not a page of this driver');
      const cdp = await context.newCDPSession(target);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] }[];
      };
      await cdp.detach();
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const tooltip = nodes.find((n) => n.role?.value === 'tooltip');
      if (!tooltip) return null;
      const texts: string[] = [];
      const visit = (id: string) => {
        const node = byId.get(id);
        if (!node) return;
        if (node.role?.value === 'StaticText' && node.name?.value) texts.push(node.name.value);
        node.childIds?.forEach(visit);
      };
      visit(tooltip.nodeId);
      return texts.join(' ');
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
