// The end-to-end path a reader takes, run unchanged in Chromium and in Firefox.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { allFlagged, captureSaves, flaggedOnceScanned, highlightTexts, pixelsOfColour, pointAt, savedFiles, scanPasses, textBox } from './support/in-page';

const deKrieg = JSON.parse(readFileSync(join(import.meta.dirname, '../../rules/de-krieg.json'), 'utf8'));
const ruleOf = (id: string) => deKrieg.rules.find((r: { id: string }) => r.id === id);

/** The extension APIs a test reads in an extension page: `browser` in Firefox, `chrome` in Chromium. */
interface ExtensionPageApi {
  runtime: { getURL(path: string): string; getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };
  tabs: {
    getCurrent(): Promise<{ active: boolean } | undefined>;
    sendMessage(tab: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: { session: { get(keys: string[]): Promise<Record<string, { frames?: Record<string, unknown> } | number | undefined>> } };
}

/** Sends a message to one frame of a tab from an extension page, as the background and the popup do. */
function sendFrom(sender: TestPage, tab: number, message: object, frameId = 0): Promise<unknown> {
  return sender.evaluate(
    ({ tab, message, frameId }) => {
      const scope = globalThis as unknown as { browser?: ExtensionPageApi; chrome: ExtensionPageApi };
      return (scope.browser ?? scope.chrome).tabs.sendMessage(tab, message, { frameId });
    },
    { tab, message, frameId },
  );
}

/** The frames of a tab that reported findings (by id), and where the keyboard shortcuts go on from (storage.session). */
function framesAndStep(sender: TestPage, tab: number): Promise<{ frames: number[]; step: unknown }> {
  return sender.evaluate(async (tab) => {
    const scope = globalThis as unknown as { browser?: ExtensionPageApi; chrome: ExtensionPageApi };
    const stored = await (scope.browser ?? scope.chrome).storage.session.get([`tab:${tab}`, `step:${tab}`]);
    const frames = (stored[`tab:${tab}`] as { frames?: Record<string, unknown> } | undefined)?.frames ?? {};
    return { frames: Object.keys(frames).map(Number).sort((a, b) => a - b), step: stored[`step:${tab}`] };
  }, tab);
}

const SEED_FLAGS = [
  'Freiwilligen',
  'Freiwillige',
  'ukrainischen Faschismus',
  'freiwillig',
  'Volksfreiwilligenarmee',
  'Kanonenfutter',
  'militärische Spezialoperation',
];

export function endToEnd(launch: (options?: { extension?: boolean }) => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;
  let article: TestPage;
  let articleUrl: string;
  let tabId: number;

  beforeAll(async () => {
    server = await startFixtureServer();
    driver = await launch();
    articleUrl = server.url('/seed-article.html');
    article = await driver.newPage();
    await article.goto(articleUrl);
    await article.waitFor(flaggedOnceScanned);
    tabId = await driver.tabIdOf(article);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('paints the seed terms with the Custom Highlight API, by severity', async () => {
    expect(await article.evaluate(highlightTexts)).toEqual({
      'wortlupe-ul-s1': ['Freiwilligen', 'Freiwillige', 'freiwillig'],
      'wortlupe-ul-s2': ['Volksfreiwilligenarmee', 'Kanonenfutter'],
      'wortlupe-ul-s3': ['ukrainischen Faschismus', 'militärische Spezialoperation'],
      'wortlupe-focus': [],
    });
  });

  it('paints what it flags where the reader sees it: the underline in the severity\'s colour below the word, none below its neighbours', async () => {
    // Registered highlights are not yet painted ones: a stylesheet the browser does not apply (a
    // selector it styles differently) leaves the page unmarked. So look at the pixels.
    await article.evaluate(() => scrollTo(0, 0));
    const boxes = await Promise.all(
      ['Kanonen', 'Rekruten'].map((text) => article.evaluate(textBox, { selector: '#mi6', text })),
    );
    // The underline sits just below the text box (text-underline-offset: 0.18em).
    const below = boxes.map((b) => ({ left: b.left, top: b.top + b.height * 0.6, width: b.width, height: b.height * 0.6 }));
    const shot = join(tmpdir(), `wortlupe-paint-${randomUUID()}.png`);
    await article.screenshot(shot);
    const png = readFileSync(shot).toString('base64');
    rmSync(shot);
    // Severity 2 ("Kanonenfutter"): rgb(196 94 0), drawn 2px thick.
    const [flagged, neighbour] = await article.evaluate(pixelsOfColour, { png, boxes: below, rgb: [196, 94, 0], tolerance: 24 });
    expect(flagged).toBeGreaterThan(boxes[0]!.width); // at least a line of 1px along the word
    expect(neighbour).toBe(0);
  });

  it('leaves form fields, code, and editable regions alone', async () => {
    // The page also holds "Faschismus" in a textarea and a <pre>, "Kanonenfutter" in an input and a contenteditable.
    expect(await article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
  });

  it('records each scan pass as a performance measure', async () => {
    // The blocks in view first, then the rest in idle time: together they found all seven.
    const passes = await article.evaluate(scanPasses);
    expect(passes.reduce((n, p) => n + p.findings, 0)).toBe(7);
    // The blocks with visible text: the headline, four paragraphs, the aside and the form's label
    // (the textarea, input, <pre> and the editable div are never read). More when the page is read
    // again: first with no rules when it loads before the lists are first published.
    expect(passes.reduce((n, p) => n + p.blocks, 0)).toBeGreaterThanOrEqual(7);
    // And the script's own start-up, once each: evaluating the bundle, then reading and unpacking.
    const startUp = await article.evaluate(() =>
      ['wortlupe:evaluate', 'wortlupe:unpack'].map((name) => performance.getEntriesByName(name).map((e) => e.entryType)),
    );
    expect(startUp).toEqual([['measure'], ['measure']]);
  });

  it('asks storage for the matcher as soon as the DOM is complete, and the main script takes that read over', async () => {
    // A fresh load: the seed article may have loaded before the lists were first published, and a
    // read made before they were is (rightly) dropped.
    const fresh = await driver.newPage();
    await fresh.goto(articleUrl);
    await fresh.waitFor(flaggedOnceScanned);
    expect(await fresh.evaluate(() => (performance.getEntriesByName('wortlupe:unpack')[0] as PerformanceMeasure).detail)).toEqual({ early: true });
    expect(await fresh.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    await fresh.close();
  });

  it('shows the number of flagged occurrences on the badge, and says it in the tooltip', async () => {
    await expect.poll(() => driver.badgeText(tabId)).toBe('7');
    await expect.poll(() => driver.badgeTitle(tabId)).toBe('Wortlupe: 7 flagged on this page');
  });

  it('steps through the flags for the keyboard shortcuts, says when none is left, enters at either end, and Esc closes the card', async () => {
    // A test cannot press a browser-level shortcut (headless browsers give synthetic keys to the page
    // only), so this sends what the background sends for one (src/background/shortcuts.ts, which the
    // unit tests walk through frames with stand-ins), from an extension page; the shortcuts
    // themselves are checked in the built manifests.
    const sender = await driver.openExtensionPage('src/options/index.html', '.list');
    await article.bringToFront();
    await article.evaluate(() => scrollTo(0, 0));
    const focused = () =>
      article.evaluate(() =>
        [...(CSS.highlights.get('wortlupe-focus') ?? [])].map((r) => {
          const live = new Range();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        }),
      );
    const step = async (direction: 1 | -1, expected: string | null, enter?: true) => {
      const answer = await sendFrom(sender, tabId, { type: 'step', direction, ...(enter ? { enter } : {}) });
      // Past either end, the page reveals nothing and says so: the background goes on to the next frame.
      expect(answer).toEqual({ stepped: expected !== null });
      if (expected === null) return;
      await expect.poll(focused).toEqual([expected]);
      await article.waitFor(() => document.querySelector('wortlupe-card'));
    };
    await step(1, SEED_FLAGS[0]!);
    await step(1, SEED_FLAGS[1]!);
    await step(-1, SEED_FLAGS[0]!);
    await step(-1, null);
    expect(await focused()).toEqual([SEED_FLAGS[0]!]);
    await step(-1, SEED_FLAGS.at(-1)!, true);
    // The last flag was scrolled into view.
    expect(
      await article.evaluate(() => {
        const r = CSS.highlights.get('wortlupe-focus')!.values().next().value as AbstractRange;
        const rect = (r.startContainer.parentElement as Element).getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      }),
    ).toBe(true);
    await step(1, null);
    await step(1, SEED_FLAGS[0]!, true);
    await article.bringToFront();
    await article.press('Escape');
    await article.waitFor(() => !document.querySelector('wortlupe-card'));
    await sender.close();
    await article.evaluate(() => scrollTo(0, 0)); // as the next tests expect the page
  });

  it('brings a flag inside a box that scrolls into view, however tall its paragraph, before opening its card', async () => {
    const page = await driver.newPage();
    await page.goto(server.url('/scroll-box.html'));
    await page.waitFor(flaggedOnceScanned);
    const tab = await driver.tabIdOf(page);
    const sender = await driver.openExtensionPage('src/options/index.html', '.list');
    await page.bringToFront();
    await sendFrom(sender, tab, { type: 'step', direction: 1 });
    await page.waitFor(() => document.querySelector('wortlupe-card'));
    const seen = await page.evaluate(() => {
      const r = CSS.highlights.get('wortlupe-focus')!.values().next().value as AbstractRange;
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const words = live.getBoundingClientRect();
      const box = document.querySelector('#box')!.getBoundingClientRect();
      const card = document.querySelector('wortlupe-card')!.getBoundingClientRect();
      const inside = (outer: { top: number; bottom: number }) => words.top >= outer.top && words.bottom <= outer.bottom;
      return { text: live.toString(), inBox: inside(box), inWindow: inside({ top: 0, bottom: innerHeight }), cardInWindow: card.top >= 0 && card.bottom <= innerHeight };
    });
    expect(seen).toEqual({ text: 'Kanonenfutter', inBox: true, inWindow: true, cardInWindow: true });
    await sender.close();
    await page.close();
  });

  it('shows a card when the pointer is on a flagged word, and removes it when it leaves', async () => {
    // "Kanonen<b>futter</b>": one highlight across two text nodes; point at the bold half.
    const point = await article.evaluate(pointAt, { selector: '#mi6', text: 'futter' });
    await article.move(point.x, point.y);
    await article.waitFor(() => document.querySelector('wortlupe-card'));
    const box = await article.evaluate(() => {
      const r = document.querySelector('wortlupe-card')!.getBoundingClientRect();
      const host = document.querySelector('wortlupe-card')!;
      return { width: r.width, height: r.height, parent: host.parentElement!.localName, open: host.shadowRoot !== null };
    });
    expect(box.parent).toBe('html');
    expect(box.open).toBe(false); // a closed shadow root: the page cannot read or restyle the card
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(100);
    if (driver.cardAccessibleText) {
      const text = await driver.cardAccessibleText(article);
      expect(text).toContain('Kanonenfutter');
      expect(text).toContain('Dehumanisation · loaded');
      expect(text).toContain(ruleOf('kanonenfutter').explanation);
      expect(text).toContain('In quotation marks „…“');
      expect(text).toContain('List: Krieg und russische Staatspropaganda');
      // Nothing was left out, so nothing points to the popup.
      expect(text).not.toContain('More in Wortlupe’s popup');
    }
    await article.move(2, 2);
    await article.waitFor(() => !document.querySelector('wortlupe-card'));
  });

  it('keeps the card inside a short window (a laptop at 200 % zoom) and clear of every line of a wrapped phrase', async () => {
    const page = await driver.newPage();
    await page.setViewport(683, 330);
    await page.goto(server.url('/short-window.html'));
    await page.waitFor(flaggedOnceScanned);
    const hover = async (selector: string, text: string) => {
      const point = await page.evaluate(pointAt, { selector, text });
      await page.move(point.x, point.y);
      await page.waitFor(() => document.querySelector('wortlupe-card'));
      return page.evaluate(() => {
        const { top, bottom } = document.querySelector('wortlupe-card')!.getBoundingClientRect();
        return { top, bottom, window: innerHeight };
      });
    };
    const away = async () => {
      await page.move(600, 5);
      await page.waitFor(() => !document.querySelector('wortlupe-card'));
    };
    // Near the bottom: too little room below, and the whole card does not fit above either. It goes
    // above, made to fit (the list's name, how the word stands, lines of the explanation left out).
    const word = await page.evaluate(textBox, { selector: '#bottom', text: 'Kanonenfutter' });
    const low = await hover('#bottom', 'Kanonenfutter');
    expect(low.top).toBeGreaterThanOrEqual(8);
    expect(low.bottom).toBeLessThanOrEqual(word.top);
    if (driver.cardAccessibleText) {
      const text = await driver.cardAccessibleText(page);
      expect(text).toContain('Kanonenfutter');
      // Made to fit, it says where the rest is.
      expect(text).toContain('More in Wortlupe’s popup: click its button in the toolbar.');
    }
    await away();
    // "militärische" on one line, "Spezialoperation" on the next: pointing at the first line, the
    // card opens below the second.
    const second = await page.evaluate(textBox, { selector: '#wrapped', text: 'Spezialoperation' });
    const first = await page.evaluate(textBox, { selector: '#wrapped', text: 'militärische' });
    expect(second.top).toBeGreaterThan(first.top); // the phrase does wrap
    const wrapped = await hover('#wrapped', 'militärische');
    expect(wrapped.top).toBeGreaterThanOrEqual(second.top + second.height);
    expect(wrapped.bottom).toBeLessThanOrEqual(wrapped.window - 8);
    await page.close();
  });

  it('lists every flagged term in the popup, grouped by rule, with sentences and sources', async () => {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    const groups = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.group')].map((g) => ({
        rule: g.dataset.rule,
        term: g.querySelector('.term')!.textContent,
        count: g.querySelector('.count')!.textContent,
      })),
    );
    expect(groups).toEqual([
      { rule: 'de-krieg/freiwillig', term: 'freiwillig', count: '3' },
      { rule: 'de-krieg/ukrainischer-faschismus', term: 'ukrainischer Faschismus', count: '1' },
      { rule: 'de-krieg/volksfreiwilligenarmee', term: 'Volksfreiwilligenarmee', count: '1' },
      { rule: 'de-krieg/kanonenfutter', term: 'Kanonenfutter', count: '1' },
      { rule: 'de-krieg/spezialoperation', term: 'militärische Spezialoperation', count: '1' },
    ]);
    expect(await popup.evaluate(() => document.querySelector('.summary')!.textContent)).toBe('7 flags, 5 terms');

    await popup.click('[data-rule="de-krieg/kanonenfutter"] summary');
    const detail = await popup.evaluate(() => {
      const g = document.querySelector('[data-rule="de-krieg/kanonenfutter"]')!;
      return {
        explanation: g.querySelector('.explanation')!.textContent,
        sentence: g.querySelector('.sentence')!.textContent,
        mark: g.querySelector('.sentence mark')!.textContent,
        signals: g.querySelector('.signals')!.textContent,
        // One line per note, as the card lists them.
        lines: [...g.querySelectorAll('.signals .signal')].map((e) => getComputedStyle(e).display),
        links: [...g.querySelectorAll('.sources a')].map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
        list: g.querySelector('.list-line')!.textContent,
        // Languages for screen readers: the interface's on the page, the list's on the list's words.
        langs: [document.documentElement, ...g.querySelectorAll('.term, .explanation, .sentence, .signals')].map((e) => e.closest('[lang]')?.getAttribute('lang')),
      };
    });
    expect(detail).toEqual({
      explanation: ruleOf('kanonenfutter').explanation,
      sentence: 'Der britische Geheimdienstchef Richard Moore nannte arme Rekruten vom Land Putins „Kanonenfutter“.',
      mark: 'Kanonenfutter',
      signals:
        'In quotation marks „…“ — a quotation or scare quotes: the text may be keeping its distance from the word. ' +
        'Reported speech, attributed to: Der britische Geheimdienstchef Richard Moore.',
      lines: ['block', 'block'],
      links: ruleOf('kanonenfutter').sources.map((s: { url: string }) => [s.url, '_blank', 'noopener noreferrer']),
      // The shipped lists have no website of their own.
      list: 'List: Krieg und russische Staatspropaganda',
      langs: ['en', 'de', 'de', 'de', 'en'],
    });

    // A rule with context words (near) says for each occurrence which one let it count.
    await popup.click('[data-rule="de-krieg/freiwillig"] summary');
    const near = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-rule="de-krieg/freiwillig"] .signals .signal')].map((e) => e.textContent!).filter((line) => line.startsWith('Flagged here')),
    );
    expect(near).toEqual(
      ['nordkoreanischen', 'Nordkorea', 'Diktatur'].map((word) => `Flagged here because “${word}” is in the same sentence: the rule applies only in such a context.`),
    );

    // Clicking an occurrence scrolls the page to it and marks it.
    await popup.click('[data-rule="de-krieg/spezialoperation"] summary');
    await popup.click('[data-rule="de-krieg/spezialoperation"] .occurrence');
    // The focus ring comes in the frame after the scroll, and an earlier test's may still be there:
    // waited for by what it marks.
    await expect.poll(() => article.evaluate(highlightTexts).then((h) => h['wortlupe-focus'])).toEqual(['militärische Spezialoperation']);
    expect(await article.evaluate(() => scrollY > 800)).toBe(true);
    await popup.close();
  });

  it('shows each count in the popup on one line, also where the term and its category take two', async () => {
    const page = await driver.newPage();
    await page.goto(server.url('/twenty-reports.html'));
    await page.waitFor(flaggedOnceScanned);
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${await driver.tabIdOf(page)}`, '.group');
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.group')].map((g) => {
        const count = g.querySelector('.count')!;
        const lines = (node: Element) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        return { term: g.querySelector('.term')!.textContent, count: count.textContent, countLines: lines(count), labelLines: lines(g.querySelector('.label')!) };
      }),
    );
    expect(rows.map(({ term, count, countLines }) => ({ term, count, countLines }))).toEqual([
      { term: 'Volksfreiwilligenarmee', count: '20', countLines: 1 },
      { term: 'ukrainischer Faschismus', count: '20', countLines: 1 },
    ]);
    expect(rows.some((row) => row.labelLines > 1)).toBe(true); // the case that wrapped the count
    await popup.close();
    await page.close();
  });

  it('shows a chart per technique, sorts, and exports a report of the page as Markdown and JSON', async () => {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    const chart = await popup.evaluate(() =>
      [...document.querySelectorAll('.chart li')].map((li) => [li.querySelector('.chart-label')!.textContent, li.querySelector('.chart-count')!.textContent]),
    );
    expect(chart).toEqual([
      ['Euphemism', '5'],
      ['Name-calling', '1'],
      ['Dehumanisation', '1'],
    ]);
    const order = () => popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.group')].map((g) => g.dataset.rule!.split('/')[1]));
    const sortBy = (value: string) =>
      popup.evaluate((v) => {
        const select = document.querySelector<HTMLSelectElement>('#sort')!;
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    await sortBy('severity');
    await expect.poll(order).toEqual(['ukrainischer-faschismus', 'spezialoperation', 'volksfreiwilligenarmee', 'kanonenfutter', 'freiwillig']);
    await sortBy('count');
    await expect.poll(order).toEqual(['freiwillig', 'ukrainischer-faschismus', 'volksfreiwilligenarmee', 'kanonenfutter', 'spezialoperation']);

    // What the export buttons hand to the browser to save: each file's name and text.
    await popup.evaluate(captureSaves);
    await popup.click('#export-json');
    await popup.click('#export-markdown');
    const files = await popup.evaluate(savedFiles);
    const today = new Date().toISOString().slice(0, 10);
    expect(files.map((f) => f.name)).toEqual([`wortlupe-report-127.0.0.1-${today}.json`, `wortlupe-report-127.0.0.1-${today}.md`]);
    const report = JSON.parse(files[0]!.text);
    expect(report).toMatchObject({ format: 'wortlupe-report/1', url: articleUrl, title: 'Nordkoreas „Freiwillige“ – Testartikel', total: 7 });
    expect(report.rules.map((r: { rule: string; occurrences: unknown[] }) => [r.rule, r.occurrences.length])).toEqual([
      ['freiwillig', 3],
      ['ukrainischer-faschismus', 1],
      ['volksfreiwilligenarmee', 1],
      ['kanonenfutter', 1],
      ['spezialoperation', 1],
    ]);
    const kanonenfutter = report.rules.find((r: { rule: string }) => r.rule === 'kanonenfutter');
    expect(kanonenfutter).toMatchObject({
      list: { id: 'de-krieg', title: deKrieg.title, version: deKrieg.version },
      explanation: ruleOf('kanonenfutter').explanation,
      sources: ruleOf('kanonenfutter').sources,
    });
    expect(kanonenfutter.occurrences[0].sentence).toBe('Der britische Geheimdienstchef Richard Moore nannte arme Rekruten vom Land Putins „Kanonenfutter“.');
    expect(files[1]!.text.split('\n').slice(0, 5)).toEqual([
      '# Wortlupe report: Nordkoreas „Freiwillige“ – Testartikel',
      '',
      `- Page: [${articleUrl}](${articleUrl})`,
      `- Date: ${today}`,
      '- 7 flags, 5 terms',
    ]);
    await popup.close();
  });

  it('says so in the popup when nothing is flagged', async () => {
    const plain = await driver.newPage();
    const url = server.url('/plain.html');
    await plain.goto(url);
    await plain.waitFor(() => performance.getEntriesByName('wortlupe:scan').length > 0);
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${await driver.tabIdOf(plain)}`, '[data-testid="empty"]');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="empty"]')!.textContent)).toBe('Nothing flagged on this page.');
    await popup.close();
    await plain.close();
  });

  it('flags text added after load, scanning only the new part', async () => {
    // The reader is looking at the page (background tabs may defer idle work).
    await article.bringToFront();
    const before = (await article.evaluate(scanPasses)).length;
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Nachtrag: Die Rekruten seien Kanonenfutter.';
      document.querySelector('article')!.append(p);
    });
    await article.waitFor(() => CSS.highlights.get('wortlupe-ul-s2')!.size === 3, undefined, 1000);
    const passes = (await article.evaluate(scanPasses)).slice(before);
    expect(passes).toEqual([{ textChars: 'Nachtrag: Die Rekruten seien Kanonenfutter.'.length, blocks: 1, findings: 1 }]);
    await article.evaluate(() => document.getElementById('late')!.remove());
    await article.waitFor(() => CSS.highlights.get('wortlupe-ul-s2')!.size === 2, undefined, 1000);
  });

  it('switching a list off in the options page clears it from open tabs, and on again restores it', async () => {
    const options = await driver.openExtensionPage('src/options/index.html', '[data-list="de-krieg"] input');
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('[data-list="de-krieg"] input')!.checked)).toBe(true);
    await options.click('[data-list="de-krieg"] input');
    await article.waitFor(() => [...CSS.highlights].every(([, h]) => h.size === 0));
    await options.click('[data-list="de-krieg"] input');
    // The page is read again in slices, and what lies below the first screen is painted when the
    // last slice ends (first-screen.ts): the first highlights back are not yet all of them.
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    await options.close();
  });

  it('stops flagging a term from the popup in open tabs, "Flag it again" brings it back, and "Show its switch" opens the options page on its switch', async () => {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    const group = '[data-rule="de-krieg/kanonenfutter"]';
    const said = () =>
      popup.evaluate(
        (g) => [`${g} .off-tag`, `${g} [role="status"]`, `${g} .rule-off button`].map((selector) => document.querySelector(selector)?.textContent ?? null),
        group,
      );
    // What the popup counts, and whether the term's sentences still lead to the page.
    const counted = () => popup.evaluate((g) => [document.querySelector('.summary')?.textContent, document.querySelector<HTMLButtonElement>(`${g} .occurrence`)!.disabled], group);
    await popup.click(`${group} summary`);
    expect(await said()).toEqual([null, '', 'Stop flagging this term']);
    expect(await counted()).toEqual(['7 flags, 5 terms', false]);
    await popup.click(`${group} .rule-off button`);
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS.filter((term) => term !== 'Kanonenfutter'));
    await expect.poll(() => driver.badgeText(tabId)).toBe('6');
    expect(await counted()).toEqual(['6 flags, 4 terms', true]);
    expect(await said()).toEqual(['no longer flagged', `No longer flagged on any page. Its switch is in “Lists and settings”, in the list “${deKrieg.title}”.`, 'Flag it again']);

    await popup.click(`${group} .rule-off button`);
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    await expect.poll(() => driver.badgeText(tabId)).toBe('7');
    expect(await said()).toEqual([null, 'Flagged again on every page.', 'Stop flagging this term']);
    expect(await counted()).toEqual(['7 flags, 5 terms', false]);

    // Off again, and "Show its switch": the options page opens with the rule found and its switch
    // focused, and Space there switches it back on.
    await popup.click(`${group} .rule-off button`);
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS.filter((term) => term !== 'Kanonenfutter'));
    const options = await driver.tabOpenedBy(() => popup.click(`${group} .rule-off .link`), 'src/options/index.html', '.find-result:not(:empty)');
    const found = () =>
      options.evaluate(() => ({
        find: document.querySelector<HTMLInputElement>('#find-term')!.value,
        said: document.querySelector('.find-result')!.textContent,
        switches: [...document.querySelectorAll<HTMLInputElement>('.rule-switches input')].map((input) => [input.id, input.checked]),
        focused: document.activeElement?.id,
        address: location.hash,
      }));
    await options.waitFor(() => document.activeElement?.id === 'rule-de-krieg_kanonenfutter');
    expect(await found()).toEqual({
      find: 'Kanonenfutter',
      said: '1 rule found in 1 list',
      switches: [['rule-de-krieg_kanonenfutter', false]],
      focused: 'rule-de-krieg_kanonenfutter',
      address: '',
    });
    await options.press('Space');
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    expect((await found()).switches).toEqual([['rule-de-krieg_kanonenfutter', true]]);
    await options.close();
    // The popup closes itself as the options page opens; a test's tab may stay.
    await popup.close().catch(() => {});
  });

  it('"Show its switch" takes the options tab already open to the switch, and leaves one with an editor open as it is', async () => {
    const group = '[data-rule="de-krieg/kanonenfutter"]';
    const options = await driver.openExtensionPage('src/options/index.html', '.lists');
    await options.fill('#find-term', 'Spezialoperation');
    let popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    await popup.click(`${group} summary`);
    await popup.click(`${group} .rule-off button`);
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS.filter((term) => term !== 'Kanonenfutter'));
    // A mark on the page, gone if the request loaded it again.
    await options.evaluate(() => void ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    await popup.click(`${group} .rule-off .link`);
    // The open tab, not a new one, not loaded again: in front, Find a term says the term, the switch has the focus.
    await options.waitFor(() => document.activeElement?.id === 'rule-de-krieg_kanonenfutter');
    const seen = () =>
      options.evaluate(async () => {
        const global = globalThis as unknown as { browser?: ExtensionPageApi; chrome: ExtensionPageApi };
        const api = global.browser ?? global.chrome;
        const page = api.runtime.getURL('src/options/index.html');
        const tabs = await api.runtime.getContexts({ contextTypes: ['TAB'] });
        return {
          // While an editor is open, it takes the place of the lists and their find box.
          find: document.querySelector<HTMLInputElement>('#find-term')?.value ?? null,
          address: location.hash,
          inFront: (await api.tabs.getCurrent())?.active,
          optionsTabs: tabs.filter((tab) => tab.documentUrl?.split('#')[0] === page).length,
          editor: document.querySelector<HTMLInputElement>('.editor input[name="list-title"]')?.value ?? null,
          notReloaded: (globalThis as unknown as { notReloaded?: boolean }).notReloaded ?? false,
        };
      });
    expect(await seen()).toEqual({ find: 'Kanonenfutter', address: '', inFront: true, optionsTabs: 1, editor: null, notReloaded: true });
    // The page was open before the popup switched the rule off: it shows that once it has read the
    // stored state again (a storage change, then a round trip to the background). A reader presses
    // Space on a switch that shows "off"; pressed before, it would switch off what is off already
    // (seen once in CI on a busy machine).
    await options.waitFor(() => (document.getElementById('rule-de-krieg_kanonenfutter') as HTMLInputElement | null)?.checked === false);
    await options.press('Space');
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    await popup.close().catch(() => {});

    // With an editor open there, its draft stays as it is, and the switch opens in a new tab.
    await options.click('.new-list');
    await options.fill('.editor input[name="list-title"]', 'Entwurf, nicht gespeichert');
    popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
    await popup.click(`${group} summary`);
    await popup.click(`${group} .rule-off button`);
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS.filter((term) => term !== 'Kanonenfutter'));
    const second = await driver.tabOpenedBy(() => popup.click(`${group} .rule-off .link`), 'src/options/index.html', '.find-result:not(:empty)');
    await second.waitFor(() => document.activeElement?.id === 'rule-de-krieg_kanonenfutter');
    expect(await seen()).toMatchObject({ find: null, address: '', optionsTabs: 2, editor: 'Entwurf, nicht gespeichert', notReloaded: true });
    await second.press('Space');
    await expect.poll(() => article.evaluate(allFlagged)).toEqual(SEED_FLAGS);
    await second.close();
    await options.close();
    await popup.close().catch(() => {});
  });

  describe('matching across markup, languages, shadow roots and frames', () => {
    let page: TestPage;
    beforeAll(async () => {
      page = await driver.newPage();
      await page.goto(server.url('/matching.html'));
      await page.bringToFront();
      await page.waitFor(() => CSS.highlights.get('wortlupe-ul-s3')?.size === 3);
    });
    afterAll(() => page.close());

    it('matches across soft hyphens, links and <br>, per paragraph language, and inside open shadow roots', async () => {
      // Range.toString() leaves out the <br>; the soft hyphen is part of the original text.
      expect(await page.evaluate(highlightTexts)).toEqual({
        'wortlupe-ul-s2': ['Kanonen\u00ADfutter', 'cannonfodder'],
        'wortlupe-ul-s3': ['Kiewer Regime', 'militärischenSpezialoperation', 'Entnazifizierung'],
        'wortlupe-focus': [],
      });
    });

    it('flags text in same-origin and srcdoc frames', async () => {
      // Frames load and scan on their own schedule: poll until each has painted.
      const inFrame = (url: string) => () => page.evaluateInFrame(url, highlightTexts).catch(() => null);
      await expect.poll(inFrame('/frame.html')).toEqual({ 'wortlupe-ul-s2': ['Kanonenfutter'], 'wortlupe-focus': [] });
      await expect.poll(inFrame('srcdoc')).toEqual({ 'wortlupe-ul-s3': ['ukrainischen Faschismus'], 'wortlupe-focus': [] });
    });

    it('brings a flag in a frame far down the page into view when its sentence is clicked in the popup, and the shortcuts go on from there', async () => {
      const far = await driver.newPage();
      await far.goto(server.url('/frame-below.html'));
      await far.bringToFront();
      const tabId = await driver.tabIdOf(far);
      const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.group');
      await popup.click('[data-rule="de-krieg/kanonenfutter"] summary');
      await popup.click('[data-rule="de-krieg/kanonenfutter"] .occurrence');
      // The flag in the frame is marked, and the frame scrolled into the window.
      await expect.poll(() => far.evaluateInFrame('/frame.html', highlightTexts).then((h) => h['wortlupe-focus'])).toEqual(['Kanonenfutter']);
      await far.waitFor(() => {
        const box = document.getElementById('below')!.getBoundingClientRect();
        return scrollY > 2000 && box.top >= 0 && box.bottom <= innerHeight;
      });
      // The keyboard shortcuts go on from that frame (storage.session, see src/background/shortcuts.ts),
      // which has no flag after or before this one.
      await expect.poll(() => framesAndStep(popup, tabId).then(({ frames, step }) => frames.length === 2 && step === frames[1])).toBe(true);
      const { frames } = await framesAndStep(popup, tabId);
      expect(await sendFrom(popup, tabId, { type: 'step', direction: 1 }, frames[1])).toEqual({ stepped: false });
      expect(await sendFrom(popup, tabId, { type: 'step', direction: -1 }, frames[1])).toEqual({ stepped: false });
      await popup.close().catch(() => {});
      await far.close();
    });

    it('enters a frame at its flag for the keyboard shortcuts from either end, and says when it has none after or before it', async () => {
      const id = await driver.tabIdOf(page);
      const sender = await driver.openExtensionPage('src/options/index.html', '.list');
      await expect.poll(() => framesAndStep(sender, id).then(({ frames }) => frames.length)).toBe(3);
      const { frames } = await framesAndStep(sender, id);
      // Which frame is which: each says its address and findings.
      const said = await Promise.all(frames.map((frameId) => sendFrom(sender, id, { type: 'get-findings' }, frameId)));
      const frameId = frames[said.findIndex((answer) => (answer as { url: string }).url.endsWith('/frame.html'))]!;
      const focusThere = () => page.evaluateInFrame('/frame.html', highlightTexts).then((h) => h['wortlupe-focus']);
      expect(await focusThere()).toEqual([]);
      expect(await sendFrom(sender, id, { type: 'step', direction: -1, enter: true }, frameId)).toEqual({ stepped: true });
      await expect.poll(focusThere).toEqual(['Kanonenfutter']);
      // Its only flag: nothing after it, nothing before it.
      expect(await sendFrom(sender, id, { type: 'step', direction: 1 }, frameId)).toEqual({ stepped: false });
      expect(await sendFrom(sender, id, { type: 'step', direction: -1 }, frameId)).toEqual({ stepped: false });
      expect(await sendFrom(sender, id, { type: 'step', direction: 1, enter: true }, frameId)).toEqual({ stepped: true });
      await sender.close();
    });

    it("counts every frame's findings on the badge and in the popup", async () => {
      const id = await driver.tabIdOf(page);
      await expect.poll(() => driver.badgeText(id)).toBe('7');
      const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${id}`, '.group');
      const counts = await popup.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll<HTMLElement>('.group')].map((g) => [g.dataset.rule, g.querySelector('.count')!.textContent])),
      );
      expect(counts).toEqual({
        'de-krieg/kanonenfutter': '2',
        'de-krieg/kiewer-regime': '1',
        'de-krieg/spezialoperation': '1',
        'en-war/cannon-fodder': '1',
        'de-krieg/entnazifizierung': '1',
        'de-krieg/ukrainischer-faschismus': '1',
      });
      await popup.close();
    });
  });

  describe('frames with nothing to read', () => {
    it('read nothing until the page writes text into them, then flag it and count it', async () => {
      const page = await driver.newPage();
      await page.goto(server.url('/waiting-frames.html'));
      await page.bringToFront();
      await page.waitFor(() => CSS.highlights.get('wortlupe-ul-s2')?.size === 1);
      const id = await driver.tabIdOf(page);
      /** The content script's start-up marks in a frame, and what it painted there. */
      const state = (url: string) => async () => {
        try {
          const marks = await page.evaluateInFrame(url, () => ({
            waiting: performance.getEntriesByName('wortlupe:waiting-for-text').length,
            unpacked: performance.getEntriesByName('wortlupe:unpack').length,
          }));
          return { ...marks, painted: await page.evaluateInFrame(url, highlightTexts) };
        } catch {
          return null; // the frame is not there yet
        }
      };
      // Both frames ran the script, which saw nothing to read and neither read nor unpacked the matcher.
      const nothing = { 'wortlupe-focus': [] };
      await expect.poll(state('about:blank')).toEqual({ waiting: 1, unpacked: 0, painted: nothing });
      await expect.poll(state('/ad-slot.html')).toEqual({ waiting: 1, unpacked: 0, painted: nothing });
      await expect.poll(() => driver.badgeText(id)).toBe('1');

      // The page writes text into both, as ad scripts do: into the empty one with document.write,
      // leaving the document open (never closed, it never fires DOMContentLoaded), into the slot
      // with an insertion.
      await page.evaluate(() => {
        const frame = (id: string) => (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
        frame('empty').open();
        frame('empty').write('<p lang="de">Ein Sprecher nannte sie Kanonenfutter.</p>');
        frame('slot').body.insertAdjacentHTML('beforeend', '<p lang="de">Anzeige: Schluss mit dem Kiewer Regime?</p>');
      });
      await expect.poll(state('about:blank')).toEqual({ waiting: 1, unpacked: 1, painted: { 'wortlupe-ul-s2': ['Kanonenfutter'], 'wortlupe-focus': [] } });
      await expect.poll(state('/ad-slot.html')).toEqual({ waiting: 1, unpacked: 1, painted: { 'wortlupe-ul-s3': ['Kiewer Regime'], 'wortlupe-focus': [] } });
      await expect.poll(() => driver.badgeText(id)).toBe('3');
      expect(page.extensionErrors()).toEqual([]);
      await page.close();
    });

    it('the page itself reads at once even with nothing to read yet, and flags what it renders later', async () => {
      const page = await driver.newPage();
      await page.goto(server.url('/empty-at-first.html'));
      await page.waitFor(() => performance.getEntriesByName('wortlupe:scan-complete').length === 1);
      expect(
        await page.evaluate(() => [performance.getEntriesByName('wortlupe:unpack').length, performance.getEntriesByName('wortlupe:waiting-for-text').length]),
      ).toEqual([1, 0]);
      await page.evaluate(() => void (document.getElementById('app')!.innerHTML = '<p>Die Rekruten seien Kanonenfutter.</p>'));
      await expect.poll(() => page.evaluate(highlightTexts)).toEqual({ 'wortlupe-ul-s2': ['Kanonenfutter'], 'wortlupe-focus': [] });
      await page.close();
    });
  });

  describe('the page is left as it was', () => {
    it("the page's DOM is byte-identical with and without Wortlupe, also after a card was shown", async () => {
      const reference = await launch({ extension: false });
      try {
        const plainPage = await reference.newPage();
        await plainPage.goto(articleUrl);
        const expected = await plainPage.evaluate(() => document.documentElement.outerHTML);
        const fresh = await driver.newPage();
        await fresh.goto(articleUrl);
        await fresh.waitFor(flaggedOnceScanned);
        expect(await fresh.evaluate(() => document.documentElement.outerHTML)).toBe(expected);
        const point = await fresh.evaluate(pointAt, { selector: '#quote', text: 'Faschismus' });
        await fresh.move(point.x, point.y);
        await fresh.waitFor(() => document.querySelector('wortlupe-card'));
        await fresh.move(2, 2);
        await fresh.waitFor(() => !document.querySelector('wortlupe-card'));
        expect(await fresh.evaluate(() => document.documentElement.outerHTML)).toBe(expected);
        await fresh.close();
      } finally {
        await reference.close();
      }
    });
  });
}
