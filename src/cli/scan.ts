// wortlupe scan: the core on a file, a saved page, standard input or a URL.
import { parseArgs } from 'node:util';
import { compile, primaryLanguage, type Finding, type RuleList } from '../core';
import { pageLanguage } from '../dom/language';
import { CliError } from './errors';
import { readInput } from './input';
import { loadLists, shippedListFiles } from './lists';
import { printReport } from './report';

export interface ScanResult {
  findings: (Pick<Finding, 'listId' | 'ruleId' | 'term' | 'match' | 'start' | 'end' | 'signals'>)[];
  stats: { chars: number; words: number };
}

export async function scanCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { list: { type: 'string', multiple: true }, lang: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    throw new CliError(
      unknown
        ? `unknown option ${unknown}: scan takes --list FILE (repeatable), --lang CODE and --json`
        : `${message.split('\n')[0]} (wortlupe --help)`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new CliError(`scan takes one input (a file, a page, a URL, or - for standard input), got ${positionals.length}`);
  }
  // Any BCP 47 tag the way a page's lang attribute gives it ("DE", "de-AT"): lists have primary subtags.
  const lang = primaryLanguage(values.lang);
  if (values.lang !== undefined && !lang) {
    throw new CliError(`--lang takes a language code such as de or en, not "${values.lang}"`);
  }
  const lists = loadLists(values.list ?? shippedListFiles());
  if (lang) checkListLanguage(values.lang!, lang, lists);
  const matcher = compile(lists);
  const input = await readInput(positionals[0]!);

  // For a block or paragraph too short to tell its own language: the page's, or the text's as a whole.
  const fallbackLang = input.doc ? pageLanguage(input.doc, input.segments, matcher) : matcher.detectLanguage(input.text);
  const findings: Finding[] = [];
  for (const segment of input.segments) {
    const found = matcher.find(segment.text, {
      lang: lang ?? segment.lang,
      fallbackLang,
      headline: segment.headline,
    });
    for (const f of found) findings.push({ ...f, start: f.start + segment.start, end: f.end + segment.start });
  }
  const result: ScanResult = {
    findings: findings.map(({ listId, ruleId, term, match, start, end, signals }) => ({ listId, ruleId, term, match, start, end, signals })),
    stats: { chars: input.text.length, words: input.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0 },
  };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printReport(input, result, lists);
  return 0;
}

/** A language no list is in would silently find nothing: say so, and which languages there are. */
function checkListLanguage(given: string, lang: string, lists: readonly RuleList[]): void {
  const languages = [...new Set(lists.map((list) => list.language))].sort();
  if (languages.includes(lang)) return;
  throw new CliError(`--lang ${given}: no list is in that language; the lists are in ${languages.join(', ')}`);
}
