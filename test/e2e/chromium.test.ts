import { describe, expect, it } from 'vitest';
import { a11yScenarios } from './a11y-scenarios';
import { accessScenarios } from './access-scenarios';
import { fuzzScenarios } from './fuzz-scenarios';
import { germanScenarios } from './german-scenarios';
import { hostileScenarios } from './hostile-scenarios';
import { optionsScenarios } from './options-scenarios';
import { privacyScenarios } from './privacy-scenarios';
import { endToEnd } from './scenarios';
import { launchChromium } from './support/chromium';

describe('Chromium', () => endToEnd(launchChromium));

describe('Chromium extension health', () => {
  it('loads without manifest errors, install warnings or runtime errors', async () => {
    const driver = await launchChromium();
    try {
      const page = await driver.context.newPage();
      await page.goto('chrome://extensions');
      const info = await page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { developerPrivate: { getExtensionsInfo(): Promise<Record<string, unknown>[]> } } }).chrome;
        return (await api.developerPrivate.getExtensionsInfo())
          .filter((e) => e.name === 'Wortlupe')
          .map(({ manifestErrors, installWarnings, runtimeErrors }) => ({ manifestErrors, installWarnings, runtimeErrors }));
      });
      expect(info).toEqual([{ manifestErrors: [], installWarnings: [], runtimeErrors: [] }]);
    } finally {
      await driver.close();
    }
  });
});

describe('Chromium: options and popup', () => {
  optionsScenarios(launchChromium);
});

describe('Chromium: pages that fight back', () => {
  hostileScenarios(launchChromium);
});

describe('Chromium: privacy', () => {
  privacyScenarios(launchChromium);
});

describe('Chromium: hostile lists', () => {
  fuzzScenarios(launchChromium);
});

// Chromium only: Debian's Firefox ESR has no German language pack unless firefox-esr-l10n-de is installed.
describe('Chromium in German', () => {
  germanScenarios(() => launchChromium({ language: 'de' }));
});

describe('Chromium: a tab Wortlupe has not read', () => {
  accessScenarios(launchChromium);
});

describe('Chromium: accessibility', () => {
  a11yScenarios(launchChromium);
});
