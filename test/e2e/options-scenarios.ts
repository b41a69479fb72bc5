// Readers owning their lists, end to end: what they do in the options page and the popup, and what
// the open page shows as a result. Run unchanged in Chromium and Firefox.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { allFlagged, captureSaves, flaggedOnceScanned, savedFiles } from './support/in-page';

const lists = join(import.meta.dirname, '../fixtures/lists');

/** Click the button (or label) whose text is exactly `text`, as a reader would find it. */
function clickText(page: TestPage, text: string): Promise<void> {
  return page.evaluate((label: string) => {
    const target = [...document.querySelectorAll('button, .button-like')].find((el) => el.textContent?.trim() === label);
    if (!target) throw new Error(`no button "${label}"`);
    (target as HTMLElement).click();
  }, text);
}

const textOf = (page: TestPage, selector: string) => page.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector);

export function optionsScenarios(launch: () => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;
  let page: TestPage;
  let options: TestPage;
  let listBody = readFileSync(join(lists, 'subscription-v1.json'), 'utf8');

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/lists/abo.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(listBody));
    driver = await launch();
    page = await driver.newPage();
    await page.goto(server.url('/custom-terms.html'));
    await page.waitFor(flaggedOnceScanned);
    options = await driver.openExtensionPage('src/options/index.html', '.list');
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  const flagged = () => page.evaluate(allFlagged);

  it('flags only the shipped term at first', async () => {
    expect(await flagged()).toEqual(['Kanonenfutter']);
  });

  it('adds a rule in the options page, and the open page flags it', async () => {
    await clickText(options, 'New list');
    await clickText(options, 'Add rule');
    await options.fill('[name=term]', 'Wolkenkuckucksheim');
    await options.fill('[name=forms]', 'Wolkenkuckucksheim{,e,s}');
    await options.fill('[name=explanation]', 'Eine Testregel: Das Wort tut so, als sei eine Idee von vornherein weltfremd.');
    await options.fill('[name=source-title-0]', 'Eine Quelle');
    await options.fill('[name=source-url-0]', 'https://example.org/wolkenkuckucksheim');
    await options.fill('[name=flag]', 'Das ist doch ein Wolkenkuckucksheim!');
    await options.waitFor(() => document.querySelector('.examples .pass') !== null);
    await clickText(options, 'Save rule');
    await clickText(options, 'Save list');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Meine Begriffe”.');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Kanonenfutter']);
  });

  it('checks every field as the reader types, naming what is wrong', async () => {
    await clickText(options, 'Add rule');
    await options.fill('[name=term]', 'Kaffeesatz');
    await options.fill('[name=source-url-0]', 'http://example.org/');
    expect(await options.evaluate(() => [...document.querySelectorAll('.rule-form .field .error')].map((e) => e.textContent).filter(Boolean))).toEqual([
      'must not be empty', // explanation
      'must not be empty', // source title
      'must be an https:// address',
    ]);
    await clickText(options, 'Cancel');
    await clickText(options, 'Close');
  });

  it('imports a list from a file, and the page flags its terms', async () => {
    await options.setInputFiles('#import-file', join(lists, 'import-luftschloss.json'));
    await options.waitFor(() => document.querySelector('.ok')?.textContent === 'Imported import-luftschloss.json.');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('refuses a broken file, says exactly what is wrong, and changes nothing', async () => {
    const before = await options.evaluate(() => document.querySelectorAll('.list').length);
    await options.setInputFiles('#import-file', join(lists, 'broken.json'));
    await options.waitFor(() => document.querySelector('.import-errors') !== null);
    expect(await options.evaluate(() => [...document.querySelectorAll('.import-errors p, .import-errors li')].map((e) => e.textContent))).toEqual([
      'Nothing was imported:',
      'broken.json: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3',
      'broken.json: rule "kanonenfutter" (rules[0]) › sources[0].url: must be an https:// address',
    ]);
    expect(await options.evaluate(() => document.querySelectorAll('.list').length)).toBe(before);
    expect(await flagged()).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('asks before an import replaces a list with the same id', async () => {
    await options.setInputFiles('#import-file', join(lists, 'import-luftschloss.json'));
    await options.waitFor(() => document.querySelector('.import-errors li')?.textContent?.endsWith('Replace it?'));
    expect(await textOf(options, '.import-errors li')).toBe('You already have a list with the id "import-test" ("Importierte Testliste"). Replace it?');
    await clickText(options, 'Cancel');
  });

  it('backs up everything, restores a backup only when asked, and keeps what the restore replaced', async () => {
    await options.evaluate(captureSaves);
    await clickText(options, 'Export everything (backup)');
    await options.waitFor(() => (window as unknown as { saved: unknown[] }).saved.length === 1);
    const [saved] = await options.evaluate(savedFiles);
    expect(saved!.name).toMatch(/^wortlupe-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(saved!.text);
    expect(backup.userLists.lists.map((e: { list: { title: string } }) => e.list.title)).toEqual(['Meine Begriffe', 'Importierte Testliste']);
    // A backup without "Meine Begriffe", as if made before it was written.
    const older = join(mkdtempSync(join(tmpdir(), 'wortlupe-backup-')), 'older.json');
    writeFileSync(older, JSON.stringify({ ...backup, userLists: { ...backup.userLists, lists: backup.userLists.lists.slice(1) } }));

    await options.setInputFiles('#backup-file', older);
    await options.waitFor(() => document.querySelector('#backup-question'));
    expect(await textOf(options, '#backup-question')).toBe(
      'Restore “older.json”? It replaces all your lists and settings. What you have now is kept, and can be exported from the notice that follows.',
    );
    await clickText(options, 'Cancel');
    expect(await flagged()).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);

    await options.setInputFiles('#backup-file', older);
    await options.waitFor(() => document.querySelector('#backup-question'));
    await clickText(options, 'Restore');
    await options.waitFor(() => document.querySelector('.ok')?.textContent === 'Backup restored.');
    await expect.poll(flagged).toEqual(['Luftschloss', 'Kanonenfutter']);

    // What was replaced comes back from the notice, as a backup file of its own.
    await options.click('.save-kept');
    await options.waitFor(() => (window as unknown as { saved: unknown[] }).saved.length === 2);
    const kept = (await options.evaluate(savedFiles)).at(-1)!;
    expect(kept.name).toMatch(/^wortlupe-backup-before-restore-\d{4}-\d{2}-\d{2}\.json$/);
    const keptFile = join(mkdtempSync(join(tmpdir(), 'wortlupe-backup-')), 'kept.json');
    writeFileSync(keptFile, kept.text);
    await options.setInputFiles('#backup-file', keptFile);
    await options.waitFor(() => document.querySelector('#backup-question'));
    await clickText(options, 'Restore');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('switches one shipped rule off without touching the list, and restores the defaults', async () => {
    await options.click('[data-list="de-krieg"] .rule-switches summary');
    await options.click('#rule-de-krieg-kanonenfutter');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss']);
    await clickText(options, 'Restore defaults');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('keeps earlier versions of a list: Undo brings back the last one', async () => {
    await options.evaluate(() => {
      const card = document.querySelector('[data-list="meine-begriffe"]')!;
      [...card.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.click();
    });
    await clickText(options, 'Delete');
    await clickText(options, 'Save list');
    await expect.poll(flagged).toEqual(['Luftschloss', 'Kanonenfutter']);
    // Saved when the editor offers to close rather than to discard.
    await options.waitFor(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Close'));
    await clickText(options, 'Close');
    await options.evaluate(() => {
      const card = document.querySelector('[data-list="meine-begriffe"]')!;
      [...card.querySelectorAll('button')].find((b) => b.textContent === 'Undo last change')!.click();
    });
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('subscribes to a list served from 127.0.0.1, updates it, and keeps the last good version when an update is broken', async () => {
    await driver.allowOrigin('http://127.0.0.1/*');
    await options.fill('#subscribe-url', server.url('/lists/abo.json'));
    // A real click: browsers grant permissions only in answer to the reader's own input.
    await options.click('#subscribe-check');
    await options.waitFor(() => document.querySelector('.subscription-preview') !== null);
    expect(await textOf(options, '.subscription-preview h3')).toBe('Abonnierte Testliste');
    await clickText(options, 'Subscribe');
    await options.waitFor(() => document.querySelector('[data-list="abo-test"]') !== null);
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kaffeesatz', 'Kanonenfutter']);

    listBody = readFileSync(join(lists, 'subscription-v2.json'), 'utf8');
    await options.click('[data-list="abo-test"] .row-actions button');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);

    listBody = '{ "format": "wortlupe-list/1", ';
    await options.click('[data-list="abo-test"] .row-actions button');
    await options.waitFor(() => document.querySelector('[data-list="abo-test"] .error-text') !== null);
    expect(await textOf(options, '[data-list="abo-test"] .error-text')).toMatch(
      /^Last update failed: http:\/\/127\.0\.0\.1:\d+\/lists\/abo\.json: not valid JSON \(.+\) Kept the last good version\.$/,
    );
    expect(await flagged()).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);
    // The twice-daily check is scheduled (at install, and again at every browser start).
    const alarm = await options.evaluate(() => {
      type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
      const scope = globalThis as unknown as { browser?: Alarms; chrome: Alarms };
      return (scope.browser ?? scope.chrome).alarms.get('wortlupe-update-subscriptions');
    });
    expect(alarm?.periodInMinutes).toBe(720);
  });

  it('changes how highlights look: by list, tinted, the severity still in the underline', async () => {
    await options.click('input[name="colour-by"][value="list"]');
    await options.click('input[name="look"][value="background"]');
    await page.waitFor(() => [...CSS.highlights.keys()].some((name) => name.startsWith('wortlupe-bg-')));
    const names = await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n !== 'wortlupe-focus').sort());
    expect(names.every((n) => /^wortlupe-bg-s[123]-c[0-7]$/.test(n))).toBe(true);
    expect(names).toContain('wortlupe-bg-s2-c2'); // Kanonenfutter: severity 2, third enabled list (de-krieg)
    await clickText(options, 'Restore defaults');
    await page.waitFor(() => CSS.highlights.has('wortlupe-ul-s2'));
  });

  it('opens the rule form from "Add to my list…" with the selected term', async () => {
    const form = await driver.openExtensionPage('src/options/index.html#add?term=Gesinnungsterror&lang=de', '.rule-form');
    expect(await form.evaluate(() => (document.querySelector('[name=term]') as HTMLInputElement).value)).toBe('Gesinnungsterror');
    expect(await textOf(form, '#editor-heading')).toBe('Edit “Meine Begriffe”');
    await form.close();
  });

  it('switches Wortlupe off for a site from the popup, and on again', async () => {
    const tabId = await driver.tabIdOf(page);
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.site-switch input');
    expect(await textOf(popup, '.site-switch span')).toBe('Wortlupe on 127.0.0.1');
    await popup.click('.site-switch input');
    await expect.poll(flagged).toEqual([]);
    await expect.poll(() => driver.badgeText(tabId)).toBe('');
    await expect.poll(() => driver.badgeTitle(tabId)).toBe('Wortlupe');
    await popup.click('.site-switch input');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);
    await popup.close();
  });

  it('reported no error from its own pages during all of the above', () => {
    expect(options.extensionErrors()).toEqual([]);
    expect(page.extensionErrors()).toEqual([]);
  });
}
