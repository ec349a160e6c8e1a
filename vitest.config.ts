import { defineConfig } from 'vitest/config';

/**
 * Every test in one run, so the closing line ("N passed, N failed, N skipped") counts them all:
 * unit and integration tests next to the code, and the web app's end-to-end tests in Debian's Chromium.
 */
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'examples/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end: the real server (temp SQLite) and Debian's Chromium through playwright-core, one file at a time.
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.ts'],
          // A browser flow takes up to ~50 s on a 2-core machine under heavy load: 180 s keeps it clear of 3 x.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // expect.poll's default (1 s) is shorter than one save takes under load: wait as a user would.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
