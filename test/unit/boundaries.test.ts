// Context boundaries: each part of the extension imports only what its context may run.
// (The core's freedom from DOM and browser APIs is also checked by `tsc -p src/core`, which has no DOM types.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

const RULES: Record<string, { forbidden: RegExp; why: string }> = {
  core: { forbidden: /^(?!\.\/|zod\/mini$).*/, why: 'the core imports only itself and zod/mini' },
  dom: { forbidden: /^(?!\.\/|\.\.\/core$).*/, why: 'the DOM adapter imports only itself and the core' },
  content: { forbidden: /preact|\/(popup|options|background|dev|cli)\//, why: 'the content script stays small: no UI library, no other context' },
  background: { forbidden: /preact|\/(popup|options|content|dev|cli)\//, why: 'the background imports no UI and no other context' },
  popup: { forbidden: /\/(options|content|background|dev|cli)\//, why: 'the popup talks to other contexts only through messages and storage' },
  options: { forbidden: /\/(popup|content|background|dev|cli)\//, why: 'the options page talks to other contexts only through messages and storage' },
  shared: { forbidden: /\/(popup|options|content|background|dev|cli)\//, why: 'shared code belongs to no context' },
  cli: {
    forbidden: /webextension-polyfill|preact|\/(popup|options|content|background)\/|\/shared\/(?!(describe|translator)$)/,
    why: 'the command line runs the core and the DOM adapter in Node (of shared code, only the browser-free describe and translator)',
  },
};

describe.each(Object.entries(RULES))('src/%s', (context, { forbidden, why }) => {
  it(why, () => {
    const offending = files(join(SRC, context)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('the document_start script (src/content/early.ts)', () => {
  it('imports nothing but the early read, the storage keys, the frame test and the check for text: it runs in every frame before the page is parsed', () => {
    const files = ['content/early.ts', 'content/early-read.ts', 'shared/storage-keys.ts', 'content/top-frame.ts', 'dom/readable-text.ts', 'dom/skipped.ts'];
    expect(files.map((file) => [file, importsOf(join(SRC, file))])).toEqual([
      ['content/early.ts', ['./early-read']],
      ['content/early-read.ts', ['../dom/readable-text', '../shared/storage-keys', './top-frame']],
      ['shared/storage-keys.ts', []],
      ['content/top-frame.ts', []],
      ['dom/readable-text.ts', ['./skipped']],
      ['dom/skipped.ts', []],
    ]);
  });
});

describe('zod', () => {
  it('is imported by src/core/zod.ts alone, as zod/mini: every schema gets its setup (no eval, English messages), and no bundle carries classic zod', () => {
    const importers = files(SRC).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^zod(\/|$)/.test(spec))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(importers).toEqual(['core/zod.ts imports zod/mini']);
  });
});
