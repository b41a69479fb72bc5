// Every message between contexts, as zod schemas. Receivers parse with these before acting;
// anything that does not parse is ignored.
import { z } from '../core/zod';
import { signalSchema } from './finding-schema';
import { styleSchema } from './store/settings';

// content script → background. Built on first use: only the background parses it.
export const reportCountMessage = z.lazy(() =>
  z.strictObject({
    type: z.literal('report-count'),
    /** Random per document, so a navigation in a frame replaces that frame's old count. */
    docId: z.string().check(z.minLength(8), z.maxLength(64)),
    count: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  }),
);

// What commands take to name a thing the background keeps. The store's own checks of what it keeps
// use the same limits (store/deleted-lists.ts, store/set-aside.ts): a kept thing the page could list
// but not ask for would be stuck there.
export const LIST_ID_MAX = 64;
export const DELETED_AT_MAX = 100;
export const SET_ASIDE_ID_MAX = 64;

// extension page → background (privileged: checked against the sender). Built on first use (only
// the background ever parses a command): every frame's content script imports this module.
const command = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

function buildCommands() {
  const listId = z.string().check(z.minLength(1), z.maxLength(LIST_ID_MAX));
  const deletedAt = z.string().check(z.maxLength(DELETED_AT_MAX));
  const updatedAt = z.string().check(z.maxLength(64));
  const setAsideId = z.string().check(z.minLength(1), z.maxLength(SET_ASIDE_ID_MAX));
  return [
    command('get-state', {}),
    command('set-list-enabled', { listId, enabled: z.boolean() }),
    command('set-rule-enabled', { listId, ruleId: z.string().check(z.minLength(1), z.maxLength(64)), enabled: z.boolean() }),
    command('set-site-enabled', { site: z.string().check(z.minLength(1), z.maxLength(300)), enabled: z.boolean() }),
    command('set-style', { style: styleSchema }),
    command('restore-defaults', {}),
    /**
     * A list the reader wrote or edited (validated by the receiver). Without `replace` (a new list), a
     * list with the same id is kept and the new one saved under a free id (`savedAs` in the answer).
     * `base`: when the stored list was saved, as the editor opened it; another means it was changed
     * meanwhile (in another tab), and the answer warns that this save went over that version.
     */
    command('save-list', { list: z.unknown(), replace: z.boolean(), base: z.optional(updatedAt) }),
    command('import-list', { text: z.string(), name: z.string().check(z.maxLength(300)), replace: z.boolean() }),
    command('delete-list', { listId }),
    /** One of the deleted lists the background keeps, named by id and time of deletion: back, as a file, or gone for good. */
    command('restore-kept', { listId, deletedAt }),
    command('export-kept', { listId, deletedAt }),
    command('forget-kept', { listId, deletedAt }),
    /** `base`: when the list the page shows was saved; an undo of a list changed since is refused. */
    command('undo-list', { listId, base: z.optional(updatedAt) }),
    command('export-backup', {}),
    command('import-backup', { text: z.string(), name: z.string().check(z.maxLength(300)) }),
    /** Without `confirm`: fetch and show what the list is; with it: subscribe. */
    /** `digest`: of the list the reader was shown (from the answer without `confirm`); required to subscribe. */
    command('subscribe', { url: z.string().check(z.maxLength(2000)), confirm: z.boolean(), replace: z.boolean(), digest: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))) }),
    command('update-subscriptions', { listId: z.optional(listId) }),
    command('dismiss-notices', {}),
    /** What was set aside: one item by its id or, without, every item, as a file; or one gone for good. */
    command('export-set-aside', { id: z.optional(setAsideId) }),
    command('forget-set-aside', { id: setAsideId }),
  ] as const;
}
export const commandMessage = z.lazy(() => z.discriminatedUnion('type', buildCommands()));
export type Command = z.infer<typeof commandMessage>;

/**
 * Every answer to a command: done (with the new state, or what was asked for), or refused with reasons;
 * `canReplace` when only a list with the same id stood in the way (the page may offer to replace it);
 * `savedAs`: the id a new list was saved under (another than its own when that was taken); `warning`:
 * done, but something the reader should know (stored, and not yet passed on to open tabs);
 * `deletedAt`: when the list a delete took was kept among the deleted ones (Undo delete asks for it).
 */
export type CommandResult =
  | { ok: true; data?: unknown; savedAs?: string; warning?: string; deletedAt?: string }
  | { ok: false; errors: string[]; canReplace?: boolean };


// Messages to the content script, built when the first one arrives (z.lazy): most frames never get one.
export const toContent = z.lazy(() =>
  z.discriminatedUnion('type', [
    // popup → content script
    z.strictObject({ type: z.literal('get-findings') }),
    // … answered with a StepAnswer: whether that flag was revealed
    z.strictObject({ type: z.literal('reveal'), index: z.int().check(z.minimum(0)) }),
    // background → content script (context menu): the page's language
    z.strictObject({ type: z.literal('page-language') }),
    // background → content script (keyboard shortcut): reveal the next or previous flag of this
    // frame, or (`enter`) its first or last one; answered with a StepAnswer
    z.strictObject({ type: z.literal('step'), direction: z.union([z.literal(1), z.literal(-1)]), enter: z.optional(z.literal(true)) }),
  ]),
);
export type ToContent = z.infer<typeof toContent>;
/** Whether a frame revealed a flag for a step or a reveal; false: none left in that direction (or none at all), or gone. */
export const stepAnswer = z.lazy(() => z.strictObject({ stepped: z.boolean() }));
export type StepAnswer = z.infer<typeof stepAnswer>;
export const languageAnswer = z.lazy(() => z.strictObject({ lang: z.optional(z.string().check(z.maxLength(3))) }));

/** One occurrence on a page, as the popup shows it. */
export const pageFindingSchema = z.lazy(() =>
  z.strictObject({
    index: z.int().check(z.minimum(0)),
    listId: z.string(),
    ruleId: z.string(),
    match: z.string().check(z.maxLength(1000)),
    /** The sentence around the match. */
    before: z.string().check(z.maxLength(1000)),
    after: z.string().check(z.maxLength(1000)),
    signals: z.array(signalSchema).check(z.maxLength(10)),
  }),
);
export type PageFinding = z.infer<typeof pageFindingSchema>;

export const findingsResponse = z.lazy(() =>
  z.strictObject({
    url: z.string().check(z.maxLength(8192)),
    title: z.string().check(z.maxLength(2000)),
    findings: z.array(pageFindingSchema).check(z.maxLength(100_000)),
  }),
);
export type FindingsResponse = z.infer<typeof findingsResponse>;
