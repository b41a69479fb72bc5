// Kept apart from vite.config.ts so tests never load the extension build plugin.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        // Code that says things through src/shared/i18n.ts finds a chrome.i18n that reads the locale files.
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], setupFiles: ['test/unit/support/browser-i18n.ts'] },
      },
      {
        extends: true,
        // Real browsers against the built extension (npm run build first). One file at a time: two cores.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // What a browser does after a click (store, publish, every tab reads again) takes its time on
          // a busy machine: vitest's 1 s default for expect.poll failed a Firefox test once under load.
          // The expected values are exact either way; only how long they may take to arrive is longer.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
