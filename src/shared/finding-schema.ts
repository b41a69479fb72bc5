// The core's Signal type as a schema, for findings that travel between contexts. Built on first use:
// every frame's content script imports this module, and only the popup parses findings.
import type { Signal } from '../core';
import { z } from '../core/zod';

export const signalSchema = z.lazy(() => {
  const short = z.string().check(z.maxLength(200));
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('quoted'), style: z.enum(['term', 'passage']), open: short, close: short }),
    z.strictObject({ kind: z.literal('distanced'), word: short }),
    z.strictObject({ kind: z.literal('reported'), cue: short, speaker: z.optional(short) }),
    z.strictObject({ kind: z.literal('headline') }),
    z.strictObject({ kind: z.literal('near'), word: short, inWord: z.optional(z.literal(true)) }),
  ]);
});

// Compile-time check that the schema and the core type agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: Same<z.infer<typeof signalSchema>, Signal> = true;
void agree;
