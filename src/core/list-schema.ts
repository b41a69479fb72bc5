// The public rule-list format `wortlupe-list/1` (documented field by field in rules/README.md).
// Every list that enters Wortlupe — shipped file, storage, import, subscription — passes this schema.
import { exclusionForms, nearForms, surfaceForms } from './forms';
import { coreMessages, type CoreMessages } from './messages';
import { z } from './zod';

export const LIST_FORMAT = 'wortlupe-list/1';

/** A message looked up when zod raises the issue, so it comes from the catalogue installed then (./messages). */
const says = (pick: (m: CoreMessages) => string) => ({ error: () => pick(coreMessages()) });

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

/** What a list's or a rule's id may be: lower-case letters, digits and "-", up to 64. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The schemas are built on first use, not when the module loads: every frame's content script
 * imports the core, and only a shown card ever checks a list there. (Building them took each frame
 * a few milliseconds of start-up; z.lazy() is zod's own deferral and changes no result or message.)
 */
function build() {
  const idField = z.string().check(z.regex(ID_PATTERN, says((m) => m.id())));

  const text = (max: number) => z.string().check(z.trim(), z.minLength(1, says((m) => m.empty())), z.maxLength(max, says((m) => m.atMostChars(max))));
  /** Arrays whose limit had no message of its own: zod's wording, now from the catalogue too. */
  const items = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max, says((m) => m.atMostItems(max))));

  /** Only http(s) links are ever made clickable; lists must cite https sources. */
  const httpsUrl = z.pipe(
    z.string().check(z.maxLength(2000, says((m) => m.atMostChars(2000)))),
    z.url({ protocol: /^https$/, ...says((m) => m.https()) }),
  );

  const sourceSchema = z.strictObject({
    title: text(300),
    url: httpsUrl,
  });

  const form = z.string().check(
    z.minLength(1, says((m) => m.empty())),
    z.maxLength(200, says((m) => m.atMostChars(200))),
    z.refine((value: string) => /[\p{L}\p{N}]/u.test(value), says((m) => m.letterOrDigit())),
  );

  const ruleSchema = z
    .strictObject({
      id: idField,
      term: text(200),
      match: z.optional(z.array(form).check(z.minLength(1, says((m) => m.atLeastOneForm())), z.maxLength(100, says((m) => m.atMostForms(100))))),
      inflect: z.optional(z.enum(INFLECTIONS, says((m) => m.oneOf(INFLECTIONS)))),
      compound: z.optional(z.enum(COMPOUND_POSITIONS, says((m) => m.oneOf(COMPOUND_POSITIONS)))),
      case: z.optional(z.enum(['insensitive', 'exact'], says((m) => m.either('insensitive', 'exact')))),
      exclude: z.optional(z.array(form).check(z.maxLength(100, says((m) => m.atMostExclusions(100))))),
      near: z.optional(z.array(form).check(z.maxLength(100, says((m) => m.atMostNear(100))))),
      technique: z.enum(TECHNIQUES, says((m) => m.oneOf(TECHNIQUES))),
      severity: z.union([z.literal(1), z.literal(2), z.literal(3)], says((m) => m.severity())),
      explanation: text(2000),
      alternatives: z.optional(items(text(200), 20)),
      legitimate: z.optional(text(1000)),
      sources: items(sourceSchema, 20).check(z.minLength(1, says((m) => m.atLeastOneSource()))),
      examples: z.optional(
        z.strictObject({
          flag: z._default(items(text(2000), 50), []),
          ignore: z._default(items(text(2000), 50), []),
        }),
      ),
    })
    .check(
      z.superRefine((rule, ctx) => {
        // Braces must expand to a finite, small set; say which field is wrong.
        const forms = surfaceForms(rule);
        if (typeof forms === 'string') ctx.addIssue({ code: 'custom', path: [rule.match ? 'match' : 'term'], message: forms });
        const exclusions = exclusionForms(rule);
        if (typeof exclusions === 'string') ctx.addIssue({ code: 'custom', path: ['exclude'], message: exclusions });
        const near = nearForms(rule);
        if (typeof near === 'string') ctx.addIssue({ code: 'custom', path: ['near'], message: near });
      }),
    );

  const listSchema = z
    .strictObject({
      format: z.literal(LIST_FORMAT, says((m) => m.format(LIST_FORMAT))),
      id: idField,
      title: text(200),
      description: z.optional(text(2000)),
      language: z.string().check(z.regex(/^[a-z]{2,3}$/, says((m) => m.language()))),
      version: text(50),
      license: z.optional(text(200)),
      homepage: z.optional(httpsUrl),
      rules: z.array(ruleSchema).check(z.maxLength(20000, says((m) => m.atMostRules(20000)))),
    })
    .check(
      z.superRefine(
        (list, ctx) => {
          // Also run when other fields are invalid (see `when`): the rules may then be only partly parsed.
          const seen = new Set<string>();
          list.rules.forEach((rule: { id?: unknown } | undefined, index) => {
            const id = rule?.id;
            if (typeof id !== 'string') return;
            if (seen.has(id)) {
              ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: coreMessages().duplicateId(id) });
            }
            seen.add(id);
          });
        },
        // Zod skips refinements once a field failed; a duplicate id should be reported with the rest,
        // not only after every other problem is fixed.
        { when: ({ value }) => Array.isArray((value as { rules?: unknown } | null)?.rules) },
      ),
    );
  return { sourceSchema, ruleSchema, listSchema };
}
let built: ReturnType<typeof build> | undefined;
const schemas = () => (built ??= build());

export const sourceSchema = z.lazy(() => schemas().sourceSchema);
export const ruleSchema = z.lazy(() => schemas().ruleSchema);
export const listSchema = z.lazy(() => schemas().listSchema);

export type Source = z.infer<typeof sourceSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleList = z.infer<typeof listSchema>;
