// @vitest-environment happy-dom
// The content script is evaluated in every frame of every page, so loading it builds no schema:
// every schema it may need is built on first use (z.lazy), those it reads at start (stored matcher,
// page settings and their style) when it first reads, in a task after the evaluation (next-task.ts).
// Building the classic-zod schemas of its modules at start cost every frame about 6 ms of evaluation
// (npm run bench:ab, 30 alternating loads: 12.7 → 7.5 and 15.3 → 9.4 ms median); building those
// three there, 2.3–2.5 ms more (20 and 30 loads: 6.7 → 4.4 and 7.0 → 4.5 ms median; unpacking
// took 1.5 and 2.0 ms more). That the bundle holds no classic zod at all is checked on the build
// (test/e2e/content-bundle.test.ts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it, vi } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

/** The source files that built a schema or a check while the modules were imported, with how many. */
const builders = new Map<string, number>();

vi.mock('../../../src/core/zod', async (importOriginal) => {
  const { z } = await importOriginal<typeof import('../../../src/core/zod')>();
  // z.lazy() builds only a small wrapper around its getter, and z.config() builds nothing; every
  // other function of zod/mini builds a schema or a check.
  const free = new Set(['lazy', 'config']);
  const watched = new Proxy(z, {
    get(on, key, receiver) {
      const value = Reflect.get(on, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || free.has(key) || /^[A-Z$]/.test(key)) return value;
      return (...args: unknown[]) => {
        // The first frame of ours on the stack is the module that asked.
        const caller = (new Error().stack ?? '').split('\n').slice(2).find((line) => line.includes(SRC) && !line.includes('/core/zod.ts'));
        const file = caller?.match(/\((.*?):\d+:\d+\)$|at (.*?):\d+:\d+$/);
        const where = file ? relative(SRC, (file[1] ?? file[2])!) : `unknown: ${caller}`;
        builders.set(where, (builders.get(where) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { z: watched };
});
vi.mock('webextension-polyfill', () => ({ default: {} }));

it('loading the content script builds no schema, not even those it reads at start', async () => {
  const folder = join(SRC, 'content');
  // early.ts is a separate script. index.ts starts the script when imported; here, with no highlight
  // API (happy-dom has none), it stops at once, after everything it imports has been loaded.
  const modules = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'early.ts');
  expect(modules).toContain('index.ts');
  for (const file of modules) await import(join(folder, file));
  // Which module built what, should one build at start by mistake (a z.lazy() dropped).
  expect(Object.fromEntries([...builders].sort())).toEqual({});

  // The first reads build them, through the zod watched here (so the count above was taken, and
  // was not empty for want of a mock): the stored matcher's, the page settings' and their style's.
  const storage = await import(join(SRC, 'shared/storage.ts'));
  const serialize = await import(join(SRC, 'core/serialize.ts'));
  expect(storage.parsePageSettings(undefined)).toEqual(storage.DEFAULT_PAGE_SETTINGS);
  expect(() => serialize.deserializeTables({})).toThrow(/^stored matcher: format: /);
  expect([...builders.keys()].sort()).toEqual(['core/serialize.ts', 'shared/storage.ts', 'shared/store/settings.ts']);
});
