// @vitest-environment happy-dom
// The content script is evaluated in every frame of every page, so loading it builds no classic zod
// schema: those it may need later are built on first use (z.lazy), and the three it reads at start
// (stored matcher, page settings, style) are written with zod/mini, which builds a schema with a
// fraction of classic's work. Building classic schemas at start cost every frame about 6 ms of
// evaluation (npm run bench:ab, 30 alternating loads: 12.7 → 7.5 and 15.3 → 9.4 ms median).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

/** Classic zod functions called while the modules were imported. */
const called: string[] = [];

vi.mock('zod', async (importOriginal) => {
  const real = await importOriginal<typeof import('zod')>();
  // z.lazy() builds only a small wrapper around its getter, and z.config() builds nothing; every
  // other function of classic zod builds a schema or a check. Watched however it is imported: `{ z }`, the default export,
  // `* as z`, or a function by name.
  const free = new Set(['lazy', 'config']);
  const watch = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(on, key, receiver) {
        const value = Reflect.get(on, key, receiver);
        if (typeof value !== 'function' || typeof key !== 'string' || free.has(key) || /^[A-Z$]/.test(key)) return value;
        return (...args: unknown[]) => {
          called.push(key);
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
  const named = Object.fromEntries(Object.entries(real).map(([key, value]) => [key, watch({ [key]: value })[key as never]]));
  return { ...named, z: watch(real.z), default: watch(real.default) };
});
vi.mock('webextension-polyfill', () => ({ default: {} }));

it('loading the content script builds no classic zod schema', async () => {
  const folder = join(import.meta.dirname, '../../../src/content');
  // early.ts is a separate script. index.ts starts the script when imported; here, with no highlight
  // API (happy-dom has none), it stops at once, after everything it imports has been loaded.
  const modules = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'early.ts');
  expect(modules).toContain('index.ts');
  for (const file of modules) await import(join(folder, file));
  expect(called).toEqual([]);
});
