// The browser speaks German, so does Wortlupe: the toolbar tooltip, the options page, the rule form's
// live checks (the core's messages, installed by the options page) and a refused import (the same
// messages in the background). The other scenarios run in English.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver, TestPage } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { flaggedOnceScanned } from './support/in-page';

const lists = join(import.meta.dirname, '../fixtures/lists');

function clickText(page: TestPage, text: string): Promise<void> {
  return page.evaluate((label: string) => {
    const target = [...document.querySelectorAll('button')].find((el) => el.textContent?.trim() === label);
    if (!target) throw new Error(`no button "${label}"`);
    target.click();
  }, text);
}

const texts = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent).filter(Boolean), selector);

export function germanScenarios(launch: () => Promise<Driver>): void {
  let server: FixtureServer;
  let driver: Driver;
  let options: TestPage;

  beforeAll(async () => {
    server = await startFixtureServer();
    driver = await launch();
    options = await driver.openExtensionPage('src/options/index.html', '.list');
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('says in the toolbar tooltip how many terms are flagged', async () => {
    const article = await driver.newPage();
    await article.goto(server.url('/seed-article.html'));
    await article.waitFor(flaggedOnceScanned);
    const tabId = await driver.tabIdOf(article);
    await expect.poll(() => driver.badgeTitle(tabId)).toBe('Wortlupe: 7 Markierungen auf dieser Seite');
    await article.close();
  });

  it('checks every field of a rule as the reader types, in German', async () => {
    await options.bringToFront();
    expect(await texts(options, 'h1')).toEqual(['Wortlupe — Listen und Einstellungen']);
    await clickText(options, 'Neue Liste');
    await clickText(options, 'Regel hinzufügen');
    await options.fill('[name=term]', 'Kaffeesatz');
    await options.fill('[name=source-url-0]', 'http://example.org/');
    expect(await texts(options, '.rule-form .field .error')).toEqual([
      'darf nicht leer sein', // explanation
      'darf nicht leer sein', // source title
      'muss eine https://-Adresse sein',
    ]);
    await clickText(options, 'Abbrechen');
    // The rule form cancelled, the new list is as it was opened: nothing to discard, so Abbrechen.
    expect(await texts(options, '.editor > .actions button')).toEqual(['Liste speichern', 'Abbrechen']);
    await clickText(options, 'Abbrechen');
    await options.waitFor(() => document.querySelector('.editor') === null);
  });

  it('refuses a broken list in German, and offers to replace a list with the same id', async () => {
    await options.setInputFiles('#import-file', join(lists, 'broken.json'));
    await options.waitFor(() => document.querySelector('.import-errors') !== null);
    expect(await texts(options, '.import-errors p, .import-errors li')).toEqual([
      'Nichts wurde importiert:',
      'broken.json: Regel "kanonenfutter" (rules[0]) › severity: muss 1, 2 oder 3 sein',
      'broken.json: Regel "kanonenfutter" (rules[0]) › sources[0].url: muss eine https://-Adresse sein',
    ]);
    await options.setInputFiles('#import-file', join(lists, 'import-luftschloss.json'));
    await options.waitFor(() => document.querySelector('.ok') !== null);
    await options.setInputFiles('#import-file', join(lists, 'import-luftschloss.json'));
    await options.waitFor(() => document.querySelector('.import-errors .danger') !== null);
    expect(await texts(options, '.import-errors p, .import-errors li, .import-errors .danger')).toEqual([
      'Es gibt schon eine Liste mit dieser Kennung. Durch die importierte ersetzen? Die jetzige Fassung bleibt zum Rückgängigmachen erhalten.',
      'import-luftschloss.json: Sie haben schon eine Liste mit der Kennung „import-test“ („Importierte Testliste“). Ersetzen?',
      'Ersetzen',
    ]);
  });

  it('reported no error from its own pages', () => {
    expect(options.extensionErrors()).toEqual([]);
  });
}
