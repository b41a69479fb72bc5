// Every message between contexts, as zod schemas. Receivers parse with these before acting;
// anything that does not parse is ignored.
import { z } from 'zod';
import { signalSchema } from './finding-schema';

// content script → background
export const reportCountMessage = z.strictObject({
  type: z.literal('report-count'),
  /** Random per document, so a navigation in a frame replaces that frame's old count. */
  docId: z.string().min(8).max(64),
  count: z.number().int().min(0).max(1_000_000),
});

// extension page → background (privileged: checked against the sender)
export const setListEnabledMessage = z.strictObject({
  type: z.literal('set-list-enabled'),
  listId: z.string().min(1).max(64),
  enabled: z.boolean(),
});

export const toBackground = z.discriminatedUnion('type', [reportCountMessage, setListEnabledMessage]);
export type ToBackground = z.infer<typeof toBackground>;

// popup → content script
export const getFindingsMessage = z.strictObject({ type: z.literal('get-findings') });
export const revealMessage = z.strictObject({ type: z.literal('reveal'), index: z.number().int().min(0) });
export const toContent = z.discriminatedUnion('type', [getFindingsMessage, revealMessage]);
export type ToContent = z.infer<typeof toContent>;

/** One occurrence on a page, as the popup shows it. */
export const pageFindingSchema = z.strictObject({
  index: z.number().int().min(0),
  listId: z.string(),
  ruleId: z.string(),
  match: z.string().max(1000),
  /** The sentence around the match. */
  before: z.string().max(1000),
  after: z.string().max(1000),
  signals: z.array(signalSchema).max(10),
});
export type PageFinding = z.infer<typeof pageFindingSchema>;

export const findingsResponse = z.strictObject({
  url: z.string().max(8192),
  title: z.string().max(2000),
  findings: z.array(pageFindingSchema).max(100_000),
});
export type FindingsResponse = z.infer<typeof findingsResponse>;
