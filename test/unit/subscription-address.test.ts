// The one rule for where a list can be subscribed from, shared by the background (which fetches) and
// the options page (which checks before asking for permission).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Refused } from '../../src/shared/store/store';
import { checkAddress, originPattern } from '../../src/shared/subscription-address';
import { useLocale } from './support/browser-i18n';

afterEach(() => useLocale('en'));

/** What the check refuses with, or "" when it takes the address. */
function refusal(address: string): string {
  try {
    checkAddress(address);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(Refused);
    return (error as Refused).errors.join('\n');
  }
}

it('takes https addresses anywhere, and http ones only from this computer', () => {
  expect(checkAddress('https://example.org/list.json').href).toBe('https://example.org/list.json');
  expect(checkAddress('  https://example.org/list.json\n').href).toBe('https://example.org/list.json');
  expect(checkAddress('http://localhost:8080/list.json').host).toBe('localhost:8080');
  expect(checkAddress('http://127.0.0.1/list.json').hostname).toBe('127.0.0.1');
});

it('refuses http from elsewhere, other schemes, and hosts that only look local, asking for https', () => {
  const https = (address: string) => `Subscriptions need an https:// address (http:// only for this computer): ${address}`;
  // [::1] too: the manifest has no http://[::1]/* to ask for, so a list there could never be read.
  for (const address of ['http://example.org/list.json', 'http://localhost.example.org/list.json', 'http://127.0.0.2/list.json', 'http://[::1]:8080/list.json', 'ftp://localhost/list.json', 'file:///tmp/list.json']) {
    expect(refusal(address), address).toBe(https(address));
  }
});

it('says when what was given is not an address at all', () => {
  expect(refusal('example.org/list.json')).toBe('"example.org/list.json" is not a web address.');
  expect(refusal('')).toBe('"" is not a web address.');
});

it("refuses in the reader's language", () => {
  useLocale('de');
  expect(refusal('http://example.org/list.json')).toBe('Abonnements brauchen eine https://-Adresse (http:// nur für diesen Computer): http://example.org/list.json');
});

it('takes only addresses whose permission the manifest can ask for', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8')) as { optional_host_permissions: string[] };
  for (const address of ['http://localhost:8080/list.json', 'http://127.0.0.1/list.json']) {
    expect(manifest.optional_host_permissions).toContain(originPattern(checkAddress(address)));
  }
  expect(originPattern(checkAddress('https://lists.example.org:8443/a.json'))).toBe('https://lists.example.org/*');
  expect(manifest.optional_host_permissions).toContain('https://*/*');
});
