// Interface strings come from public/_locales/{de,en}/messages.json and follow the browser's language.
import browser from 'webextension-polyfill';
import type { Technique } from '../core';
import type { MessageKey } from './describe';

export type { MessageKey };

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function techniqueLabel(technique: Technique): string {
  return t(`technique_${technique.replaceAll('-', '_')}` as MessageKey);
}

export function severityLabel(severity: 1 | 2 | 3): string {
  return t(`severity_${severity}`);
}
