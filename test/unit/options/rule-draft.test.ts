// A rule opened in the form and saved unchanged is the rule it was; edited lists split by line.
import { expect, it } from 'vitest';
import { parseList, type Rule } from '../../../src/core';
import { draftFromRule, ruleFromDraft } from '../../../src/options/rule-draft';

/** A rule as an imported list may hold it: list items with a line break in them. */
const RULE = (
  parseList(
    JSON.stringify({
      format: 'wortlupe-list/1',
      id: 'eigene',
      title: 'Eigene',
      language: 'de',
      version: '1',
      rules: [
        {
          id: 'luftschloss',
          term: 'Luftschloss',
          technique: 'euphemism',
          severity: 1,
          explanation: 'Ein Plan ohne Grund.',
          sources: [{ title: 'Quelle', url: 'https://example.org/' }],
          alternatives: ['Luftschloss\nTraumgebilde', 'Wunschtraum'],
          examples: { flag: ['Erste Zeile mit Luftschloss\nzweite Zeile'], ignore: ['Schloss'] },
        },
      ],
    }),
    'eigene.json',
  ) as { list: { rules: Rule[] } }
).list.rules[0]!;

it('saves a rule opened and left unchanged as it was, item for item', () => {
  const saved = ruleFromDraft(draftFromRule(RULE));
  expect(saved.alternatives).toEqual(['Luftschloss\nTraumgebilde', 'Wunschtraum']);
  expect(saved.examples).toEqual({ flag: ['Erste Zeile mit Luftschloss\nzweite Zeile'], ignore: ['Schloss'] });
});

it('reads a list field one item per line once its text is edited', () => {
  const draft = draftFromRule(RULE);
  const saved = ruleFromDraft({ ...draft, alternatives: `${draft.alternatives}\nHirngespinst`, flag: 'Ein Luftschloss\n\n  noch eins  ' });
  expect(saved.alternatives).toEqual(['Luftschloss', 'Traumgebilde', 'Wunschtraum', 'Hirngespinst']);
  expect(saved.examples).toEqual({ flag: ['Ein Luftschloss', 'noch eins'], ignore: ['Schloss'] });
});

it('keeps a rule’s context words (near), and reads them one per line once edited', () => {
  // As an imported list may hold them: an item with a line break in it stays one item.
  const rule = { ...RULE, near: ['Bau{plan,pläne}', 'Architekt\nin'] };
  expect(ruleFromDraft(draftFromRule(rule)).near).toEqual(['Bau{plan,pläne}', 'Architekt\nin']);
  expect(ruleFromDraft({ ...draftFromRule(rule), near: 'Architekt-\n\n Bauherr ' }).near).toEqual(['Architekt-', 'Bauherr']);
  expect(ruleFromDraft({ ...draftFromRule(rule), near: '' })).not.toHaveProperty('near');
});
