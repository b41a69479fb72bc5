// Mozilla's own validator on the Firefox build: what addons.mozilla.org and about:debugging check.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { FIREFOX_DIST } from './support/firefox';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

it('web-ext lint finds no errors and no warnings in dist/firefox', () => {
  let out: string;
  try {
    out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIST, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exits non-zero when it finds errors
  }
  const report = JSON.parse(out) as { errors: LintMessage[]; warnings: LintMessage[] };
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
});
