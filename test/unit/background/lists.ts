// Lists for the background's unit tests, as a list server would serve them.
import type { RuleList } from '../../../src/core';

export const ruleList = (id: string, version = '1', rules = 1): RuleList => ({
  format: 'wortlupe-list/1',
  id,
  title: `List ${id}`,
  language: 'de',
  version,
  rules: Array.from({ length: rules }, (_, i) => ({
    id: `r${i}`,
    term: `Kanonenfutter${i}`,
    technique: 'dehumanisation',
    severity: 2,
    explanation: 'Why.',
    sources: [{ title: 'Source', url: 'https://example.org/' }],
  })),
});

/** A fetch answer with `body` as JSON text. */
export const served = (body: unknown, init?: ResponseInit) => new Response(JSON.stringify(body), init);
