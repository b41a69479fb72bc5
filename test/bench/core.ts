// npm run bench:core [-- path/to/10kGNAD/test.csv]
//
// Throughput of the core matcher on German news text, next to a naive baseline measured in the same
// run (one regular expression per form, as word-list highlighters do). Medians of several runs;
// reported as MB/s (UTF-8 bytes of input per second) and as ratios, which travel between machines
// better than absolute numbers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { compile, parseList, surfaceForms, type Matcher, type RuleList } from '../../src/core';
import { readGnad } from './corpus';
import { generateRules } from './generate-rules';

const articles = readGnad(process.argv[2]);
const bytes = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

function shipped(): RuleList[] {
  return readdirSync('rules')
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const result = parseList(readFileSync(join('rules', f), 'utf8'), f);
      if (!result.ok) throw new Error(result.errors.join('\n'));
      return result.list;
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median MB/s over `runs` passes of `work` over `texts`, after warm-up passes (steady state, as on a long page). */
function throughput(texts: string[], runs: number, work: (text: string) => number, warmups = 3): { mbs: number; found: number } {
  let found = 0;
  for (const t of texts) found += work(t);
  for (let w = 1; w < warmups; w++) for (const t of texts) work(t);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) work(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { mbs: bytes(texts) / 1e6 / median(times), found };
}

/** One regular expression per surface form, with Unicode-aware word boundaries. */
function naive(lists: RuleList[]): (text: string) => number {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const regexes = lists.flatMap((list) =>
    list.rules.flatMap((rule) => {
      const forms = surfaceForms(rule);
      return typeof forms === 'string' ? [] : forms.map((f) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'giu'));
    }),
  );
  return (text) => {
    let n = 0;
    for (const re of regexes) {
      re.lastIndex = 0;
      while (re.exec(text)) n++;
    }
    return n;
  };
}

const sample = (list: RuleList, n: number): RuleList => ({ ...list, rules: list.rules.slice(0, n) });
const scaled = (r: { mbs: number; found: number }, factor: number) => ({ mbs: r.mbs / factor, found: r.found });

const find = (matcher: Matcher) => (text: string) => matcher.find(text, { lang: 'de' }).length;

const lists = shipped();
// The text is German: Wortlupe applies only the German lists to it, so the baseline gets those too.
const german = lists.filter((list) => list.language === 'de');
const generated = [generateRules(10_000)];
const compileStart = performance.now();
const shippedMatcher = compile(lists);
const shippedCompileMs = performance.now() - compileStart;
const bigStart = performance.now();
const bigMatcher = compile(generated);
const bigCompileMs = performance.now() - bigStart;

const RUNS = 7;
const subset = articles.slice(0, 100);
const rows = [
  ['reading only (charCodeAt over every character)', throughput(articles, RUNS, (t) => { let x = 0; for (let i = 0; i < t.length; i++) x ^= t.charCodeAt(i); return x & 0; })],
  [`Wortlupe, shipped lists (${lists.reduce((n, l) => n + l.rules.length, 0)} rules)`, throughput(articles, RUNS, find(shippedMatcher))],
  ['naive regex per form, shipped German lists', throughput(articles, 3, naive(german), 1)],
  ['Wortlupe, 10,000 generated rules', throughput(articles, RUNS, find(bigMatcher))],
  // 40,000 regular expressions exhaust V8's code space: measure 1,000 rules and scale (cost is linear in rules).
  ['naive regex per form, 10,000 rules (1,000 measured on 100 articles, ×10)', scaled(throughput(subset, 3, naive([sample(generated[0]!, 1000)]), 1), 10)],
] as const;

const mb = (bytes(articles) / 1e6).toFixed(2);
const out: string[] = [];
const say = (line = '') => {
  console.log(line);
  out.push(line);
};
say(`Core matcher throughput: ${articles.length} articles, ${mb} MB, Node ${process.version}, median of ${RUNS} runs`);
say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; ${new Date().toISOString().slice(0, 10)}`);
say();
say('| scenario | MB/s | findings |');
say('|---|---:|---:|');
for (const [name, r] of rows) say(`| ${name} | ${r.mbs < 1 ? r.mbs.toFixed(3) : r.mbs.toFixed(1)} | ${r.found} |`);
const [, ws, ns, wb, nb] = rows.map((r) => r[1].mbs);
say();
say(`Wortlupe vs naive, shipped lists: ${(ws! / ns!).toFixed(1)}× faster`);
say(`Wortlupe vs naive, 10,000 rules: ${(wb! / nb!).toFixed(0)}× faster`);
say(`10,000 rules vs shipped lists: ${(ws! / wb!).toFixed(2)}× the time`);
say(`Compile: shipped ${shippedCompileMs.toFixed(1)} ms, 10,000 rules ${bigCompileMs.toFixed(0)} ms`);
say(`Aims: ≥ 100 MB/s shipped (${ws! >= 100 ? 'met' : 'NOT met'}), ≥ 20 MB/s with 10,000 rules (${wb! >= 20 ? 'met' : 'NOT met'})`);
// Kept in the repository with the machine it ran on, like the browser benchmark's RESULTS.md.
writeFileSync(join(import.meta.dirname, 'CORE-RESULTS.md'), `# npm run bench:core — last run\n\n${out.join('\n')}\n`);
