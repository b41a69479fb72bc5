// A list written by a hostile author, shown everywhere Wortlupe shows list text: the card, the
// popup and the options page (list, rule switches, editor, rule form). About 1,200 hostile strings
// (markup, script, javascript: URLs, bidi overrides, long unbroken runs) must all stay text: no
// script runs, no element is made from them, only http(s) links are clickable, and nothing
// overflows its box. A 1 MB paste of them into the rule form is refused in plain words. (The card
// alone takes 3,000 more and a 1 MB string in test/unit/content/card.test.ts.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseList, TECHNIQUES } from '../../src/core';
import { hostileHttpsUrl, hostileText, PAYLOADS, sample } from '../hostile/strings';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { pointAt } from './support/in-page';

const RULES = 150;
/** fuzzaa, fuzzab, …: plain words for the page, so every rule is found once. */
const word = (i: number) => `fuzz${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`;
const TERM_0 = '<img src=x onerror="window.__pwned=1"> Term';
const EXPLANATION_0 = '<script>window.__pwned=1</script> explained \u202Eesrever\u202C';
/** Every payload, over and over, to a million characters. */
const MEGABYTE = PAYLOADS.join(' ').repeat(Math.ceil(1_000_000 / PAYLOADS.join(' ').length)).slice(0, 1_000_000);

function hostileList() {
  const rule = fc.record({
    term: hostileText(200),
    explanation: hostileText(2000),
    legitimate: hostileText(1000),
    alternatives: fc.array(hostileText(200), { minLength: 1, maxLength: 3 }),
    sources: fc.array(fc.record({ title: hostileText(300), url: hostileHttpsUrl }), { minLength: 1, maxLength: 3 }),
  });
  const rules = sample(rule, RULES, 42).map((r, i) => ({
    id: `r${i}`,
    ...r,
    ...(i === 0 ? { term: TERM_0, explanation: EXPLANATION_0 } : {}),
    match: [word(i)],
    technique: TECHNIQUES[i % TECHNIQUES.length],
    severity: (i % 3) + 1,
  }));
  const [title, description] = sample(hostileText(200), 2, 43);
  return { format: 'wortlupe-list/1', id: 'fuzz', title, description, language: 'de', version: '1', rules };
}

/** Runs in a page: what hostile text would leave behind if any of it had become markup or a link. */
function damage(): string[] {
  const found: string[] = [];
  if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('a script ran');
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`<${el.localName} ${attr}>`);
    if (/^(img|svg|iframe|object|embed|frame)$/.test(el.localName)) found.push(`<${el.localName}>`);
    if (el.localName === 'script' && !el.hasAttribute('src')) found.push('<script> without src');
    if (el.localName === 'a' && el.hasAttribute('href') && !/^https?:\/\//.test(el.getAttribute('href')!)) found.push(`link to ${el.getAttribute('href')}`);
  }
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) found.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) found.push(`<${el.localName} class="${el.className}"> ends at ${Math.round(r.right)}px`);
  }
  return found.slice(0, 10);
}

export function fuzzScenarios(launch: () => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;
  let page: TestPage;
  let options: TestPage;
  const list = hostileList();

  beforeAll(async () => {
    server = await startFixtureServer();
    const body = list.rules.map((_, i) => `<p>Satz ${i}: hier steht ${word(i)} mitten im Satz.</p>`).join('\n');
    server.route('/fuzz.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="de"><title>Fuzz</title><body>${body}</body></html>`);
    });
    driver = await launch();
    const file = join(mkdtempSync(join(tmpdir(), 'wortlupe-fuzz-')), 'fuzz.json');
    writeFileSync(file, JSON.stringify(list));
    options = await driver.openExtensionPage('src/options/index.html', '.list');
    await options.setInputFiles('#import-file', file);
    await options.waitFor(() => document.querySelector('.ok')?.textContent === 'Imported fuzz.json.');
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('the generated list is valid, so every string reaches the screen', () => {
    const parsed = parseList(JSON.stringify(list), 'fuzz.json');
    expect(parsed.ok ? parsed.list.rules.length : parsed.errors).toBe(RULES);
  });

  it('the card shows hostile text as text and stays inside the window', async () => {
    page = await driver.newPage();
    await page.goto(server.url('/fuzz.html'));
    const tabId = await driver.tabIdOf(page);
    await expect.poll(() => driver.badgeText(tabId)).toBe(String(RULES));
    for (const i of [0, 1, 2, 3]) {
      const point = await page.evaluate(pointAt, { selector: 'body', text: word(i) });
      await page.move(point.x, point.y);
      await page.waitFor(() => document.querySelector('wortlupe-card'));
      const box = await page.evaluate(() => {
        const r = document.querySelector('wortlupe-card')!.getBoundingClientRect();
        return { inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight, width: r.width, height: r.height };
      });
      expect(box).toMatchObject({ inside: true });
      if (i === 0 && driver.cardAccessibleText) {
        const text = await driver.cardAccessibleText(page);
        expect(text).toContain('<img src=x onerror="window.__pwned=1"> Term');
        expect(text).toContain('<script>window.__pwned=1</script> explained');
      }
      await page.move(2, 2);
      await page.waitFor(() => !document.querySelector('wortlupe-card'));
    }
    expect(await page.evaluate(damage)).toEqual([]);
    expect(page.extensionErrors()).toEqual([]);
  });

  it('the popup shows every rule, all of it as text, inside its width', async () => {
    const tabId = await driver.tabIdOf(page);
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    await popup.waitFor((n) => document.querySelectorAll('.group').length === n, RULES);
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await popup.evaluate(() => document.querySelector('[data-rule="fuzz/r0"] .term')!.textContent)).toBe(TERM_0);
    expect(await popup.evaluate(() => document.querySelector('[data-rule="fuzz/r0"] .explanation')!.textContent)).toBe(EXPLANATION_0);
    expect(await popup.evaluate(damage)).toEqual([]);
    expect(popup.extensionErrors()).toEqual([]);
    await popup.close();
  });

  it('the options page shows the list, its rule switches, the editor and a rule form, all as text', async () => {
    await options.evaluate(() => document.querySelectorAll('[data-list="fuzz"] details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await options.evaluate(damage)).toEqual([]);
    await options.click('[data-list="fuzz"] .row-actions button');
    await options.waitForSelector('.editor .rule-row');
    expect(await options.evaluate(() => document.querySelector('.rule-row[data-rule="r0"] .term')!.textContent)).toBe(TERM_0);
    await options.click('.rule-row[data-rule="r0"] button');
    await options.waitForSelector('.rule-form');
    expect(await options.evaluate(damage)).toEqual([]);
    // A 1 MB paste of hostile text into the form: refused with a plain message, shown as text.
    await options.fill('.rule-form textarea[name="explanation"]', MEGABYTE);
    await options.waitFor(() =>
      [...document.querySelectorAll('.rule-form .error')].some((e) => e.textContent === 'must be at most 2000 characters'),
    );
    expect(await options.evaluate(damage)).toEqual([]);
    expect(options.extensionErrors()).toEqual([]);
  });
}
