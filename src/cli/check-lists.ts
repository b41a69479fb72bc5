// wortlupe check-lists <files…>: validates list files and runs every rule's examples.
import { checkExamples, compile, parseList } from '../core';
import { CliError } from './errors';
import { readText } from './lists';

export function checkLists(args: string[]): number {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`unknown option ${unknown}: check-lists takes only file names`);
  if (!args.length) throw new CliError('no files given: wortlupe check-lists rules/*.json');
  let failed = 0;
  for (const file of args) {
    const result = parseList(readText(file), file);
    const problems = result.ok ? [...compile([result.list]).problems, ...checkExamples(result.list, file)] : result.errors;
    if (problems.length) {
      failed++;
      for (const problem of problems) console.error(problem);
    } else {
      const rules = result.ok ? result.list.rules : [];
      const examples = rules.reduce((n, r) => n + (r.examples?.flag.length ?? 0) + (r.examples?.ignore.length ?? 0), 0);
      console.log(`ok ${file}: ${rules.length} rules, ${examples} examples pass`);
    }
  }
  return failed ? 1 : 0;
}
