// wortlupe check-lists <files…>: validates list files and runs every rule's examples.
import { checkExamples, compile, parseList } from '../core';
import { CliError } from './errors';
import { readText } from './lists';

/**
 * Every file is checked and every problem shown, also after a file that cannot be read. Exit code 1
 * when a list is invalid or an example fails; 2 when a file could not be read at all (bad input, as
 * everywhere in the command line).
 */
export function checkLists(args: string[]): number {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`unknown option ${unknown}: check-lists takes only file names`);
  if (!args.length) throw new CliError('no files given: wortlupe check-lists rules/*.json');
  let failed = 0;
  let unreadable = 0;
  for (const file of args) {
    const text = readOrReport(file);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    const result = parseList(text, file);
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
  return unreadable ? 2 : failed ? 1 : 0;
}

/** The file's text, or undefined after saying on stderr why it cannot be read. */
function readOrReport(file: string): string | undefined {
  try {
    return readText(file);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(error.message);
    return undefined;
  }
}
