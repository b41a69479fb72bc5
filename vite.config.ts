// One source, two Manifest V3 builds: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { STYLESHEETS } from './src/content/highlight-style.ts';
import { harden } from './src/dev/harden.ts';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'wortlupe@wortlupe.org';

/** Every difference between the Chrome and the Firefox build lives here, and nowhere else. */
export function manifestFor(target: Target): ManifestV3Export {
  const manifest: Record<string, unknown> = { ...structuredClone(baseManifest), version: pkg.version };
  // Chromium inherits highlight styles from the root; Firefox needs them on every element.
  manifest.content_scripts = baseManifest.content_scripts.map((script) => ('css' in script ? { ...script, css: [STYLESHEETS[target].path] } : script));
  if (target === 'firefox') {
    // Firefox runs MV3 backgrounds as event pages (scripts), not service workers.
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      harden(),
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // Chrome: self-contained content scripts, no loader round trip before the first scan.
        // Firefox: the main script through the usual loader and chunks, because only the main build
        // runs harden(), and Mozilla's validator must find no eval in what we ship (crxjs builds
        // standalone scripts without the project's plugins). The early read imports no library.
        contentScripts: { standaloneFiles: target === 'chrome' ? ['src/content/early.ts', 'src/content/index.ts'] : ['src/content/early.ts'] },
      }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: process.env.WORTLUPE_NO_MINIFY ? false : undefined,
    },
  };
});
