// `npm run package`: the production build, checked, as the three files the stores take:
//   dist/packages/wortlupe-<version>-chrome.zip    dist/chrome at the zip's root (Chrome Web Store)
//   dist/packages/wortlupe-<version>-firefox.zip   dist/firefox at the zip's root (addons.mozilla.org)
//   dist/packages/wortlupe-<version>-source.zip    the tracked files at HEAD, which AMO's reviewers
//                                                  rebuild dist/firefox from (npm ci && npm run build)
//
// Options: --no-build (package the dist that is there), --out DIR, --changelog FILE,
// --allow-dirty (package although tracked files have uncommitted changes).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

type Target = 'chrome' | 'firefox';

interface Manifest {
  version?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_specific_settings?: { gecko?: { id?: string } };
}

// 16 and 32: toolbar and favicon at 1x and 2x; 48 and 96: the browsers' extension pages at 1x and 2x;
// 128: the install dialog and the Chrome Web Store.
const ICON_SIZES = ['16', '32', '48', '96', '128'];
const TOOLBAR_SIZES = ['16', '32'];

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'allow-dirty': { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist/packages' },
    changelog: { type: 'string', default: 'CHANGELOG.md' },
  },
});

/** Runs a command quietly; when it fails, its own error output says why. */
function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stderr || stdout || (error as Error).message}`);
  }
}

function fail(version: string, problems: string[]): never {
  console.error(`Cannot package Wortlupe ${version}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

function changelogProblems(path: string, version: string): string[] {
  if (!existsSync(path)) return [`${path} does not exist: every release needs its notes.`];
  // "## 0.1.0 — 2026-11-25" or Keep a Changelog's "## [0.1.0] - 2026-11-25".
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(readFileSync(path, 'utf8'))) return [];
  return [`${path} has no section for ${version}: add "## ${version} — YYYY-MM-DD" with what changed.`];
}

/** Tracked files with uncommitted changes: the source archive is HEAD, so it would not match the build. */
function uncommitted(): string[] {
  return run('git', ['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** Width and height from a PNG's header (the IHDR chunk always comes first). */
function pngSize(path: string): [number, number] | undefined {
  const head = readFileSync(path).subarray(0, 24);
  if (head.length < 24 || head.toString('latin1', 1, 4) !== 'PNG') return undefined;
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

function distProblems(target: Target, version: string): string[] {
  const dir = `dist/${target}`;
  const manifestPath = `${dir}/manifest.json`;
  if (!existsSync(manifestPath)) return [`${manifestPath} is missing: run npm run build (or drop --no-build).`];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const problems: string[] = [];
  if (manifest.version !== version) {
    problems.push(`${manifestPath} has version ${manifest.version}, package.json has ${version}: run npm run build.`);
  }
  const declared: [string, Record<string, string> | undefined, string[]][] = [
    ['icons', manifest.icons, ICON_SIZES],
    ['action.default_icon', manifest.action?.default_icon, TOOLBAR_SIZES],
  ];
  for (const [field, icons, sizes] of declared) {
    for (const size of sizes) {
      if (!icons?.[size]) problems.push(`${manifestPath} declares no ${size} px icon in ${field}.`);
    }
    for (const [size, file] of Object.entries(icons ?? {})) {
      const path = join(dir, file);
      if (!existsSync(path) || !statSync(path).isFile()) {
        problems.push(`${path} is missing (${field}["${size}"] in ${manifestPath}).`);
        continue;
      }
      // A wrong size is scaled by the browser, blurred; the stores reject some.
      const actual = pngSize(path);
      if (!actual) problems.push(`${path} is not a PNG (${field}["${size}"]).`);
      else if (actual[0] !== Number(size) || actual[1] !== Number(size)) {
        problems.push(`${path} is ${actual[0]}×${actual[1]} px, but ${field} declares it as ${size} px.`);
      }
    }
  }
  if (target === 'firefox' && !manifest.browser_specific_settings?.gecko?.id) {
    problems.push(`${manifestPath} has no browser_specific_settings.gecko.id, which addons.mozilla.org requires.`);
  }
  return problems;
}

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

// What the build cannot fix is checked before spending time on it.
const dirty = uncommitted();
const early = changelogProblems(options.changelog, version);
if (dirty.length && !options['allow-dirty']) {
  early.push(
    `tracked files have uncommitted changes (${dirty.join(', ')}): the source archive is made from HEAD ` +
      'and would not match the build. Commit them, or pass --allow-dirty for a package that is not for a store.',
  );
}
if (early.length) fail(version, early);

if (!options['no-build']) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const problems = [...distProblems('chrome', version), ...distProblems('firefox', version)];
if (problems.length) fail(version, problems);

const out = options.out;
mkdirSync(out, { recursive: true });
const names = {
  chrome: `wortlupe-${version}-chrome.zip`,
  firefox: `wortlupe-${version}-firefox.zip`,
  source: `wortlupe-${version}-source.zip`,
};
for (const target of ['chrome', 'firefox'] as const) {
  // web-ext zips the folder's contents at the root and leaves out dotfiles (--no-config-discovery:
  // a web-ext config in the home directory must not change what is shipped).
  run('npx', [
    '--no-install',
    'web-ext',
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    out,
    '--filename',
    names[target],
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
}
// git archive: exactly the tracked files of HEAD, so nothing local (node_modules, dist, secrets) slips in.
run('git', ['archive', '--format=zip', `--output=${join(out, names.source)}`, 'HEAD']);

const commit = run('git', ['rev-parse', '--short', 'HEAD']).trim();
if (dirty.length) console.warn(`Note: uncommitted changes to ${dirty.join(', ')} are not in the source archive (HEAD, ${commit}).`);
for (const name of Object.values(names)) {
  console.log(`${join(out, name)}  ${(statSync(join(out, name)).size / 1024).toFixed(0)} KB`);
}
console.log(`Source archive: commit ${commit}.`);
