import { defineConfig } from 'vitest/config';

/** The folders whose tests import modules without state of their own: pure domain code, readers and renderers. */
const SHARED_MODULE_TESTS = [
  'src/domain/**/*.test.ts',
  'src/ingest/**/*.test.ts',
  'src/report/**/*.test.ts',
  'scripts/**/*.test.ts',
  'bin/**/*.test.ts',
  'bench/**/*.test.ts',
  'examples/**/*.test.ts',
];

/**
 * Every test in one run, so the closing line ("N passed, N failed, N skipped") counts them all. The three projects
 * run at the same time:
 * - unit: the pure folders, in workers that keep their imported modules from one file to the next (`isolate: false`).
 *   Importing zod, the domain and the renderers again for every file was two thirds of these files' CPU time
 *   (139 s against 48 s for 71 files, measured at load 12);
 * - integration: use cases, store, server and CLI, also sharing modules between files: their module state (caches,
 *   the overview's rows, turnstiles) is kept per store in WeakMaps and each file opens its own store, so one file
 *   cannot see or close another's (checked with the files in shuffled orders). Their imports (fastify, kysely, the
 *   app) cost 26.6 s against 10.0 s shared for src/app and src/store alone at load 8;
 * - e2e: the web app in Debian's Chromium against the real server (temp SQLite).
 */
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    // Two test files at a time in all projects together (one group). Vitest's default on a 2-core machine is one
    // (cores − 1), and a project with one worker and isolation runs after all others: the suite then used one core
    // while most files wait on servers, browsers and child processes.
    maxWorkers: 2,
    projects: [
      {
        test: { name: 'unit', include: SHARED_MODULE_TESTS, testTimeout: 30_000, isolate: false },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts'],
          exclude: SHARED_MODULE_TESTS,
          testTimeout: 30_000,
          isolate: false,
        },
      },
      {
        // End-to-end: each file starts its own server (temp SQLite) and connects to the run's one Debian Chromium
        // (playwright-core), so two files run at a time: a flow waits on the server and the browser more than it
        // computes (the 16 files in 8.5 min against 18 min one at a time, at load 10–20).
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.ts'],
          // One Chromium for all files (each file its own server and browser contexts).
          globalSetup: ['web/e2e/global-chromium.ts'],
          // A browser flow took up to 115 s with four files at a time at load 9 (59 s with two at load 20): 400 s
          // keeps it clear of 3 x.
          testTimeout: 400_000,
          hookTimeout: 400_000,
          // expect.poll's default (1 s) is shorter than one save takes under load: wait as a user would, as long as
          // any other step of a flow (STEP_MS in web/e2e/browser.ts; a step took up to 20 s at load 12).
          expect: { poll: { timeout: 90_000, interval: 100 } },
          pool: 'forks',
          // The files share their worker processes: each file still starts its own server and its own browser
          // contexts, but playwright-core, vitest and the harness are loaded once per worker rather than once per
          // file (about 1 s of CPU a file: 17.9 against 11.5 s of the test processes' CPU for six files).
          isolate: false,
        },
      },
    ],
  },
});
