// Readers owning their lists, end to end: what they do in the options page and the popup, and what
// the open page shows as a result. Run unchanged in Chromium and Firefox.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Click the button whose text is exactly `text` inside the first element matching `selector`. */
function clickIn(page: TestPage, selector: string, text: string): Promise<void> {
  return page.evaluate(
    ({ selector, text }: { selector: string; text: string }) => {
      const target = [...(document.querySelector(selector)?.querySelectorAll('button') ?? [])].find((el) => el.textContent?.trim() === text);
      if (!target) throw new Error(`no button "${text}" in ${selector}`);
      // As a reader's click does (and Enter on it): the button has focus when it acts.
      target.focus();
      target.click();
    },
    { selector, text },
  );
}

/**
 * Put text into a field at once, as pasting does: one input event. (The driver's fill types long text
 * key by key in Firefox, and does not report an emptied field.)
 */
function paste(page: TestPage, selector: string, text: string): Promise<void> {
  return page.evaluate(
    ({ selector, text }: { selector: string; text: string }) => {
      const field = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      field.value = text;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
    },
    { selector, text },
  );
}

const textsOf = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);

/** A list as a reader might paste it, with one rule per term. */
function pastedList(id: string, title: string, terms: { id: string; term: string; severity?: number; explanation?: string }[]): string {
  return JSON.stringify({
    format: 'wortlupe-list/1',
    id,
    title,
    language: 'de',
    version: '1',
    rules: terms.map((r) => ({
      id: r.id,
      term: r.term,
      match: [r.term],
      technique: 'loaded-language',
      severity: r.severity ?? 1,
      explanation: r.explanation ?? `Testregel für ${r.term}: Sie prüft das Einfügen, Bearbeiten und Exportieren einer Liste.`,
      sources: [{ title: 'Testquelle', url: 'https://example.org/quelle' }],
    })),
  });
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

  it("marks each list's own words with its language, and the page with the interface's", async () => {
    const langs = await options.evaluate(() => {
      const own = (selector: string) => document.querySelector(selector)?.getAttribute('lang');
      const from = (selector: string) => document.querySelector(selector)?.closest('[lang]')?.localName;
      return [own('html'), own('[data-list="de-krieg"] h3'), own('[data-list="de-krieg"] details label'), own('[data-list="en-war"] h3'), from('[data-list="de-krieg"] .facts')];
    });
    // The interface is English here; the list's facts ("Language: de", "38 rules") are interface text.
    expect(langs).toEqual(['en', 'de', 'de', 'en', 'html']);
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
    // Whose list it is, for readers of a list that is shared: stored with it, shown on its card.
    await options.fill('[name=list-license]', 'CC0-1.0');
    await options.fill('[name=list-homepage]', 'https://begriffe.example/meine');
    await clickText(options, 'Save list');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Meine Begriffe”.');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Kanonenfutter']);
    await clickText(options, 'Close');
    expect(
      await options.evaluate(() => [...document.querySelectorAll('[data-list="meine-begriffe"] .facts > span')].slice(-3).map((span) => span.textContent)),
    ).toEqual(['Licence: CC0-1.0', 'Yours', 'Website: begriffe.example']);
  });

  it('checks every field as the reader types, naming what is wrong', async () => {
    await clickIn(options, '[data-list="meine-begriffe"] .row-actions', 'Edit');
    await clickText(options, 'Add rule');
    await options.fill('[name=term]', 'Kaffeesatz');
    await options.fill('[name=source-url-0]', 'http://example.org/');
    expect(await options.evaluate(() => [...document.querySelectorAll('.rule-form .field .error')].map((e) => e.textContent).filter(Boolean))).toEqual([
      'must not be empty', // explanation
      'must not be empty', // source title
      'must be an https:// address',
    ]);
    // A half-written rule is unsaved work: the editor offers to discard it, and leaving the page asks first.
    const leavingIsStopped = () => options.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
    expect(await textsOf(options, '.editor > .actions button')).toEqual(['Save list', 'Discard changes']);
    expect(await leavingIsStopped()).toBe(true);
    await clickText(options, 'Cancel');
    expect(await leavingIsStopped()).toBe(false);
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
    expect(await textOf(options, '.import-errors li')).toBe(
      'import-luftschloss.json: You already have a list with the id "import-test" ("Importierte Testliste"). Replace it?',
    );
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

    // A file that is no backup is refused, named as the import's errors name theirs.
    const notBackup = join(mkdtempSync(join(tmpdir(), 'wortlupe-backup-')), 'not-a-backup.json');
    writeFileSync(notBackup, '{ "format": ');
    await options.setInputFiles('#backup-file', notBackup);
    await options.waitFor(() => document.querySelector('#backup-question'));
    await clickText(options, 'Restore');
    await options.waitFor(() => document.querySelector('.import-errors li') !== null);
    expect(await textsOf(options, '.import-errors li')).toEqual([expect.stringMatching(/^not-a-backup\.json: The backup is not valid JSON \(.+\)\.$/)]);

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

    // Each restore set aside what it replaced; once saved, the reader removes them for good, one by one.
    await options.waitFor(() => document.querySelectorAll('.set-aside li').length === 2);
    expect(await textsOf(options, '.set-aside li .title')).toEqual(['What you had before a backup was restored', 'What you had before a backup was restored']);
    for (const left of [1, 0]) {
      await clickIn(options, '.set-aside li', 'Remove for good');
      await clickIn(options, '.set-aside li .confirm', 'Remove for good');
      await options.waitFor((n: number) => document.querySelectorAll('.set-aside li').length === n, left);
    }
    expect(await options.evaluate(() => document.querySelector('.set-aside'))).toBeNull();
    // The lists are untouched by it.
    expect(await flagged()).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Kanonenfutter']);
  });

  it('switches one shipped rule off without touching the list, and restores the defaults', async () => {
    await options.click('[data-list="de-krieg"] .rule-switches summary');
    await options.click('#rule-de-krieg_kanonenfutter');
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss']);
    // It switches lists and rules back on, not only the look: it asks first, and Cancel changes nothing.
    await clickText(options, 'Restore defaults');
    expect(await textOf(options, 'section[aria-labelledby="style-heading"] .confirm')).toBe(
      'Switch every list and rule back on, and go back to the default look? Sites you turned Wortlupe off for stay off.Restore defaultsCancel',
    );
    await clickIn(options, 'section[aria-labelledby="style-heading"] .confirm', 'Cancel');
    await clickText(options, 'Restore defaults');
    await clickIn(options, 'section[aria-labelledby="style-heading"] .confirm', 'Restore defaults');
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
    // Whose list it is, before the reader takes it: its licence, and its website by host.
    const credits = (where: string) =>
      options.evaluate((at: string) => [...document.querySelectorAll(`${at} .facts:not(.subscription) > span`)].slice(-2).map((span) => span.textContent), where);
    expect(await credits('.subscription-preview')).toEqual(['Licence: CC0-1.0', 'Website: listen.example']);
    await clickText(options, 'Subscribe');
    await options.waitFor(() => document.querySelector('[data-list="abo-test"]') !== null);
    expect(await credits('[data-list="abo-test"]')).toEqual([`Subscribed: ${server.url('/lists/abo.json')}`, 'Website: listen.example']);
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
    await clickIn(options, 'section[aria-labelledby="style-heading"] .confirm', 'Restore defaults');
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
    const terms = () => popup.evaluate(() => [...document.querySelectorAll('.group .term')].map((term) => term.textContent));
    expect(await terms()).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);
    await popup.click('.site-switch input');
    await expect.poll(flagged).toEqual([]);
    await expect.poll(() => driver.badgeText(tabId)).toBe('');
    await expect.poll(() => driver.badgeTitle(tabId)).toBe('Wortlupe');
    // The popup follows: its list goes, and it says why nothing is flagged.
    await expect.poll(() => textOf(popup, '[data-testid="empty"]')).toBe('Wortlupe is off on 127.0.0.1: it does not read this site.');
    expect(await terms()).toEqual([]);
    await popup.click('.site-switch input');
    // The page is read again in idle time, and what lies below the first screen is painted when it
    // has been read. Here the popup is a tab in front of the page (a reader's popup does not hide
    // it), and in one of three runs of the Firefox file that last flag had not come for seconds:
    // Firefox gives a tab behind others little idle time. So the page is in front, as for a reader.
    await page.bringToFront();
    await expect.poll(flagged).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);
    // And the popup lists them again once the page has been read.
    await expect.poll(terms).toEqual(['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter']);
    await popup.close();
  });

  // The reader's list from pasted text, edited rule by rule, exported on its own, and deleted.
  const before = ['Wolkenkuckucksheim', 'Luftschloss', 'Seifenblase', 'Kanonenfutter'];
  const listCount = () => options.evaluate(() => document.querySelectorAll('.list').length);
  const ruleRows = () =>
    options.evaluate(() => [...document.querySelectorAll('.rule-row')].map((r) => [(r as HTMLElement).dataset.rule, r.querySelector('.term')?.textContent]));
  const importErrors = () => textsOf(options, '.import-errors p, .import-errors li');

  it('imports a list pasted as JSON, and the page flags its term', async () => {
    // The popup test left the fixture page in front; Firefox runs no animation frames in a tab behind
    // it, and filling a field waits for one.
    await options.bringToFront();
    expect(await flagged()).toEqual(before);
    await paste(options, '#import-text', pastedList('eingefuegt-test', 'Eingefügte Testliste', [{ id: 'hirngespinst', term: 'Hirngespinst' }]));
    await clickText(options, 'Import');
    await options.waitFor(() => document.querySelector('section[aria-labelledby="import-heading"] .ok')?.textContent === 'Imported the pasted list.');
    expect(await options.evaluate(() => (document.querySelector('#import-text') as HTMLTextAreaElement).value)).toBe('');
    expect(await textOf(options, '[data-list="eingefuegt-test"] h3')).toBe('Eingefügte Testliste');
    expect(await textOf(options, '[data-list="eingefuegt-test"] .source')).toBe('Imported');
    await expect.poll(flagged).toEqual([...before, 'Hirngespinst']);
  });

  it('refuses pasted text that is not JSON or not a valid list, says exactly what is wrong, and changes nothing', async () => {
    const lists = await listCount();
    await paste(options, '#import-text', '{ "format": "wortlupe-list/1", ');
    await clickText(options, 'Import');
    await options.waitFor(() => document.querySelector('.import-errors') !== null);
    expect(await importErrors()).toEqual(['Nothing was imported:', expect.stringMatching(/^the pasted list: not valid JSON \(.+\)$/)]);

    const invalid = pastedList('ungueltig-test', 'Ungültige Testliste', [
      { id: 'kartenhaus', term: 'Kartenhaus' },
      { id: 'strohfeuer', term: 'Strohfeuer', severity: 5, explanation: '' },
    ]);
    await paste(options, '#import-text', invalid);
    await clickText(options, 'Import');
    await options.waitFor(() => document.querySelector('.import-errors li')?.textContent?.includes('rules[1]'));
    expect(await importErrors()).toEqual([
      'Nothing was imported:',
      'the pasted list: rule "strohfeuer" (rules[1]) › severity: must be 1, 2 or 3',
      'the pasted list: rule "strohfeuer" (rules[1]) › explanation: must not be empty',
    ]);
    // Said once, where the reader imported: not again at the top of the page.
    expect(await options.evaluate(() => [...document.querySelectorAll('[role=alert]')].map((alert) => alert.className))).toEqual(['import-errors']);
    // Kept for the reader to correct.
    expect(await options.evaluate(() => (document.querySelector('#import-text') as HTMLTextAreaElement).value)).toBe(invalid);
    expect(await listCount()).toBe(lists);
    expect(await flagged()).toEqual([...before, 'Hirngespinst']);
    await paste(options, '#import-text', '');
  });

  /** What has keyboard focus: its text, and the list whose card it is in. */
  const focusedControl = () =>
    options.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { list: active.closest<HTMLElement>('[data-list]')?.dataset.list, text: active.textContent };
    });

  /** The list editor's two buttons, once no save is under way: whether "Save list" can be clicked, and what closing says. */
  const editorButtons = async () => {
    const read = () => {
      const buttons = [...document.querySelectorAll('.editor > .actions button')] as HTMLButtonElement[];
      const [save, close] = buttons;
      // "Save list" is unavailable (aria-disabled, so it keeps focus) while saving; done when it is
      // available again, or when closing says "Close".
      const available = save?.getAttribute('aria-disabled') !== 'true';
      return save && close && (available || close.textContent === 'Close') ? { save: available, close: close.textContent } : null;
    };
    await options.waitFor(read);
    return options.evaluate(read);
  };

  it('edits a rule, duplicates one under its own id, deletes one, and the page follows each saved change', async () => {
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Edit');
    await options.waitFor(() => document.querySelector('.rule-row') !== null);
    expect(await ruleRows()).toEqual([['hirngespinst', 'Hirngespinst']]);

    // Edit: another term and its forms; the rule keeps its id.
    await clickIn(options, '[data-rule="hirngespinst"]', 'Edit');
    expect(await options.evaluate(() => (document.querySelector('[name=forms]') as HTMLTextAreaElement).value)).toBe('Hirngespinst');
    await options.fill('[name=term]', 'Kartenhaus');
    await options.fill('[name=forms]', 'Kartenhaus\nKartenhäuser');
    await clickText(options, 'Save rule');
    expect(await ruleRows()).toEqual([['hirngespinst', 'Kartenhaus']]);
    await clickText(options, 'Save list');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Eingefügte Testliste”.');
    await expect.poll(flagged).toEqual([...before, 'Kartenhaus']);
    expect(await editorButtons()).toEqual({ save: false, close: 'Close' });

    // Duplicate: the copy comes right after, under an id of its own; edited, it flags its own term.
    await clickIn(options, '[data-rule="hirngespinst"]', 'Duplicate');
    expect(await ruleRows()).toEqual([
      ['hirngespinst', 'Kartenhaus'],
      ['hirngespinst-2', 'Kartenhaus'],
    ]);
    await clickIn(options, '[data-rule="hirngespinst-2"]', 'Edit');
    expect(await options.evaluate(() => (document.querySelector('[name=id]') as HTMLInputElement).value)).toBe('hirngespinst-2');
    await options.fill('[name=term]', 'Strohfeuer');
    await options.fill('[name=forms]', 'Strohfeuer');
    await clickText(options, 'Save rule');
    // The original is deleted while that save is still under way: the deletion is not passed off
    // as saved, and "Save list" stores it.
    await options.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save list')!.click();
      [...document.querySelectorAll<HTMLButtonElement>('[data-rule="hirngespinst"] button')].find((b) => b.textContent === 'Delete')!.click();
    });
    await expect.poll(flagged).toEqual([...before, 'Kartenhaus', 'Strohfeuer']);
    expect(await ruleRows()).toEqual([['hirngespinst-2', 'Strohfeuer']]);
    expect(await editorButtons()).toEqual({ save: true, close: 'Discard changes' });
    await clickText(options, 'Save list');
    await expect.poll(flagged).toEqual([...before, 'Strohfeuer']);
    expect(await editorButtons()).toEqual({ save: false, close: 'Close' });
    await clickText(options, 'Close');
    await options.waitFor(() => document.querySelector('[data-list="eingefuegt-test"]') !== null);
    // Focus is back on the button that opened the editor, not at the top of the page.
    expect(await focusedControl()).toEqual({ list: 'eingefuegt-test', text: 'Edit' });
  });

  it('exports one list on its own, as a wortlupe-list/1 file', async () => {
    await options.evaluate(captureSaves);
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Export');
    await options.waitFor(() => (window as unknown as { saved: unknown[] }).saved.length === 1);
    const [saved] = await options.evaluate(savedFiles);
    expect(saved!.name).toBe('eingefuegt-test.json');
    const list = JSON.parse(saved!.text);
    expect([list.format, list.id, list.title, list.language]).toEqual(['wortlupe-list/1', 'eingefuegt-test', 'Eingefügte Testliste', 'de']);
    expect(list.rules.map((r: { id: string; term: string; match: string[] }) => [r.id, r.term, r.match])).toEqual([['hirngespinst-2', 'Strohfeuer', ['Strohfeuer']]]);
  });

  it('deletes a list only once confirmed, and the page stops flagging its terms', async () => {
    const lists = await listCount();
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Delete');
    expect(await options.evaluate(() => document.querySelector('[data-list="eingefuegt-test"] .confirm')?.getAttribute('aria-label'))).toBe(
      'Delete “Eingefügte Testliste”?',
    );
    await clickIn(options, '[data-list="eingefuegt-test"] .confirm', 'Cancel');
    expect(await options.evaluate(() => document.querySelector('[data-list="eingefuegt-test"] .confirm'))).toBe(null);
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Delete');
    await clickIn(options, '[data-list="eingefuegt-test"] .confirm', 'Delete');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'List deleted. “Undo delete” below brings it back.');
    expect(await options.evaluate(() => document.querySelector('[data-list="eingefuegt-test"]'))).toBe(null);
    // The card is gone with the button used: focus goes to the heading of the lists.
    await options.waitFor(() => document.activeElement !== document.body);
    expect(await focusedControl()).toEqual({ list: undefined, text: 'Rule lists' });
    expect(await listCount()).toBe(lists - 1);
    await expect.poll(flagged).toEqual(before);

    // Undo delete brings it back as it was, earlier versions included; deleted again, it stays gone.
    expect(await textOf(options, '.undo-delete')).toBe('“Eingefügte Testliste” was deleted. Undo deleteExport');
    await clickIn(options, '.undo-delete', 'Undo delete');
    await options.waitFor(() => document.querySelector('.status')?.textContent === '“Eingefügte Testliste” is back, with its earlier versions.');
    expect(await options.evaluate(() => document.querySelector('.undo-delete'))).toBe(null);
    expect(await textsOf(options, '[data-list="eingefuegt-test"] .row-actions button')).toEqual(['Edit', 'Export', 'Undo last change', 'Delete']);
    expect(await focusedControl()).toEqual({ list: 'eingefuegt-test', text: 'Eingefügte Testliste' });
    await expect.poll(flagged).toEqual([...before, 'Strohfeuer']);
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Delete');
    await clickIn(options, '[data-list="eingefuegt-test"] .confirm', 'Delete');
    await options.waitFor(() => document.querySelector('[data-list="eingefuegt-test"]') === null);
    expect(await listCount()).toBe(lists - 1);
    await expect.poll(flagged).toEqual(before);

    // The page closed and opened again has no Undo to offer, but the list is kept among the deleted
    // ones, and comes back from there as it was.
    await options.close();
    options = await driver.openExtensionPage('src/options/index.html', '.list');
    expect(await options.evaluate(() => document.querySelector('.undo-delete'))).toBe(null);
    expect(await textOf(options, '.deleted-lists summary')).toBe('Deleted lists (1)');
    expect(await options.evaluate(() => document.querySelector<HTMLDetailsElement>('.deleted-lists')!.open)).toBe(false);
    await options.click('.deleted-lists summary');
    expect(await textOf(options, '.deleted-lists .hint')).toBe('The last 20 lists you deleted are kept here, each with its earlier versions and switches.');
    expect(await textsOf(options, '[data-deleted="eingefuegt-test"] button')).toEqual(['Restore', 'Export', 'Remove for good']);
    // Saved as a file while it is kept, as the list was when it went.
    await options.evaluate(captureSaves);
    await clickIn(options, '[data-deleted="eingefuegt-test"]', 'Export');
    await options.waitFor(() => (window as unknown as { saved: unknown[] }).saved.length === 1);
    const [file] = await options.evaluate(savedFiles);
    expect(file!.name).toBe('eingefuegt-test.json');
    expect(JSON.parse(file!.text)).toMatchObject({ format: 'wortlupe-list/1', id: 'eingefuegt-test', title: 'Eingefügte Testliste' });
    await clickIn(options, '[data-deleted="eingefuegt-test"]', 'Restore');
    await options.waitFor(() => document.querySelector('.status')?.textContent === '“Eingefügte Testliste” is back, with its earlier versions.');
    expect(await options.evaluate(() => document.querySelector('.deleted-lists'))).toBe(null);
    expect(await listCount()).toBe(lists);
    expect(await textsOf(options, '[data-list="eingefuegt-test"] .row-actions button')).toEqual(['Edit', 'Export', 'Undo last change', 'Delete']);
    await expect.poll(flagged).toEqual([...before, 'Strohfeuer']);
    // Deleted once more, and removed for good from the deleted lists, once confirmed.
    await clickIn(options, '[data-list="eingefuegt-test"] .row-actions', 'Delete');
    await clickIn(options, '[data-list="eingefuegt-test"] .confirm', 'Delete');
    await options.waitFor(() => document.querySelector('[data-list="eingefuegt-test"]') === null);
    await expect.poll(flagged).toEqual(before);
    await options.waitFor(() => document.querySelector('.deleted-lists summary')?.textContent === 'Deleted lists (1)');
    await options.evaluate(() => (document.querySelector<HTMLDetailsElement>('.deleted-lists')!.open = true));
    await clickIn(options, '[data-deleted="eingefuegt-test"]', 'Remove for good');
    await clickIn(options, '[data-deleted="eingefuegt-test"] .confirm', 'Remove for good');
    await options.waitFor(() => document.querySelector('.deleted-lists') === null);
    expect(await focusedControl()).toEqual({ list: undefined, text: 'Rule lists' });
  });

  it('turns Wortlupe off for a site in the Sites section, and on again', async () => {
    const sites = () => textsOf(options, '.sites li span');
    const siteErrors = () => textsOf(options, '#site-errors li');
    const sitesHint = () => textOf(options, 'section[aria-labelledby="sites-heading"] .hint');
    expect(await sitesHint()).toBe('Wortlupe is on everywhere.');

    await options.fill('#site-input', 'http://127.0.0.1/');
    await clickText(options, 'Turn off');
    await options.waitFor(() => document.querySelector('#site-errors li') !== null);
    expect(await siteErrors()).toEqual(['"http://127.0.0.1/" must be a host name such as example.org or *.example.org']);
    // Pages are matched by host name: with the port, the site would be listed and never match.
    const withPort = new URL(server.origin).host;
    await options.fill('#site-input', withPort);
    await clickText(options, 'Turn off');
    await options.waitFor((site: string) => document.querySelector('#site-errors li')?.textContent?.startsWith(`"${site}"`), withPort);
    expect(await siteErrors()).toEqual([`"${withPort}" must be a host name such as example.org or *.example.org`]);
    expect(await sites()).toEqual([]);

    await options.fill('#site-input', '127.0.0.1');
    await clickText(options, 'Turn off');
    await expect.poll(flagged).toEqual([]);
    expect(await sites()).toEqual(['127.0.0.1']);
    expect(await siteErrors()).toEqual([]);
    expect(await options.evaluate(() => (document.querySelector('#site-input') as HTMLInputElement).value)).toBe('');
    expect(await options.evaluate(() => document.querySelector('.sites button')?.getAttribute('aria-label'))).toBe('Turn Wortlupe on again on 127.0.0.1');

    await clickText(options, 'Turn on');
    await expect.poll(flagged).toEqual(before);
    expect(await sitesHint()).toBe('Wortlupe is on everywhere.');
  });

  it('says why a subscription cannot be fetched (an error status, a closed port), and adds nothing', async () => {
    server.route('/lists/kaputt.json', (_req, res) => res.writeHead(500).end());
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const lists = await listCount();
    const subscribeErrors = () => textsOf(options, 'section[aria-labelledby="subscribe-heading"] [role=alert] li');

    await options.fill('#subscribe-url', server.url('/lists/kaputt.json'));
    await options.click('#subscribe-check');
    await options.waitFor(() => document.querySelector('section[aria-labelledby="subscribe-heading"] [role=alert] li') !== null);
    expect(await subscribeErrors()).toEqual([`${server.url('/lists/kaputt.json')} answered 500 Internal Server Error.`]);

    const unreachable = `http://127.0.0.1:${closed}/lists/abo.json`;
    await options.fill('#subscribe-url', unreachable);
    await options.click('#subscribe-check');
    await options.waitFor(
      (address: string) => document.querySelector('section[aria-labelledby="subscribe-heading"] [role=alert] li')?.textContent?.startsWith(address),
      unreachable,
    );
    const [message] = await subscribeErrors();
    expect(message!.startsWith(`${unreachable} could not be reached (`) && message!.endsWith(').')).toBe(true);
    expect(await options.evaluate(() => document.querySelector('.subscription-preview'))).toBe(null);
    expect(await listCount()).toBe(lists);
    expect(await flagged()).toEqual(before);
    await paste(options, '#subscribe-url', '');
  });

  it('subscribes only to the list it showed: one the server swaps after the preview is refused', async () => {
    let served = pastedList('wechsel-test', 'Harmlose Liste', [{ id: 'harmlos', term: 'Gartenzwerg' }]);
    server.route('/lists/wechsel.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(served));
    await driver.allowOrigin('http://127.0.0.1/*');
    const lists = await listCount();
    await options.fill('#subscribe-url', server.url('/lists/wechsel.json'));
    await options.click('#subscribe-check');
    await options.waitFor(() => document.querySelector('.subscription-preview') !== null);
    expect(await textOf(options, '.subscription-preview h3')).toBe('Harmlose Liste');

    served = pastedList('wechsel-test', 'Harmlose Liste', [{ id: 'harmlos', term: 'Gartenzwerg' }, { id: 'untergeschoben', term: 'Kaffeesatz' }]);
    await clickText(options, 'Subscribe');
    await options.waitFor(() => document.querySelector('section[aria-labelledby="subscribe-heading"] [role=alert] li') !== null);
    expect(await textsOf(options, 'section[aria-labelledby="subscribe-heading"] [role=alert] li')).toEqual([
      `The list at ${server.url('/lists/wechsel.json')} has changed since it was shown. Check it again before subscribing; nothing was changed.`,
    ]);
    expect(await listCount()).toBe(lists);
    expect(await options.evaluate(() => document.querySelector('[data-list="wechsel-test"]'))).toBe(null);
    await paste(options, '#subscribe-url', '');
  });

  it('saves a new list started in two tabs with the same id under a free id in the second, and says so', async () => {
    const other = await driver.openExtensionPage('src/options/index.html', '.list');
    await clickText(options, 'New list');
    await clickText(other, 'New list');
    await clickText(options, 'Save list');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Meine Begriffe”.');
    await clickText(other, 'Save list');
    await other.waitFor(() => document.querySelector('.status')?.textContent !== '');
    expect(await textOf(other, '.status')).toBe('Saved “Meine Begriffe” under the id “meine-begriffe-2-2”: “meine-begriffe-2” was taken by a list saved in the meantime.');
    expect(await textsOf(other, '.errors li')).toEqual([]);
    // The editor goes on with the list it saved: its next save replaces that one, not the first tab's.
    await paste(other, '[name=list-title]', 'Zweite Liste');
    await clickText(other, 'Save list');
    await other.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Zweite Liste”.');
    await clickText(other, 'Close');
    await other.waitFor(() => document.querySelector('[data-list="meine-begriffe-2-2"]') !== null);
    expect([await textOf(other, '[data-list="meine-begriffe-2"] h3'), await textOf(other, '[data-list="meine-begriffe-2-2"] h3')]).toEqual([
      'Meine Begriffe',
      'Zweite Liste',
    ]);
    expect(other.extensionErrors()).toEqual([]);
    await other.close();
    await clickText(options, 'Close');
  });

  it('keeps a second tab up to date, and says so when a list it saves was saved in the first meanwhile', async () => {
    const other = await driver.openExtensionPage('src/options/index.html', '.list');
    await clickIn(options, '[data-list="meine-begriffe-2-2"] .row-actions', 'Edit');
    await clickIn(other, '[data-list="meine-begriffe-2-2"] .row-actions', 'Edit');
    await paste(options, '[name=list-title]', 'Erste Fassung');
    await clickText(options, 'Save list');
    await options.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Erste Fassung”.');
    await paste(other, '[name=list-title]', 'Zweite Fassung');
    await clickText(other, 'Save list');
    await other.waitFor(() => document.querySelector('.status')?.textContent === 'Saved “Zweite Fassung”.');
    expect(await textsOf(other, '.errors li')).toEqual([
      '“Erste Fassung” had been changed in another tab since you opened it. Your version is saved; the other one is kept in its history: “Undo last change” brings it back.',
    ]);
    await clickText(other, 'Close');
    await other.close();
    // The first tab was not reloaded: it shows what the second saved.
    await options.bringToFront();
    await clickText(options, 'Close');
    await options.waitFor(() => document.querySelector('[data-list="meine-begriffe-2-2"] h3')?.textContent === 'Zweite Fassung');
  });

  it('finds a term across every list by a form it matches, switches its rule right there, and shows every list again when the box is emptied', async () => {
    // The saves just before had the page read again: it may be between clearing and painting.
    await expect.poll(flagged).toContain('Kanonenfutter');
    const before = await flagged();
    const listCount = await options.evaluate(() => document.querySelectorAll('.list').length);
    const shown = () =>
      options.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.list')].map((l) => [l.dataset.list, [...l.querySelectorAll('.rule-switches label')].map((x) => x.textContent)]),
      );
    // "Kanonenfutters" is a form of the rule, not its term.
    await paste(options, '#find-term', 'KANONENFUTTERS');
    await options.waitFor(() => document.querySelector('.find-result')?.textContent === '1 rule found in 1 list');
    expect(await shown()).toEqual([['de-krieg', ['Kanonenfutter']]]);
    await options.click('#rule-de-krieg_kanonenfutter');
    await expect.poll(flagged).toEqual(before.filter((term) => term !== 'Kanonenfutter'));
    await options.click('#rule-de-krieg_kanonenfutter');
    await expect.poll(flagged).toEqual(before);
    await paste(options, '#find-term', '');
    await options.waitFor((count: number) => document.querySelectorAll('.list').length === count && document.querySelector('.find-result')?.textContent === '', listCount);
  });

  it('reported no error from its own pages during all of the above', () => {
    expect(options.extensionErrors()).toEqual([]);
    expect(page.extensionErrors()).toEqual([]);
  });
}
