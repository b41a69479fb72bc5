// One small interface over Playwright (Chromium) and Puppeteer (Firefox), so every end-to-end
// scenario runs unchanged in both browsers.

/**
 * The extension page each driver keeps open to call extension APIs from. With a query, so the
 * extension does not take it for the reader's options tab (open-options.ts looks for the options
 * page's exact address) and send requests there.
 */
export const CONTROL_PAGE = 'src/options/index.html?control';

/** A function evaluated in the page's main world. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

/** The `prefers-color-scheme` every page of a launched browser sees, extension pages included. */
export type ColorScheme = 'light' | 'dark';

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /**
   * Runs a classic script's source in the page's main world through the automation protocol, so the
   * page's Content-Security-Policy (extension pages: script-src 'self') does not stop it.
   */
  evaluateScript(source: string): Promise<void>;
  /** Evaluates in the first frame whose URL contains `urlPart` (an iframe of this page). */
  evaluateInFrame<R>(urlPart: string, fn: PageFn<undefined, R>): Promise<R>;
  /** Resolves when fn returns something truthy; fails after `timeout` ms. */
  waitFor<A = undefined>(fn: PageFn<A, unknown>, arg?: A, timeout?: number): Promise<void>;
  waitForSelector(selector: string, timeout?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Replace the value of an input or textarea, as typing would (input events). */
  fill(selector: string, value: string): Promise<void>;
  setInputFiles(selector: string, path: string): Promise<void>;
  move(x: number, y: number): Promise<void>;
  /** The size of the page's window (its viewport), in CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /** Press a key or chord in the page, e.g. "Escape" or "Alt+Shift+J". */
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** Errors reported from the extension's scripts in this page (console errors and uncaught exceptions). */
  extensionErrors(): string[];
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  /** Base URL of the extension's own pages, ending in "/". */
  readonly extensionBase: string;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's pages (e.g. "src/popup/index.html?tab=3") as a tab. */
  openExtensionPage(path: string, readySelector: string): Promise<TestPage>;
  /** Does `action`, and gives the tab it opened whose address contains `urlPart`, once `readySelector` is there. */
  tabOpenedBy(action: () => Promise<void>, urlPart: string, readySelector: string): Promise<TestPage>;
  /** The browser's id of the tab showing `page` (brings it to the front: tabs hide URLs without the "tabs" permission). */
  tabIdOf(page: TestPage): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** The toolbar button's tooltip for the tab. */
  badgeTitle(tabId: number): Promise<string>;
  /** Grant the extension an optional host permission, as a reader clicking "Allow" would. */
  allowOrigin(pattern: string): Promise<void>;
  /** Take the extension's access to websites away, as a reader can in the browser's settings for it. */
  withholdSiteAccess(): Promise<void>;
  /** Grant it back, as a reader clicking "Allow" in the browser's prompt for it would. */
  grantSiteAccess(): Promise<void>;
  /** Text of the hover card as assistive technology sees it, where the browser lets a test read it. */
  cardAccessibleText?(page: TestPage): Promise<string | null>;
  close(): Promise<void>;
}
