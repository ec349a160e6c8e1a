/**
 * npm run bench:overview — the bureau overview (财政局总览) for N departments (default 200), each with the seed
 * dataset (examples/yuhua-2020.yaml) with a few amounts varied, in a temporary SQLite database behind a real
 * server on 127.0.0.1. Timed: GET /api/overview?year=2020 cold (first request after start), with a cold cache
 * but warm code (a second server on the same file), and warm (every row cached). Peer, measured in the same
 * run: the old web page's approach — list the datasets, fetch each document with GET /api/datasets/:id (four at
 * a time, as the page did) and run parseDataset + selfEvaluate per dataset in-process. Usage: npm run
 * bench:overview [-- N]
 */
import { createUser } from '../src/app/users.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatasetFrom } from '../src/app/datasets.js';
import type { AppContext } from '../src/app/context.js';
import { parseDataset } from '../src/domain/dataset/parse.js';
import type { Dataset } from '../src/domain/dataset/schema.js';
import type { Fen } from '../src/domain/money/index.js';
import { packForDataset } from '../src/domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../src/domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { buildServer } from '../src/server/build-server.js';
import { openStore } from '../src/store/connect.js';

const departments = Number(process.argv[2] ?? '200');
const WARM_RUNS = 5;
const PEER_RUNS = 3;
const file = fileURLToPath(new URL('../examples/yuhua-2020.yaml', import.meta.url));
const read = await readDatasetFile(file);
if (!read.ok) throw new Error(`cannot read ${file}`);
const seed = read.dataset;

/** The seed with department i's own amounts: project actuals and the basic expenditure moved by a few 元. */
function variant(i: number): Dataset {
  const shift = (fen: Fen, by: number) => (fen + BigInt(by * 100)) as Fen;
  return {
    ...seed,
    projects: seed.projects.map((p, k) => (k === 0 ? { ...p, actual: shift(p.actual, i) } : p)),
    basicExpenditure: { ...seed.basicExpenditure, actual: shift(seed.basicExpenditure.actual, -(i % 50)) },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** The bench reads as a bureau reviewer (every route but the public ones needs a session). */
let session: Record<string, string> = {};

async function signInReviewer(ctx: AppContext, base: string): Promise<void> {
  const created = await createUser(
    ctx,
    {
      name: 'bench-reviewer',
      displayName: '基准测试审核人',
      role: 'reviewer',
      departmentIds: [],
      password: 'bench-password',
    },
    { kind: 'system', label: 'bench' },
  );
  if (!created.ok) throw new Error(created.error.message);
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench-reviewer', password: 'bench-password' }),
  });
  session = { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: session });
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return (await response.json()) as T;
}

/** The old bureau page: every document over HTTP, four at a time, then the domain core per dataset. */
async function oldApproach(base: string): Promise<number> {
  const list = await getJson<{ id: number }[]>(`${base}/api/datasets?year=2020`);
  let next = 0;
  let computed = 0;
  const worker = async () => {
    while (next < list.length) {
      const { id } = list[next++] as { id: number };
      const detail = await getJson<{ document: unknown }>(`${base}/api/datasets/${id}`);
      const parsed = parseDataset(detail.document);
      const pack = parsed.ok ? packForDataset(parsed.dataset.rulePack) : null;
      if (parsed.ok && pack !== null && selfEvaluate(parsed.dataset, pack).score.total >= 0n) computed += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return computed;
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-overview-'));
const dbFile = join(dir, 'bench.sqlite');
try {
  const ctx: AppContext = { store: await openStore({ dialect: 'sqlite', file: dbFile }), now: () => new Date() };
  for (let i = 0; i < departments; i++) {
    const code = `B${String(i).padStart(4, '0')}`;
    const owner = { newDepartment: { code, name: `基准测试局${code}`, parentId: null } };
    const created = await createDatasetFrom(ctx, owner, variant(i), { kind: 'system', label: 'bench' });
    if (!created.ok) throw new Error(created.error.message);
  }
  const app = await buildServer(ctx, { webDir: 'no-web-dist-in-bench' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  await signInReviewer(ctx, base);
  const overview = async (at: string) => {
    const rows = await getJson<{ status: string }[]>(`${at}/api/overview?year=2020`);
    if (rows.length !== departments || rows.some((r) => r.status === 'error')) throw new Error('overview incomplete');
  };
  const cold = await timed(() => overview(base));
  const warmTimes: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warmTimes.push(await timed(() => overview(base)));
  const warm = median(warmTimes);
  const peerTimes: number[] = [];
  for (let i = 0; i < PEER_RUNS; i++) peerTimes.push(await timed(() => oldApproach(base)));
  const peer = median(peerTimes);
  // A second server on the same file has its own (empty) cache: cold cache, but code already warm.
  const second = { ...ctx, store: await openStore({ dialect: 'sqlite', file: dbFile }) };
  const app2 = await buildServer(second, { webDir: 'no-web-dist-in-bench' });
  const base2 = await app2.listen({ host: '127.0.0.1', port: 0 });
  const coldCache = await timed(() => overview(base2));
  await app2.close();
  await second.store.close();
  await app.close();
  await ctx.store.close();

  console.log(`总览基准 / overview benchmark: ${departments} departments × seed dataset (2020), SQLite, loopback HTTP`);
  console.log(
    `peer = old page: list + ${departments} × GET /api/datasets/:id (4 at a time) + parseDataset + selfEvaluate`,
  );
  console.log(`${''.padEnd(50)}      ms     peer ÷ this`);
  const line = (name: string, ms: number) =>
    console.log(`${name.padEnd(50)}${ms.toFixed(1).padStart(8)}  ${(peer / ms).toFixed(1).padStart(8)}×`);
  line('peer (old approach, median of 3)', peer);
  line('/api/overview first request (rows cached on save)', cold);
  line('/api/overview after a restart (empty cache)', coldCache);
  line(`/api/overview warm (median of ${WARM_RUNS})`, warm);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
