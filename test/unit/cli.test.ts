// The command line, run as a user runs it: a child process, its output and exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../e2e/support/fixture-server';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'src/cli/wortlupe.mjs');
const fixture = (path: string) => join(ROOT, 'test/fixtures', path);

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SEED_TEXT = readFileSync(fixture('text/seed-de.txt'), 'utf8');
// Each test starts Node and tsx, which compiles the command line first: about a second alone, and
// several on two busy cores. A generous limit; nothing here measures speed.
vi.setConfig({ testTimeout: 30_000 });

describe('wortlupe scan', () => {
  it('prints findings as JSON with offsets into the input text', () => {
    const { code, stdout } = run(['scan', fixture('text/seed-de.txt'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.stats).toEqual({ chars: SEED_TEXT.length, words: 37 });
    expect(result.findings.map((f: { ruleId: string; match: string }) => [f.ruleId, f.match])).toEqual([
      ['freiwillig', 'Freiwillige'],
      ['freiwillig', 'Freiwilligen'],
      ['ukrainischer-faschismus', 'ukrainischen Faschismus'],
      ['kanonenfutter', 'Kanonenfutter'],
    ]);
    for (const f of result.findings) expect(SEED_TEXT.slice(f.start, f.end)).toBe(f.match);
    // The rule's context word that let it count, nearest first: the headline's, then the sentence's.
    expect(result.findings.slice(0, 2).map((f: { signals: { kind: string }[] }) => f.signals.filter((s) => s.kind === 'near'))).toEqual([
      [{ kind: 'near', word: 'Nordkoreas' }],
      [{ kind: 'near', word: 'Nordkorea' }],
    ]);
    expect(result.findings[3]).toEqual({
      listId: 'de-krieg',
      ruleId: 'kanonenfutter',
      term: 'Kanonenfutter',
      match: 'Kanonenfutter',
      start: SEED_TEXT.indexOf('Kanonenfutter'),
      end: SEED_TEXT.indexOf('Kanonenfutter') + 13,
      signals: [
        { kind: 'quoted', style: 'term', open: '„', close: '“' },
        { kind: 'reported', cue: 'nannte', speaker: 'Der britische Geheimdienstchef' },
      ],
    });
  });

  it('reads standard input', () => {
    const { code, stdout } = run(['scan', '-', '--json', '--lang', 'en'], 'They call it a special military operation.');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.map((f: { match: string; start: number }) => [f.match, f.start])).toEqual([
      ['special military operation', 15],
    ]);
  });

  describe('tells the language of each paragraph of a text', () => {
    const findings = (text: string) => {
      const { code, stdout } = run(['scan', '-', '--json'], text);
      expect(code).toBe(0);
      const found = JSON.parse(stdout).findings as { ruleId: string; match: string; start: number; end: number }[];
      for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
      return found.map(({ ruleId, match, start, end }) => ({ ruleId, match, start, end }));
    };

    it('applies no English rule to a German paragraph after English ones', () => {
      const text =
        'The World Economic Forum has published its plans for the recovery, and the report was discussed at length.\n\n' +
        'Critics said that the plans were vague and that they would not help the workers who have lost their jobs.\n\n' +
        'In der Szene wird der Begriff Great Reset als Chiffre für eine Verschwörung verwendet, die nicht belegt ist.\n';
      expect(findings(text)).toEqual([]);
    });

    it('gives a paragraph too short to tell the language of the whole text', () => {
      const german = 'Der Bericht wurde am Montag vorgestellt und von den Abgeordneten diskutiert.';
      const english = 'The report was presented on Monday and it has been discussed by the members.';
      expect(findings(`Great Reset\n\n${german}\n\n${german}`)).toEqual([]);
      expect(findings(`Great Reset\n\n${english}\n\n${english}`)).toEqual([{ ruleId: 'great-reset', match: 'Great Reset', start: 0, end: 11 }]);
    });

    it('finds English terms in an English paragraph after more than 2,000 characters of German', () => {
      const german = 'Der Bericht wurde am Montag im Ausschuss vorgestellt und von den Abgeordneten ausführlich diskutiert. '.repeat(30);
      const text = `${german}\n\nThe Kremlin still calls the war a special military operation, and its recruits are treated as cannon fodder.\n`;
      const smo = text.indexOf('special military operation');
      const fodder = text.indexOf('cannon fodder');
      expect(smo).toBeGreaterThan(3000);
      expect(findings(text)).toEqual([
        { ruleId: 'special-military-operation', match: 'special military operation', start: smo, end: smo + 26 },
        { ruleId: 'cannon-fodder', match: 'cannon fodder', start: fodder, end: fodder + 13 },
      ]);
    });
  });

  it('takes --lang as a language tag in any case or with a region', () => {
    const found = (lang: string) => {
      const { code, stdout, stderr } = run(['scan', '-', '--json', '--lang', lang], 'Kanonenfutter');
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      return JSON.parse(stdout).findings.map((f: { listId: string; match: string }) => [f.listId, f.match]);
    };
    expect(found('DE')).toEqual([['de-krieg', 'Kanonenfutter']]);
    expect(found('de-DE')).toEqual([['de-krieg', 'Kanonenfutter']]);
    expect(found('en-GB')).toEqual([]);
  });

  it('refuses --lang in a language no list is in, naming the languages there are', () => {
    expect(run(['scan', '-', '--lang', 'fr'], 'Kanonenfutter')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'wortlupe: --lang fr: no list is in that language; the lists are in de, en\n',
    });
    expect(run(['scan', '-', '--lang', 'fr-CH', '--list', fixture('lists/failing-example.json')], 'Kanonenfutter')).toMatchObject({
      code: 2,
      stderr: 'wortlupe: --lang fr-CH: no list is in that language; the lists are in de\n',
    });
  });

  it.each([
    ['a comment', '<!-- x -->\n<p>Text</p><script>var a="Faschismus"</script>'],
    ['an element', '  <div><p>Text</p></div>\n<script>var a="Faschismus"</script>'],
  ])('reads standard input that starts with %s as a page, leaving its scripts out', (_, page) => {
    const { code, stdout } = run(['scan', '-', '--json', '--lang', 'de'], page);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ findings: [], stats: { chars: 4, words: 1 } });
  });

  it('reads a saved page the way the content script does, indexing the extracted text', () => {
    const { code, stdout } = run(['scan', fixture('pages/seed-article.html'), '--json']);
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout);
    expect(findings.map((f: { match: string }) => f.match)).toEqual([
      'Freiwilligen',
      'Freiwillige',
      'ukrainischen Faschismus',
      'freiwillig',
      'Volksfreiwilligenarmee',
      'Kanonenfutter',
      'militärische Spezialoperation',
    ]);
    expect(findings[0].signals).toContainEqual({ kind: 'headline' });
  });

  it('prints a readable report by default', () => {
    const { code, stdout } = run(['scan', fixture('text/seed-de.txt')]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${fixture('text/seed-de.txt')}: 4 flagged occurrences of 3 terms (${SEED_TEXT.length} characters, 37 words)`);
    expect(stdout).toContain('Kanonenfutter — Dehumanisation, loaded — 1×  [de-krieg/kanonenfutter]');
    expect(stdout).toContain('  1. Der britische Geheimdienstchef nannte die Rekruten Putins „[Kanonenfutter]“.');
    expect(stdout).toContain('     Reported speech, attributed to: Der britische Geheimdienstchef.');
    expect(stdout).toContain('     Flagged here because “Nordkorea” is in the same sentence: the rule applies only in such a context.');
  });

  it('uses only the lists given with --list', () => {
    const { code, stdout } = run(['scan', fixture('text/seed-de.txt'), '--list', fixture('lists/failing-example.json'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toEqual([]);
  });

  describe('with a URL', () => {
    let server: FixtureServer;
    beforeAll(async () => void (server = await startFixtureServer()));
    afterAll(() => server.close());
    it('fetches the page the user names', async () => {
      // spawnSync would block the server in this process: run the CLI asynchronously.
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [BIN, 'scan', server.url('/seed-article.html'), '--json'], { cwd: ROOT });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      expect(JSON.parse(out).findings).toHaveLength(7);
    });

    it("fetches the named page and nothing else: none of the page's resources", async () => {
      const { spawn } = await import('node:child_process');
      const before = server.requests.length;
      const child = spawn(process.execPath, [BIN, 'scan', server.url('/resources.html'), '--json'], { cwd: ROOT });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
      expect(JSON.parse(out).findings.map((f: { match: string }) => f.match)).toEqual(['Kanonenfutter']);
      expect(server.requests.slice(before)).toEqual(['/resources.html']);
    });
  });

  it('explains bad input in one line and exits non-zero', () => {
    expect(run(['scan', 'nope.txt'])).toEqual({ code: 2, stdout: '', stderr: 'wortlupe: cannot read nope.txt (no such file): check the path\n' });
    expect(run(['scan', fixture('text/seed-de.txt'), '--colour'])).toMatchObject({
      code: 2,
      stderr: 'wortlupe: unknown option --colour: scan takes --list FILE (repeatable), --lang CODE and --json\n',
    });
    expect(run(['scan'])).toMatchObject({ code: 2, stderr: 'wortlupe: scan takes one input (a file, a page, a URL, or - for standard input), got 0\n' });
    expect(run(['frobnicate'])).toMatchObject({ code: 2, stderr: 'wortlupe: unknown command "frobnicate": use "wortlupe scan" or "wortlupe check-lists" (wortlupe --help)\n' });
  });

  it('refuses an invalid list, naming file, rule and field', () => {
    const broken = fixture('lists/broken.json');
    expect(run(['scan', fixture('text/seed-de.txt'), '--list', broken])).toEqual({
      code: 2,
      stdout: '',
      // One line: the first problem, how many more, and the command that shows them all.
      stderr:
        `wortlupe: invalid list: ${broken}: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3 (and 1 more problem): ` +
        `fix the list; "wortlupe check-lists ${broken}" shows every problem\n`,
    });
  });
});

describe('wortlupe check-lists', () => {
  it('passes the shipped lists', () => {
    const { code, stdout } = run(['check-lists', 'rules/de-krieg.json', 'rules/en-war.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok rules\/de-krieg\.json: \d+ rules, \d+ examples pass\nok rules\/en-war\.json: \d+ rules, \d+ examples pass\n$/);
  });

  it('reports failing examples and invalid fields, and exits 1', () => {
    const failing = fixture('lists/failing-example.json');
    const broken = fixture('lists/broken.json');
    const { code, stderr } = run(['check-lists', failing, broken]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${failing}: rule "regime" › examples.ignore[0]: flagged "Regime" in "Die Regime wanken."\n` +
        `${broken}: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3\n` +
        `${broken}: rule "kanonenfutter" (rules[0]) › sources[0].url: must be an https:// address\n`,
    );
  });

  it('goes on after a file it cannot read, and exits 2 at the end', () => {
    const broken = fixture('lists/broken.json');
    const { code, stdout, stderr } = run(['check-lists', 'missing.json', broken, 'rules/en-war.json']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'cannot read missing.json (no such file): check the path\n' +
        `${broken}: rule "kanonenfutter" (rules[0]) › severity: must be 1, 2 or 3\n` +
        `${broken}: rule "kanonenfutter" (rules[0]) › sources[0].url: must be an https:// address\n`,
    );
    expect(stdout).toMatch(/^ok rules\/en-war\.json: \d+ rules, \d+ examples pass\n$/);
  });

  it('reports a duplicate rule id together with the other problems of the list', () => {
    const list = fixture('lists/duplicate-id.json');
    const { code, stdout, stderr } = run(['check-lists', list]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${list}: rule "bad-rule" (rules[1]) › technique: must be one of loaded-language, name-calling, euphemism, dehumanisation, ` +
        `exaggeration-minimisation, flag-waving, appeal-to-fear, reductio-ad-hitlerum, doubt, guilt-by-association, slogan\n` +
        `${list}: rule "bad-rule" (rules[2]) › sources: must cite at least one source\n` +
        `${list}: rule "bad-rule" (rules[2]) › id: "bad-rule" is used by an earlier rule\n`,
    );
  });
});

it('is on the path as `npx wortlupe`', () => {
  const result = spawnSync('npx', ['wortlupe', '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('wortlupe scan <file.txt | page.html | URL | ->');
});
