#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through `prepare`, or `npm run build:cli`) when no source file
// changed since that build started; otherwise the TypeScript itself through tsx, so an edit is never run stale.
import { fileURLToPath, URL } from 'node:url';
import { isBuildFresh } from './fresh-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

if (isBuildFresh(root)) {
  await import(`${root}dist/cli/main.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
