// Parse and validate one list, with errors a person can act on: which file, which rule, which field.
import type { z } from './zod';
import { listSchema, type RuleList } from './list-schema';
import { coreMessages, type ValueKind } from './messages';

export type LoadResult = { ok: true; list: RuleList } | { ok: false; errors: string[] };

/** Validate an already-parsed value (from storage, a message, an import). `origin` names it in errors. */
export function validateList(value: unknown, origin: string): LoadResult {
  const parsed = listSchema.safeParse(value);
  if (parsed.success) return { ok: true, list: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${origin}: ${describeIssue(issue, value)}`) };
}

/** Parse JSON text and validate it. */
export function parseList(json: string, origin: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`${origin}: ${coreMessages().notJson((error as Error).message)}`] };
  }
  return validateList(value, origin);
}

/** `rule "kanonenfutter" (rules[3]) › severity: must be 1, 2 or 3` */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const say = coreMessages();
  const path = issue.path;
  let where = '';
  let rest = path;
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    where = `${say.rule(ruleLabel(value, path[1]))} › `;
    rest = path.slice(2);
  }
  const field = rest.length ? formatPath(rest) : path.length ? '' : say.list();
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = say.unknownFields(issue.keys);
  } else if (issue.code === 'invalid_type') {
    // zod reports a field that is absent and one of the wrong kind alike: tell them apart by
    // looking, or "term": 5 would read "term: is missing".
    const kind = KINDS[issue.expected];
    if (!present(value, path)) message = say.missing();
    else if (kind) message = say.mustBe(kind);
  }
  return `${where}${field ? `${field}: ` : ''}${message}`;
}

/** The kinds zod names (as `expected`) in the words of the list format. */
const KINDS: Partial<Record<string, ValueKind>> = { string: 'text', number: 'number', int: 'number', object: 'object', array: 'list', boolean: 'boolean' };

/** Whether the value has something at `path` (null counts: it was written). */
function present(value: unknown, path: readonly PropertyKey[]): boolean {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}

function ruleLabel(value: unknown, index: number): string {
  const rules = (value as { rules?: unknown })?.rules;
  const id = Array.isArray(rules) ? (rules[index] as { id?: unknown })?.id : undefined;
  return typeof id === 'string' && id ? `"${id.slice(0, 64)}" (rules[${index}])` : `rules[${index}]`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}
