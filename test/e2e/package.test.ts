// `npm run package` on the extension `npm test` has just built (--no-build: packaging only, into a
// temporary folder). Zip entries are read with Info-ZIP's unzip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'src/dev/package.ts');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function pack(args: string[], cwd = ROOT) {
  return spawnSync(TSX, [SCRIPT, '--no-build', ...args], { cwd, encoding: 'utf8' });
}

const entries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
const readEntry = (zip: string, entry: string) => execFileSync('unzip', ['-p', zip, entry], { encoding: 'utf8' });
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());

interface Manifest {
  version: string;
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
  browser_specific_settings?: { gecko: { id: string } };
}

const temp: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wortlupe-package-'));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the packages', () => {
  let out: string;
  const zip = (kind: string) => join(out, `wortlupe-${version}-${kind}.zip`);

  beforeAll(() => {
    out = tempDir();
    // --allow-dirty: npm test runs on working trees with edits too; the refusal has its own test below.
    const result = pack(['--allow-dirty', '--out', out]);
    expect(result.stderr.replace(/^Note: .*\n/m, '')).toBe('');
    expect(result.status).toBe(0);
  });

  it('are the three files named for package.json’s version', () => {
    expect(readdirSync(out).sort()).toEqual([
      `wortlupe-${version}-chrome.zip`,
      `wortlupe-${version}-firefox.zip`,
      `wortlupe-${version}-source.zip`,
    ]);
  });

  it.each(['chrome', 'firefox'])('%s: its dist folder at the root, with the version and every icon the manifest names', (target) => {
    const files = entries(zip(target)).filter((entry) => !entry.endsWith('/'));
    expect(files.sort()).toEqual(filesIn(join(ROOT, 'dist', target)).sort());
    const manifest = JSON.parse(readEntry(zip(target), 'manifest.json')) as Manifest;
    expect(manifest.version).toBe(version);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
    expect(Object.keys(manifest.action.default_icon)).toEqual(['16', '32']);
    for (const icon of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)]) {
      expect(files).toContain(icon);
    }
  });

  it('firefox: carries the add-on id', () => {
    const manifest = JSON.parse(readEntry(zip('firefox'), 'manifest.json')) as Manifest;
    expect(manifest.browser_specific_settings?.gecko.id).toBe('wortlupe@wortlupe.org');
  });

  it('source: the tracked files at HEAD, with what a reviewer needs to rebuild, and nothing built or installed', () => {
    const files = entries(zip('source'));
    const needed = ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'src/core/index.ts', 'rules/README.md'];
    for (const path of [...needed, 'CHANGELOG.md', 'README.md']) expect(files).toContain(path);
    expect(files.filter((entry) => /^(node_modules|dist)\//.test(entry))).toEqual([]);
    const publishing = readEntry(zip('source'), 'README.md').split('\n## ').find((section) => section.startsWith('Publishing'));
    expect(publishing).toContain('npm ci && npm run build');
    // git archive writes the commit into the zip's comment.
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(execFileSync('unzip', ['-z', zip('source')], { encoding: 'utf8' })).toContain(head);
  });
});

describe('refuses', () => {
  it('a version without a CHANGELOG section, and writes nothing', () => {
    const dir = tempDir();
    const changelog = join(dir, 'CHANGELOG.md');
    writeFileSync(changelog, '# Changelog\n\n## 0.0.1 — 2026-01-01\n\n- Older.\n');
    const result = pack(['--allow-dirty', '--changelog', changelog, '--out', join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Cannot package Wortlupe ${version}:\n` +
        `  - ${changelog} has no section for ${version}: add "## ${version} — YYYY-MM-DD" with what changed.\n`,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('uncommitted changes to tracked files, whose source archive would not match the build', () => {
    // A repository of its own, so the outcome does not depend on the state of this working tree.
    const repo = tempDir();
    writeFileSync(join(repo, 'package.json'), '{ "version": "1.2.3" }\n');
    writeFileSync(join(repo, 'CHANGELOG.md'), '## 1.2.3 — 2026-01-01\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Release 1.2.3');
    writeFileSync(join(repo, 'CHANGELOG.md'), '## 1.2.3 — 2026-01-02\n');
    const result = pack(['--out', join(repo, 'out')], repo);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Cannot package Wortlupe 1.2.3:\n' +
        '  - tracked files have uncommitted changes (CHANGELOG.md): the source archive is made from HEAD and would ' +
        'not match the build. Commit them, or pass --allow-dirty for a package that is not for a store.\n',
    );
    expect(existsSync(join(repo, 'out'))).toBe(false);
  });
});
