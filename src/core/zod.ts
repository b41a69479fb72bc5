// zod, set up once for every schema Wortlupe builds. Schemas are written with zod/mini (functions
// instead of methods: the same checks, issues and messages as classic zod): every frame's content
// script carries the schemas it may parse, and zod/mini keeps classic zod's whole method surface
// out of that bundle (see the content bundle test in test/e2e/content-bundle.test.ts).
import * as z from 'zod/mini';

// zod probes for `new Function` unless told not to; MV3 pages forbid eval and Firefox's linter flags it.
z.config({ jitless: true });
// zod/mini words no issue until a locale is set (classic zod sets English only when it builds its
// first schema): every message a reader may see must be readable whatever else the bundle holds.
if (!z.core.globalConfig.localeError) z.config(z.locales.en());

export { z };
