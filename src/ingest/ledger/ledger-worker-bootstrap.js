// Starts a ledger part worker when the program runs from the sources: the compiled worker when dist/ is a build of
// these very sources (see src/app/heavy/worker-bootstrap.js), else the TypeScript through tsx.
import { fileURLToPath, URL } from 'node:url';
import { isBuildFresh } from '../../../bin/fresh-build.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
if (isBuildFresh(root)) {
  await import(`${root}dist/ingest/ledger/ledger-worker.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./ledger-worker.ts');
}
