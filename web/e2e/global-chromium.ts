import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_OPTIONS, hasChromium } from './browser.js';

declare module 'vitest' {
  // An interface, not a type: this adds a key to vitest's own ProvidedContext (declaration merging).
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** Where the e2e run's shared Chromium listens (a WebSocket address), or '' when there is none. */
    chromiumEndpoint: string;
  }
}

/**
 * One Chromium for the whole e2e run, which each file connects to (web/e2e/harness.ts), instead of one launch per
 * file: a launch took 2–4 s of a busy 2-core machine, sixteen times per `npm test`. Files keep their own contexts.
 */
export default async function startSharedChromium(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) {
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  const server = await chromium.launchServer(CHROMIUM_OPTIONS);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
