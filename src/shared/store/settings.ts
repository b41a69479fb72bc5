// Small settings: defaults, the type derived from them, and repair field by field.
import { z } from '../../core/zod';
import { ID_PATTERN } from '../../core/list-schema';
import { t } from '../i18n';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_SCHEMA = 2;

// Every schema here is built on first use (z.lazy): every frame's content script imports this
// module for siteIsOff() and the style, and only extension pages repair settings.
export const siteSchema = z.lazy(() =>
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/), // refused in words by store.setSiteEnabled
  ),
);

// Page settings carry the style: built when a frame first reads them (see storage.ts).
export const styleSchema = z.lazy(() =>
  z.object({
    colourBy: z.enum(['severity', 'list']),
    look: z.enum(['underline', 'background']),
  }),
);
export type Style = z.infer<typeof styleSchema>;

/** One schema per field, so a broken field is repaired without touching the others. */
function buildFields() {
  // "listId/ruleId" and "listId", each id as a list's own (ID_PATTERN).
  const id = ID_PATTERN.source.slice(1, -1);
  const ruleRef = z.string().check(z.regex(new RegExp(`^${id}/${id}$`)));
  const listRef = z.string().check(z.regex(ID_PATTERN));
  return {
    disabledLists: z.array(listRef).check(z.maxLength(1000)),
    disabledRules: z.array(ruleRef).check(z.maxLength(100_000)),
    disabledSites: z.array(siteSchema).check(z.maxLength(10_000)),
    style: styleSchema,
  } as const;
}
let builtFields: ReturnType<typeof buildFields> | undefined;
const fields = () => (builtFields ??= buildFields());

export interface Settings {
  schema: typeof SETTINGS_SCHEMA;
  disabledLists: string[];
  disabledRules: string[];
  disabledSites: string[];
  style: Style;
}

export const DEFAULT_SETTINGS: Settings = {
  schema: SETTINGS_SCHEMA,
  disabledLists: [],
  disabledRules: [],
  disabledSites: [],
  style: { colourBy: 'severity', look: 'underline' },
};

export const settingsSchema = z.lazy(() => z.object({ schema: z.literal(SETTINGS_SCHEMA), ...fields() }));

export interface Repaired<T> {
  value: T;
  /** What was wrong, in plain words; empty when nothing was. */
  problems: string[];
  /** The same, worded for a backup, which is refused rather than repaired. */
  invalid: string[];
}

/** Settings as stored, with every unreadable field reset to its default and named. */
export function repairSettings(stored: unknown): Repaired<Settings> {
  if (stored === undefined) return { value: structuredClone(DEFAULT_SETTINGS), problems: [], invalid: [] };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { value: structuredClone(DEFAULT_SETTINGS), problems: [t('error_settings_unreadable')], invalid: [t('error_backup_settings_unreadable')] };
  }
  const record = stored as Record<string, unknown>;
  const value = structuredClone(DEFAULT_SETTINGS);
  const problems: string[] = [];
  const invalid: string[] = [];
  for (const [field, schema] of Object.entries(fields()) as [keyof Settings, z.ZodMiniType][]) {
    if (!(field in record)) continue;
    const parsed = schema.safeParse(record[field]);
    if (parsed.success) {
      (value as unknown as Record<string, unknown>)[field] = parsed.data;
    } else {
      problems.push(t('error_setting_unreadable', field));
      invalid.push(t('error_backup_setting_invalid', field));
    }
  }
  return { value, problems, invalid };
}

/** Does a page's host fall under one of the switched-off sites? */
export function siteIsOff(host: string, sites: readonly string[]): boolean {
  const h = host.toLowerCase();
  return sites.some((site) => (site.startsWith('*.') ? h === site.slice(2) || h.endsWith(site.slice(1)) : h === site));
}
