// npm run eval:lists [-- <corpus>] [--list FILE]… [--top N]
//
// How the lists behave on ordinary text, and whether they are complete:
// - Noise: flags per 1,000 words on a corpus of ordinary news (default: 10kGNAD's German test set),
//   per list and per rule, with the noisiest rules and sample matches so they can be tightened.
// - Completeness: every field present, every rule's examples pass, no duplicate terms within a
//   language, files in canonical form.
// Exits 1 when noise exceeds 2 flags per 1,000 words or anything is incomplete.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkExamples, compile, completenessProblems, duplicateForms, parseList, type RuleList } from '../../src/core';
import { readInput } from '../../src/cli/input';
import { DEFAULT_GNAD, readGnad } from './corpus';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { list: { type: 'string', multiple: true }, top: { type: 'string', default: '15' } },
});
const corpusPath = positionals[0] ?? DEFAULT_GNAD;
const MAX_NOISE = 2;

/** Texts of a corpus: a 10kGNAD csv, or a folder of .txt and saved .html pages (text taken as the extension takes it). */
async function readCorpus(path: string): Promise<string[]> {
  if (!existsSync(path)) throw new Error(`${path} not found: pass a 10kGNAD csv or a folder of .txt/.html files`);
  if (!statSync(path).isDirectory()) return readGnad(path);
  const texts: string[] = [];
  for (const f of readdirSync(path).sort()) {
    if (f.endsWith('.txt')) texts.push(readFileSync(join(path, f), 'utf8'));
    else if (/\.html?$/.test(f)) texts.push(...(await readInput(join(path, f))).segments.map((s) => s.text));
  }
  return texts;
}

const files = values.list ?? readdirSync('rules').filter((f) => f.endsWith('.json')).map((f) => join('rules', f));
const problems: string[] = [];
const lists: RuleList[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const result = parseList(text, file);
  if (!result.ok) {
    problems.push(...result.errors);
    continue;
  }
  lists.push(result.list);
  if (text !== JSON.stringify(JSON.parse(text), null, 2) + '\n') problems.push(`${file}: not in canonical form (npm run lists:format)`);
  problems.push(...checkExamples(result.list, file), ...completenessProblems(result.list, file));
}
problems.push(...duplicateForms(lists));

const texts = await readCorpus(corpusPath);
const matcher = compile(lists);
const words = texts.reduce((n, t) => n + (t.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
const perRule = new Map<string, { count: number; samples: string[] }>();
const perList = new Map<string, number>(lists.map((l) => [l.id, 0]));
let total = 0;
for (const text of texts) {
  for (const f of matcher.find(text, { signals: false })) {
    total++;
    perList.set(f.listId, (perList.get(f.listId) ?? 0) + 1);
    const key = `${f.listId}/${f.ruleId}`;
    const entry = perRule.get(key) ?? { count: 0, samples: [] };
    entry.count++;
    if (entry.samples.length < 3) entry.samples.push(`…${text.slice(Math.max(0, f.start - 40), f.end + 40).replace(/\s+/g, ' ')}…`);
    perRule.set(key, entry);
  }
}
const per1000 = (n: number) => (n / words) * 1000;

console.log(`Corpus: ${corpusPath}: ${texts.length} texts, ${words} words`);
console.log(`Lists: ${lists.map((l) => `${l.id} (${l.language}, ${l.rules.length} rules)`).join(', ')}`);
console.log(`Rules per language: ${[...new Set(lists.map((l) => l.language))].map((lang) => `${lang} ${lists.filter((l) => l.language === lang).reduce((n, l) => n + l.rules.length, 0)}`).join(', ')}\n`);
console.log('| list | flags | per 1,000 words |');
console.log('|---|---:|---:|');
for (const [id, n] of perList) console.log(`| ${id} | ${n} | ${per1000(n).toFixed(3)} |`);
console.log(`| **all** | ${total} | ${per1000(total).toFixed(3)} (limit ${MAX_NOISE}) |\n`);
const top = [...perRule].sort((a, b) => b[1].count - a[1].count).slice(0, Number(values.top));
if (top.length) {
  console.log('Noisiest rules (tighten with forms and exclusions, or drop):');
  for (const [key, { count, samples }] of top) {
    console.log(`  ${key}: ${count} (${per1000(count).toFixed(3)} per 1,000 words)`);
    for (const s of samples) console.log(`      ${s}`);
  }
}
console.log(problems.length ? `\nIncomplete (${problems.length}):\n  ${problems.join('\n  ')}` : '\nComplete: every field present, every example passes, no duplicate forms, canonical files.');
process.exitCode = problems.length || per1000(total) > MAX_NOISE ? 1 : 0;
