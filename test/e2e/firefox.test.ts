import { describe } from 'vitest';
import { endToEnd } from './scenarios';
import { launchFirefox } from './support/firefox';

describe('Firefox', () => endToEnd(launchFirefox));
