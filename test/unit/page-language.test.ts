// @vitest-environment happy-dom
// The popup and the options page mark their text with the language of the locale file the browser
// chose (its interface language, or English when Wortlupe has no file for it), not with the
// browser's preferred language: a French browser shows English text, which must not be marked French.
import { beforeEach, expect, it, vi } from 'vitest';
import { interfaceLanguage } from '../../src/shared/i18n';
import { readLocale, useLocale } from './support/browser-i18n';

// Only main.tsx is under test: the apps themselves need the extension's APIs.
vi.mock('../../src/popup/App', () => ({ App: () => null }));
vi.mock('../../src/options/App', () => ({ App: () => null }));

beforeEach(() => {
  vi.resetModules();
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-FR');
  document.documentElement.lang = '';
  document.body.innerHTML = '<div id="app"></div>';
  useLocale('en');
});

it.each(['popup', 'options'])("marks the %s page with the language of its strings, not the browser's", async (page) => {
  await import(`../../src/${page}/main.tsx`);
  expect(document.documentElement.lang).toBe('en');
});

it.each(['popup', 'options'])('marks the %s page German when its strings are German', async (page) => {
  useLocale('de');
  await import(`../../src/${page}/main.tsx`);
  expect(document.documentElement.lang).toBe('de');
});

it('names, in each locale file, the language of that file', () => {
  for (const lang of ['en', 'de']) {
    expect(readLocale(lang).ui_language?.message).toBe(lang);
    useLocale(lang);
    expect(interfaceLanguage()).toBe(lang);
  }
});

it('says "unknown" rather than a wrong language where there are no locale files', () => {
  const host = globalThis as { chrome?: { i18n?: unknown } };
  const i18n = host.chrome!.i18n;
  delete host.chrome!.i18n;
  try {
    expect(interfaceLanguage()).toBe('');
  } finally {
    host.chrome!.i18n = i18n;
  }
});
