import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The code an overview row comes from: the domain (parsing, figures, checks, scoring, the built-in packs) and the
 * row's own shape (`overview-evaluate`). A stored row is reused only under the same fingerprint, so an upgrade that
 * changes how anything is computed recomputes every row instead of showing figures of the old code.
 */
const SOURCES = [new URL('../domain/', import.meta.url), new URL('./overview-evaluate.js', import.meta.url)];

/**
 * `src/` or `dist/`: files are named relative to it, so two clones of one commit usually agree (a `dist/` holding
 * outputs of deleted sources, or other line endings, only costs computing the rows again).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function filesUnder(path: string): string[] {
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    const full = join(path, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    // Tests and maps do not compute anything.
    return /\.test\.|\.map$/.test(entry.name) ? [] : [full];
  });
}

/** `overview-evaluate.js` is `.ts` when running from the sources (tsx, vitest). */
function sourceFile(url: URL): string[] {
  const path = fileURLToPath(url);
  for (const candidate of [path, path.replace(/\.js$/, '.ts')]) {
    try {
      readFileSync(candidate);
      return [candidate];
    } catch {
      // try the next spelling
    }
  }
  throw new Error(`${path} not found`);
}

function fingerprint(): string | null {
  try {
    const hash = createHash('sha256');
    const files = SOURCES.flatMap((url) =>
      url.pathname.endsWith('/') ? filesUnder(fileURLToPath(url)) : sourceFile(url),
    );
    for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    // The stored documents are parsed by zod: another version could read them otherwise.
    hash.update(`zod@${(require('zod/package.json') as { version: string }).version}`);
    return `sha256:${hash.digest('base64url').slice(0, 22)}`;
  } catch {
    // Bundled without its sources beside it: nothing to name the code by, so rows are not stored.
    return null;
  }
}

let computed: string | null | undefined;

/** The fingerprint of the overview's code (computed once per process, ~10 ms); null when it cannot be known. */
export function overviewEvaluator(): string | null {
  if (computed === undefined) computed = fingerprint();
  return computed;
}
