// The public rule-list format `wortlupe-list/1` (documented field by field in rules/README.md).
// Every list that enters Wortlupe — shipped file, storage, import, subscription — passes this schema.
import { z } from 'zod';
import { exclusionForms, surfaceForms } from './forms';

// zod probes for `new Function` unless told not to; MV3 pages forbid eval and Firefox's linter flags it.
z.config({ jitless: true });

export const LIST_FORMAT = 'wortlupe-list/1';

/** Techniques a rule can name. Term-level subset of the SemEval propaganda taxonomy, plus Nazi comparisons. */
export const TECHNIQUES = [
  'loaded-language',
  'name-calling',
  'euphemism',
  'dehumanisation',
  'exaggeration-minimisation',
  'flag-waving',
  'appeal-to-fear',
  'reductio-ad-hitlerum',
  'doubt',
  'guilt-by-association',
  'slogan',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** Word classes the matcher knows how to inflect (see src/core/forms.ts). */
export const INFLECTIONS = [
  'none',
  'de-adjective',
  'de-noun-weak',
  'de-noun-strong',
  'en-noun',
  'en-verb',
] as const;
export type Inflection = (typeof INFLECTIONS)[number];

export const COMPOUND_POSITIONS = ['none', 'head', 'modifier', 'any'] as const;
export type CompoundPosition = (typeof COMPOUND_POSITIONS)[number];

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const idField = z
  .string()
  .regex(ID, 'must be 1–64 characters: lowercase letters, digits and hyphens, starting with a letter or digit');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Only http(s) links are ever made clickable; lists must cite https sources. */
const httpsUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https$/, error: 'must be an https:// address' }));

export const sourceSchema = z.strictObject({
  title: text(300),
  url: httpsUrl,
});

const form = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((value) => /[\p{L}\p{N}]/u.test(value), 'must contain at least one letter or digit');

export const ruleSchema = z
  .strictObject({
  id: idField,
  term: text(200),
  match: z.array(form).min(1, 'must list at least one form').max(100, 'must list at most 100 forms').optional(),
  inflect: z.enum(INFLECTIONS, { error: `must be one of ${INFLECTIONS.join(', ')}` }).optional(),
  compound: z.enum(COMPOUND_POSITIONS, { error: `must be one of ${COMPOUND_POSITIONS.join(', ')}` }).optional(),
  case: z.enum(['insensitive', 'exact'], { error: 'must be insensitive or exact' }).optional(),
  exclude: z.array(form).max(100, 'must list at most 100 exclusions').optional(),
  technique: z.enum(TECHNIQUES, { error: `must be one of ${TECHNIQUES.join(', ')}` }),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }),
  explanation: text(2000),
  alternatives: z.array(text(200)).max(20).optional(),
  legitimate: text(1000).optional(),
  sources: z.array(sourceSchema).min(1, 'must cite at least one source').max(20),
  examples: z
    .strictObject({
      flag: z.array(text(2000)).max(50).default([]),
      ignore: z.array(text(2000)).max(50).default([]),
    })
    .optional(),
  })
  .superRefine((rule, ctx) => {
    // Braces must expand to a finite, small set; say which field is wrong.
    const forms = surfaceForms(rule);
    if (typeof forms === 'string') ctx.addIssue({ code: 'custom', path: [rule.match ? 'match' : 'term'], message: forms });
    const exclusions = exclusionForms(rule);
    if (typeof exclusions === 'string') ctx.addIssue({ code: 'custom', path: ['exclude'], message: exclusions });
  });

export const listSchema = z
  .strictObject({
    format: z.literal(LIST_FORMAT, { error: `must be "${LIST_FORMAT}"` }),
    id: idField,
    title: text(200),
    description: text(2000).optional(),
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be a two- or three-letter language code such as "de" or "en"'),
    version: text(50),
    license: text(200).optional(),
    homepage: httpsUrl.optional(),
    rules: z.array(ruleSchema).max(20000, 'must hold at most 20000 rules'),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `"${rule.id}" is used by an earlier rule` });
      }
      seen.add(rule.id);
    });
  });

export type Source = z.infer<typeof sourceSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleList = z.infer<typeof listSchema>;
