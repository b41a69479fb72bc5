// What every frame of every page loads: the built content script (npm run build first). It must stay
// small, because each frame parses and evaluates it before the first highlight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');

interface Manifest {
  content_scripts: { js: string[]; run_at?: string }[];
  web_accessible_resources?: { resources: string[] }[];
}

/** The files the main (document_end) content script runs, in one build. */
function contentFiles(target: 'chrome' | 'firefox'): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, target, 'manifest.json'), 'utf8')) as Manifest;
  const main = manifest.content_scripts.filter((script) => script.run_at === 'document_end').flatMap((script) => script.js);
  // Firefox: a loader that imports the script and its chunks, which crxjs lists as web-accessible
  // (nothing else of ours is).
  const chunks = target === 'firefox' ? (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources) : [];
  return [...main, ...chunks];
}

const code = (target: 'chrome' | 'firefox') => contentFiles(target).map((file) => readFileSync(join(DIST, target, file), 'utf8'));

// Classic zod's schema classes by the names zod gives them (zod/mini's are ZodMini…, the core's $Zod…).
const CLASSIC_ZOD = /[`'"]Zod(String|Object|Array|Number|Union)[`'"]/;

describe('the content script bundle', () => {
  it.each(['chrome', 'firefox'] as const)('%s: holds the core’s and zod/mini’s schemas, no classic zod and no UI library', (target) => {
    const files = code(target);
    expect(files.length).toBeGreaterThan(0);
    const all = files.join('\n');
    // What each frame builds its schemas with is in there…
    expect(all).toMatch(/[`'"]ZodMiniObject[`'"]/);
    expect(all).toMatch(/[`'"]\$ZodObject[`'"]/);
    // …and not classic zod's methods on every schema: two thirds of the bundle when it was in.
    expect(all).not.toMatch(CLASSIC_ZOD);
    expect(all).not.toMatch(/preact/i);
  });

  it('chrome: one self-contained file under 120 KB (it was 154 KB with classic zod)', () => {
    const files = contentFiles('chrome');
    expect(files).toEqual(['src/content/index.js']);
    expect(Buffer.byteLength(code('chrome')[0]!)).toBeLessThan(120 * 1024);
  });
});
