// Interface strings come from public/_locales/{de,en}/messages.json and follow the browser's language.
import browser from 'webextension-polyfill';
import type { Technique } from '../core';
import { severityName, techniqueName, type MessageKey } from './describe';

export type { MessageKey };

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export const techniqueLabel = (technique: Technique) => techniqueName(technique, t);
export const severityLabel = (severity: 1 | 2 | 3) => severityName(severity, t);
