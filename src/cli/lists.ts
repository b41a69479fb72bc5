// Reading list files for the command line, with errors that name the file, the rule and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseList, type RuleList } from '../core';
import { CliError } from './errors';

export const SHIPPED_DIR = join(import.meta.dirname, '../../rules');

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file} (${code === 'ENOENT' ? 'no such file' : code}): check the path`);
  }
}

/**
 * Parsed lists, or a CliError in one line: the first problem (file, rule, field) and what to do.
 * check-lists is the command that shows them all.
 */
export function loadLists(files: readonly string[]): RuleList[] {
  const lists: RuleList[] = [];
  const errors: string[] = [];
  const bad: string[] = [];
  for (const file of files) {
    const result = parseList(readText(file), file);
    if (result.ok) lists.push(result.list);
    else {
      errors.push(...result.errors);
      bad.push(file);
    }
  }
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new CliError(`invalid list: ${errors[0]}${more}: fix the list; "wortlupe check-lists ${bad.join(' ')}" shows every problem`);
  }
  return lists;
}

export function shippedListFiles(): string[] {
  return readdirSync(SHIPPED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(SHIPPED_DIR, f));
}
