import { describe } from 'vitest';
import { optionsScenarios } from './options-scenarios';
import { endToEnd } from './scenarios';
import { launchFirefox } from './support/firefox';

describe('Firefox', () => endToEnd(launchFirefox));

describe('Firefox: options and popup', () => {
  optionsScenarios(launchFirefox);
});
