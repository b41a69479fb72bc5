// What the core says to people about a list: `file: rule "id" (rules[3]) › field: message`.
//
// The core runs in the extension and in Node (the command line, the tests) and may not reach for the
// browser's i18n API, so it keeps its words here, in English, and lets a caller put a translation in
// their place: the extension's pages build one from public/_locales (src/shared/core-messages.ts) and
// install it when they start. One catalogue per JavaScript context is enough (the language is the
// browser's, fixed for the context's life), so it is a module setting rather than a parameter of
// every function that validates. The schemas look a message up only when an issue is raised (zod
// calls `error` functions at validation time), so a catalogue installed after they were built applies.

/** The kinds of JSON value a list's fields hold. */
export const VALUE_KINDS = ['text', 'number', 'object', 'list', 'boolean'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export interface CoreMessages {
  // Connecting words of the format above.
  /** Names the rule before its field; `label` is `"kanonenfutter" (rules[3])` or `rules[3]`. */
  rule(label: string): string;
  /** Stands for the field when the issue is with the list as a whole. */
  list(): string;
  missing(): string;
  /** A field that is there, but holds another kind of value (`"term": 5`, a list file that is `[]`). */
  mustBe(kind: ValueKind): string;
  unknownFields(keys: readonly string[]): string;
  notJson(detail: string): string;

  // What is wrong with a field.
  id(): string;
  empty(): string;
  atMostChars(max: number): string;
  atMostItems(max: number): string;
  https(): string;
  letterOrDigit(): string;
  atLeastOneForm(): string;
  atMostForms(max: number): string;
  atMostExclusions(max: number): string;
  atMostNear(max: number): string;
  oneOf(values: readonly string[]): string;
  either(first: string, second: string): string;
  severity(): string;
  atLeastOneSource(): string;
  format(expected: string): string;
  language(): string;
  atMostRules(max: number): string;
  duplicateId(id: string): string;

  // Braces in forms (src/core/forms.ts).
  closeWithoutOpen(form: string): string;
  openWithoutClose(form: string): string;
  nestedBrace(form: string): string;
  tooManyExpansions(form: string, max: number): string;
}

/** The core's own words: what the command line prints, and what the tests read. */
export const ENGLISH: CoreMessages = {
  rule: (label) => `rule ${label}`,
  list: () => 'list',
  missing: () => 'is missing',
  mustBe: (kind) =>
    ({ text: 'must be text', number: 'must be a number', object: 'must be an object { … }', list: 'must be a list [ … ]', boolean: 'must be true or false' })[kind],
  unknownFields: (keys) => `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
  notJson: (detail) => `not valid JSON (${detail})`,

  id: () => 'must be 1–64 characters: lowercase letters, digits and hyphens, starting with a letter or digit',
  empty: () => 'must not be empty',
  atMostChars: (max) => `must be at most ${max} characters`,
  // zod's own wording, which these limits used before they had a message of their own.
  atMostItems: (max) => `Too big: expected array to have <=${max} items`,
  https: () => 'must be an https:// address',
  letterOrDigit: () => 'must contain at least one letter or digit',
  atLeastOneForm: () => 'must list at least one form',
  atMostForms: (max) => `must list at most ${max} forms`,
  atMostExclusions: (max) => `must list at most ${max} exclusions`,
  atMostNear: (max) => `must list at most ${max} context words`,
  oneOf: (values) => `must be one of ${values.join(', ')}`,
  either: (first, second) => `must be ${first} or ${second}`,
  severity: () => 'must be 1, 2 or 3',
  atLeastOneSource: () => 'must cite at least one source',
  format: (expected) => `must be "${expected}"`,
  language: () => 'must be a two- or three-letter language code such as "de" or "en"',
  atMostRules: (max) => `must hold at most ${max} rules`,
  duplicateId: (id) => `"${id}" is used by an earlier rule`,

  closeWithoutOpen: (form) => `"}" without "{" in "${form}"`,
  openWithoutClose: (form) => `"{" without "}" in "${form}"`,
  nestedBrace: (form) => `nested "{" in "${form}"`,
  tooManyExpansions: (form, max) => `"${form}" expands to more than ${max} forms`,
};

let current: CoreMessages = ENGLISH;

/** Put a translation in place of the English words, for everything this context validates from now on. */
export function setCoreMessages(messages: CoreMessages): void {
  current = messages;
}

export function coreMessages(): CoreMessages {
  return current;
}
