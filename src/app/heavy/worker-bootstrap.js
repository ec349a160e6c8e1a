// Starts a heavy-work worker thread when the program runs from the sources (tests, tsx): the compiled worker when
// dist/ is a build of these very sources (as bin/jixiao.js decides: about a third of the start-up), else the
// TypeScript through tsx.
import { fileURLToPath, URL } from 'node:url';
import { isBuildFresh } from '../../../bin/fresh-build.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
if (isBuildFresh(root)) {
  await import(`${root}dist/app/heavy/worker.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
