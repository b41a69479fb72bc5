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

/** Parsed lists, or a CliError listing every problem of every file. */
export function loadLists(files: readonly string[]): RuleList[] {
  const lists: RuleList[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const result = parseList(readText(file), file);
    if (result.ok) lists.push(result.list);
    else errors.push(...result.errors);
  }
  if (errors.length) throw new CliError(`invalid list:\n  ${errors.join('\n  ')}`);
  return lists;
}

export function shippedListFiles(): string[] {
  return readdirSync(SHIPPED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(SHIPPED_DIR, f));
}
