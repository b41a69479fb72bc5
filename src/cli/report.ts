// The readable report of `wortlupe scan`: each term with its count, why it is flagged, and every
// sentence it stands in with how it appears there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceParts, type RuleList } from '../core';
import { describeSignals, indexRules, ruleKey, type MessageKey } from '../shared/describe';
import { translatorFrom, type Catalogue } from '../shared/translator';
import type { Input } from './input';
import type { ScanResult } from './scan';

// The extension's English interface strings, so the command line says what the card says.
const t = translatorFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Catalogue);
const label = (key: string) => t(key as MessageKey);
// Bold and underlined on a terminal; in brackets when piped, which also survives copying.
const mark = (text: string) => (process.stdout.isTTY ? `\x1b[1;4m${text}\x1b[0m` : `[${text}]`);

export function printReport(input: Input, result: ScanResult, lists: RuleList[]): void {
  const rules = indexRules(lists);
  const { findings, stats } = result;
  const groups = new Map<string, ScanResult['findings']>();
  for (const f of findings) {
    const key = ruleKey(f.listId, f.ruleId);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: string[] = [];
  out.push(
    `${input.name}: ${findings.length} flagged occurrence${findings.length === 1 ? '' : 's'} of ${groups.size} term${groups.size === 1 ? '' : 's'} ` +
      `(${stats.chars} characters, ${stats.words} words)`,
  );
  for (const [key, group] of groups) {
    const { rule, list } = rules.get(key)!;
    out.push('', `${rule.term} — ${label(`technique_${rule.technique.replaceAll('-', '_')}`)}, ${label(`severity_${rule.severity}`)} — ${group.length}×  [${list.id}/${rule.id}]`);
    out.push(`  Why: ${rule.explanation}`);
    group.forEach((f, i) => {
      const { before, match, after } = sentenceParts(input.text, f.start, f.end);
      out.push(`  ${i + 1}. ${before}${mark(match)}${after}`);
      for (const line of describeSignals(f.signals, t)) out.push(`     ${line}`);
    });
    out.push(`  Sources: ${rule.sources.map((s) => `${s.title} <${s.url}>`).join('; ')}`);
  }
  console.log(out.join('\n'));
}
