import { describe } from 'vitest';
import { a11yScenarios } from './a11y-scenarios';
import { accessScenarios } from './access-scenarios';
import { fuzzScenarios } from './fuzz-scenarios';
import { hostileScenarios } from './hostile-scenarios';
import { optionsScenarios } from './options-scenarios';
import { privacyScenarios } from './privacy-scenarios';
import { endToEnd } from './scenarios';
import { launchFirefox } from './support/firefox';

describe('Firefox', () => endToEnd(launchFirefox));

describe('Firefox: options and popup', () => {
  optionsScenarios(launchFirefox);
});

describe('Firefox: pages that fight back', () => {
  hostileScenarios(launchFirefox);
});

describe('Firefox: privacy', () => {
  privacyScenarios(launchFirefox);
});

describe('Firefox: hostile lists', () => {
  fuzzScenarios(launchFirefox);
});

describe('Firefox: a tab Wortlupe has not read', () => {
  accessScenarios(launchFirefox);
});

describe('Firefox: accessibility', () => {
  a11yScenarios(launchFirefox);
});
