// Whether dist/ holds a build of the current sources: it was complete (scripts/build-cli.js writes dist/.build-stamp
// after tsc succeeded) and no source file changed after that build STARTED, so an edit is never run stale. Used by
// bin/jixiao.js and by the worker threads' bootstraps when the program runs from the sources (tests, tsx).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';

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

/** When the last complete build started, or 0. */
function buildStartedAt(root) {
  try {
    return existsSync(`${root}dist/cli/main.js`)
      ? Number(JSON.parse(readFileSync(`${root}dist/.build-stamp`, 'utf8')).startedAt) || 0
      : 0;
  } catch {
    return 0;
  }
}

/** `root` is the repository's directory, ending in a slash. */
export function isBuildFresh(root) {
  const started = buildStartedAt(root);
  return started > 0 && started >= newestSource(`${root}src`);
}
