#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through `prepare`, or `npm run build:cli`) when no source file
// changed since that build started; otherwise the TypeScript itself through tsx, so an edit is never run stale.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = `${root}dist/cli/main.js`;
const stamp = `${root}dist/.build-stamp`;

/** The newest modification time of a source file (about 300 stats: a few milliseconds). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** When the last complete build started (written by scripts/build-cli.mjs after tsc succeeded), or 0. */
function buildStartedAt() {
  try {
    return existsSync(compiled) ? Number(JSON.parse(readFileSync(stamp, 'utf8')).startedAt) || 0 : 0;
  } catch {
    return 0;
  }
}

if (buildStartedAt() >= newestSource(`${root}src`)) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
