import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { SURFACES } from './fuzz-surfaces.js';
import { newTally, runCase, setUpWorld, tallyLine, type FuzzWorld, type Tally } from './fuzz-world.js';
import { startServer, type TestServer } from './testing.js';

/**
 * 恶意输入: property-based tests over every input surface of the API (bodies, documents, path ids and queries,
 * headers, YAML/JSON and workbook uploads, file names), as anonymous, editor, reviewer and administrator. Every
 * request gets a 2xx, or a 4xx with `{error, message}` — never a 5xx, a hang or a dropped connection — and a
 * refused request changes no stored data. A few hundred cases per surface here; `npm run bench:fuzz` runs ten
 * thousand. JIXIAO_FUZZ_SEED=n replays another seed (the default is fixed, so a run is reproducible).
 */
const RUNS: Readonly<Record<string, number>> = {
  'json-bodies': 400,
  documents: 250,
  'paths-queries': 500,
  headers: 400,
  'import-text': 250,
  'import-xlsx': 200,
  'file-names': 200,
};
/** Per surface; each normally ends within a fifth of it. Property runs stop at a third of it (the count is printed). */
const TIMEOUT_MS = 300_000;
const SEED = Number(process.env['JIXIAO_FUZZ_SEED'] ?? '20240614');

describe.each(testStores())('hostile input on $dialect', ({ dialect, open }) => {
  let store: Store;
  let server: TestServer;
  let world: FuzzWorld;
  const tallies: Tally[] = [];

  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    world = await setUpWorld(server);
  }, 120_000);
  afterAll(async () => {
    console.log(`hostile input on ${dialect} (seed ${SEED}):\n${tallies.map(tallyLine).join('\n')}`);
    await server.close();
    await store.close();
  });

  for (const surface of SURFACES) {
    it(
      `${surface.name}: answers 2xx or 4xx with {error, message}, never 5xx, and a refusal changes nothing`,
      { timeout: TIMEOUT_MS },
      async () => {
        const tally = newTally(surface.name);
        tallies.push(tally);
        const started = performance.now();
        const cases = await surface.cases(world);
        await fc.assert(
          fc.asyncProperty(cases, async (c) => {
            const problems = await runCase(world, surface.name, c, { timeoutMs: 20_000, tally });
            if (problems.length > 0) throw new Error(problems.join('\n'));
          }),
          { numRuns: RUNS[surface.name] ?? 200, seed: SEED, interruptAfterTimeLimit: TIMEOUT_MS / 3 },
        );
        tally.ms = performance.now() - started;
      },
    );
  }
});
