import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { browserForFile } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** What a file's flows run against; filled before its first test. */
export type App = { server: RunningServer; browser: Browser };

/**
 * The real server (a fresh temporary database) and Debian's Chromium (the run's shared one, see global-chromium.ts) for
 * one describe block: started before its first test (a file's own `beforeAll` registered after this runs after it) and
 * stopped after its last.
 */
export function serverAndBrowser(): App {
  const app = {} as Partial<App>;
  beforeAll(async () => {
    app.server = await startServer();
    app.browser = await browserForFile(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app as App;
}
