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
  // Deferring and configuring build nothing; every other function of `z` builds a schema or a check.
  const free = new Set(['lazy', 'config']);
  const z = new Proxy(real.z, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || free.has(key)) return value;
      return (...args: unknown[]) => {
        called.push(key);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { ...real, z };
});
vi.mock('webextension-polyfill', () => ({ default: {} }));

it('loading the content script’s modules builds no classic zod schema', async () => {
  const folder = join(import.meta.dirname, '../../../src/content');
  // index.ts starts the script and early.ts is a separate script; everything else is what they load.
  const modules = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'early.ts');
  expect(modules).toContain('rule-source.ts');
  for (const file of modules) await import(join(folder, file));
  expect(called).toEqual([]);
});
