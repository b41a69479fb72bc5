// Reading the third-party German news corpus (../shared/corpus/10kGNAD/test.csv): one article per
// line as `label;'text'`. Used only as benchmark and noise-measurement input, never copied.
import { existsSync, readFileSync } from 'node:fs';

export const DEFAULT_GNAD = '../shared/corpus/10kGNAD/test.csv';

export function readGnad(path = DEFAULT_GNAD): string[] {
  if (!existsSync(path)) {
    throw new Error(`${path} not found. Pass the path of 10kGNAD/test.csv as the first argument.`);
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const text = line.slice(line.indexOf(';') + 1);
      return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text;
    });
}
