// The lists that ship with the extension: rules/*.json, bundled at build time and validated when loaded.
import { validateList, type RuleList } from '../core';

const files = import.meta.glob<unknown>('../../rules/*.json', { eager: true, import: 'default' });

let cache: RuleList[] | undefined;

export function shippedLists(): RuleList[] {
  if (!cache) {
    cache = [];
    for (const [path, value] of Object.entries(files)) {
      const result = validateList(value, path.replace('../../', ''));
      // The test suite validates every shipped file; a broken one is left out rather than breaking the rest.
      if (result.ok) cache.push(result.list);
      else console.error('Wortlupe: shipped list left out', result.errors);
    }
    cache.sort((a, b) => a.id.localeCompare(b.id));
  }
  return cache;
}
