// Accessibility of the popup and the options page, in light and dark colour schemes: axe-core finds
// no violation, every control reached by Tab shows that it has focus, and the reader's main paths
// work by keyboard alone. Run unchanged in Chromium and Firefox. (The hover card sits in a closed
// shadow root axe cannot enter; its colours are checked in test/unit/content/card-contrast.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import type { ColorScheme, Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { flaggedOnceScanned } from './support/in-page';

/** Click the button whose text is exactly `text`. */
const clickText = (page: TestPage, text: string) =>
  page.evaluate((label: string) => {
    const target = [...document.querySelectorAll('button')].find((el) => el.textContent?.trim() === label);
    if (!target) throw new Error(`no button "${label}"`);
    target.click();
  }, text);

/**
 * Remembers, for every element that can take focus, how its outline and box-shadow look unfocused,
 * so that focusIndicator() can compare once Tab has reached it.
 */
function recordUnfocused(): number {
  const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
  (document.activeElement as HTMLElement | null)?.blur();
  const looks = focusable.map((el) => {
    // A visually hidden input shows its focus on its label.
    const shown = el.classList.contains('visually-hidden') && el.id ? document.querySelector(`label[for="${el.id}"]`)! : el;
    const s = getComputedStyle(shown);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
  });
  Object.assign(globalThis, { focusable, unfocused: looks });
  return focusable.length;
}

/** The focused element and whether it looks focused: a visible outline or box-shadow it lacks without focus. */
function focusIndicator(): { index: number; element: string; visible: boolean; focused: string; unfocused: string } | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const shown = el.classList.contains('visually-hidden') && el.id ? document.querySelector(`label[for="${el.id}"]`)! : el;
  const s = getComputedStyle(shown);
  const focused = `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
  const recorded = globalThis as unknown as { focusable: Element[]; unfocused: string[] };
  const index = recorded.focusable.indexOf(el);
  const unfocused = recorded.unfocused[index] ?? '(not recorded)';
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !/rgba\(.*, 0\)$/.test(s.outlineColor);
  const shadow = s.boxShadow !== 'none';
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
  return {
    index,
    element: `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${label}"`,
    visible: (outline || shadow) && focused !== unfocused,
    focused,
    unfocused,
  };
}

/** Tabs through the whole page from the top; returns every element reached, with its focus look. */
async function tabThrough(page: TestPage): Promise<NonNullable<ReturnType<typeof focusIndicator>>[]> {
  const count = await page.evaluate(recordUnfocused);
  // A click on the heading starts the tab order at the top.
  await page.click('h1');
  const reached: NonNullable<ReturnType<typeof focusIndicator>>[] = [];
  for (let i = 0; i <= count; i++) {
    await page.press('Tab');
    const now = await page.evaluate(focusIndicator);
    // Past the last control focus leaves the document (or wraps to the first one).
    if (!now || reached.some((r) => r.index === now.index)) break;
    reached.push(now);
  }
  return reached;
}

export function a11yScenarios(launch: (options?: { colorScheme?: ColorScheme }) => Promise<Driver>): void {
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    describe(`${scheme} colour scheme`, () => {
      let driver: Driver;
      let article: TestPage;
      let tabId: number;

      beforeAll(async () => {
        driver = await launch({ colorScheme: scheme });
        article = await driver.newPage();
        await article.goto(server.url('/seed-article.html'));
        await article.waitFor(flaggedOnceScanned);
        tabId = await driver.tabIdOf(article);
      });

      afterAll(async () => {
        await driver?.close();
      });

      const openPopup = (id: number, ready = '.group') => driver.openExtensionPage(`src/popup/index.html?tab=${id}`, ready);
      const openOptions = () => driver.openExtensionPage('src/options/index.html', '.list');

      it('popup with findings, two groups open: no axe violations', async () => {
        const popup = await openPopup(tabId);
        await popup.click('[data-rule="de-krieg/kanonenfutter"] summary');
        await popup.click('[data-rule="de-krieg/ukrainischer-faschismus"] summary');
        await popup.waitForSelector('.site-switch input');
        // The scheme reaches extension pages (Firefox: by a pref, not by per-page emulation).
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        expect(await axeViolations(popup)).toEqual([]);
        // A term switched off from the popup: its row says so, and the group says where its switch is.
        const off = '[data-rule="de-krieg/kanonenfutter"] .rule-off button';
        await popup.click(off);
        await popup.waitForSelector('[data-rule="de-krieg/kanonenfutter"] .off-tag');
        expect(await axeViolations(popup)).toEqual([]);
        await popup.click(off);
        await popup.waitFor(() => !document.querySelector('.off-tag'));
        await popup.close();
      });

      it('popup with nothing flagged: no axe violations', async () => {
        const plain = await driver.newPage();
        await plain.goto(server.url('/plain.html'));
        await plain.waitFor(() => performance.getEntriesByName('wortlupe:scan').length > 0);
        const popup = await openPopup(await driver.tabIdOf(plain), '[data-testid="empty"]');
        await popup.waitForSelector('.site-switch input');
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close();
        await plain.close();
      });

      it("options page: no axe violations in the lists (one list's rules open), nor in a new list's rule form with errors and a preview", async () => {
        const options = await openOptions();
        await options.click('[data-list="de-krieg"] .rule-switches summary');
        expect(await axeViolations(options)).toEqual([]);
        // Finding a term: the lists narrowed to the rules found, and what was found said.
        await options.fill('#find-term', 'Kanonenfutter');
        await options.waitFor(() => document.querySelector('.find-result')?.textContent === '1 rule found in 1 list');
        expect(await axeViolations(options)).toEqual([]);
        await clickText(options, 'New list');
        await clickText(options, 'Add rule');
        await options.fill('[name=term]', 'Wolkenkuckucksheim');
        await options.fill('[name=source-url-0]', 'http://example.org/');
        await options.fill('[name=flag]', 'Das ist doch ein Wolkenkuckucksheim!');
        await options.waitFor(() => document.querySelector('.examples .pass') !== null && document.querySelector('.field.invalid') !== null);
        expect(await axeViolations(options)).toEqual([]);
        await options.close();
      });

      it('options page with a deleted list kept, its section open and Remove for good asking: no axe violations', async () => {
        const options = await openOptions();
        const list = { format: 'wortlupe-list/1', id: `geloescht-${scheme}`, title: 'Gelöschte Probe', language: 'de', version: '3',
          rules: [{ id: 'r', term: 'Luftschloss', technique: 'euphemism', severity: 1, explanation: 'Nur eine Probe.', sources: [{ title: 'Quelle', url: 'https://example.org/' }] }],
        };
        await options.fill('#import-text', JSON.stringify(list));
        await clickText(options, 'Import');
        await options.waitForSelector(`[data-list="${list.id}"]`);
        await options.evaluate((id: string) => {
          [...document.querySelectorAll<HTMLButtonElement>(`[data-list="${id}"] button`)].find((b) => b.textContent === 'Delete')!.click();
        }, list.id);
        await options.evaluate((id: string) => {
          [...document.querySelectorAll<HTMLButtonElement>(`[data-list="${id}"] .confirm button`)].find((b) => b.textContent === 'Delete')!.click();
        }, list.id);
        await options.waitForSelector('.deleted-lists');
        await options.click('.deleted-lists summary');
        await options.evaluate((id: string) => {
          [...document.querySelectorAll<HTMLButtonElement>(`[data-deleted="${id}"] button`)].find((b) => b.textContent === 'Remove for good')!.click();
        }, list.id);
        await options.waitForSelector('.deleted-lists .confirm');
        expect(await axeViolations(options)).toEqual([]);
        await options.close();
      });

      it('options page with a notice and data set aside, Remove for good asking: no axe violations', async () => {
        const options = await openOptions();
        // A backup restored (the reader's own, as the page's command sends it): what it replaced is set aside.
        await options.evaluate(async () => {
          type Runtime = { sendMessage(message: object): Promise<{ data: unknown }> };
          const { runtime } = ((globalThis as { browser?: { runtime: Runtime } }).browser ?? (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome);
          const { data } = await runtime.sendMessage({ type: 'export-backup' });
          await runtime.sendMessage({ type: 'import-backup', text: JSON.stringify(data), name: 'backup.json' });
        });
        await options.waitForSelector('.set-aside li');
        await options.evaluate(() => {
          [...document.querySelectorAll<HTMLButtonElement>('.set-aside li button')].find((b) => b.textContent === 'Remove for good')!.click();
        });
        await options.waitForSelector('.set-aside .confirm');
        expect(await axeViolations(options)).toEqual([]);
        // Left as it was found (nothing set aside, no notice) for the tests after this one: the one item
        // (what the restore replaced; nothing was set aside before) goes, and the notice is dismissed.
        expect(await options.evaluate(() => document.querySelectorAll('.set-aside li').length)).toBe(1);
        await options.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.set-aside .confirm button')].find((b) => b.textContent === 'Remove for good')!.click());
        await options.waitFor(() => document.querySelector('.set-aside') === null);
        await options.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.notices button')].find((b) => b.textContent === 'Dismiss')!.click());
        await options.waitFor(() => document.querySelector('.notices') === null);
        await options.close();
      });

      if (scheme === 'light') {
        it('popup by keyboard: Tab to the first group, Enter and Space open and close it, Enter on an occurrence reveals it; every control shows its focus', async () => {
          const popup = await openPopup(tabId);
          await popup.waitForSelector('.site-switch input');
          await popup.bringToFront();
          // Tab until a group's heading has focus: it must be the first group's.
          const focusedGroup = () => popup.evaluate(() => (document.activeElement?.localName === 'summary' ? document.activeElement.closest('.group')?.getAttribute('data-rule') : null));
          for (let i = 0; i < 5 && !(await focusedGroup()); i++) await popup.press('Tab');
          expect(await focusedGroup()).toBe(await popup.evaluate(() => document.querySelector('.group')!.getAttribute('data-rule')));
          const open = () => popup.evaluate(() => document.querySelector('.group details')!.hasAttribute('open'));
          await popup.press('Enter');
          expect(await open()).toBe(true);
          await popup.press('Space');
          expect(await open()).toBe(false);
          await popup.press('Space');
          expect(await open()).toBe(true);
          await popup.press('Tab');
          expect(await popup.evaluate(() => document.activeElement?.className)).toBe('occurrence');
          await popup.press('Enter');
          await article.waitFor(() => CSS.highlights.get('wortlupe-focus')?.size === 1);

          // With the first group open its occurrences and source links are in the tab order too.
          const reached = await tabThrough(popup);
          const kinds = new Set(reached.map((r) => r.element.split(/[#. ]/)[0]));
          expect([...kinds]).toEqual(expect.arrayContaining(['a', 'button', 'input', 'summary']));
          expect(reached.filter((r) => !r.visible)).toEqual([]);
          await popup.close();
        });

        it("options by keyboard: Tab reaches a list's switch and Space toggles it; every control shows its focus, also in the rule form", async () => {
          const options = await openOptions();
          await options.bringToFront();
          const active = () =>
            options.evaluate(() => {
              const el = document.activeElement as HTMLInputElement;
              return { list: el.closest('.list')?.getAttribute('data-list'), role: el.getAttribute('role'), checked: el.checked };
            });
          // Tab until a switch has focus: it must be the first list's.
          for (let i = 0; i < 5 && (await active()).role !== 'switch'; i++) await options.press('Tab');
          const first = await options.evaluate(() => document.querySelector('.list')!.getAttribute('data-list')!);
          expect(await active()).toEqual({ list: first, role: 'switch', checked: true });
          const switched = (on: boolean) => options.waitFor(([id, state]) => document.querySelector<HTMLInputElement>(`[data-list="${id}"] [role=switch]`)!.checked === state, [first, on] as const);
          await options.press('Space');
          await switched(false);
          expect(await active()).toEqual({ list: first, role: 'switch', checked: false });
          await options.press('Space');
          await switched(true);

          const page = await tabThrough(options);
          expect(page.length).toBeGreaterThan(30);
          expect(page.filter((r) => !r.visible)).toEqual([]);
          await options.close();
          // A fresh page: the pass above has tabbed out of this one, to the browser's own controls.
          const form = await openOptions();
          await form.bringToFront();
          await clickText(form, 'New list');
          await clickText(form, 'Add rule');
          await form.waitForSelector('.rule-form');
          const editor = await tabThrough(form);
          expect(editor.some((r) => r.element.startsWith('select'))).toBe(true);
          expect(editor.some((r) => r.element.startsWith('textarea'))).toBe(true);
          expect(editor.filter((r) => !r.visible)).toEqual([]);
          await form.close();
        });
      }
    });
  }
}
