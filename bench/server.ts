/**
 * npm run bench:server — a deadline day at the finance bureau, against the real `jixiao serve` over loopback.
 *
 * A generated SQLite database of 1,000 departments × 3 years (bench/generate-bureau.ts; cached in the temp folder
 * and copied, so each run starts from the same data) is served by `node bin/jixiao.js serve --no-seed` (its worker
 * pool, one worker per core). autocannon then drives it in phases: reading figures and findings, saving revisions
 * (each connection saves its own dataset, based on the revision it last wrote), downloading DOCX reports, the
 * bureau overview of a year, YAML import dry runs, and all of them mixed. A worker thread asks /api/health every
 * 50 ms throughout. Printed per phase: requests per second, latency p50 / p99, errors (socket errors, timeouts and
 * non-2xx answers), and health p50 / p99 / max; then the saves are counted in the database (every acknowledged
 * save stored with its content, none lost, none twice, revision numbers without gaps); the last line is a summary.
 *
 * Usage: npm run bench:server [-- --read 20 --save 20 --report 20 --overview 15 --upload 20 --mixed 30]
 *   phase durations in seconds (0 skips a phase); --connections 10; --departments 1000; --fresh regenerates the
 *   database; --keep keeps the working copy; --cold starts the phases before the overview cache is warm.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BENCH_ACCOUNTS, DEFAULT_BUREAU, GENERATOR_VERSION, generateBureau } from './generate-bureau.js';
import { SERVER_NODE_FLAGS } from '../bin/server-flags.js';

// ---- options ----------------------------------------------------------------------------------------------------

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`);
  return value;
}

const DURATIONS = {
  read: option('read', 20),
  save: option('save', 20),
  report: option('report', 20),
  overview: option('overview', 15),
  upload: option('upload', 20),
  mixed: option('mixed', 30),
};
const CONNECTIONS = option('connections', 10);
const DEPARTMENTS = option('departments', DEFAULT_BUREAU.departments);
const YEARS = DEFAULT_BUREAU.years;
const HEALTH_TARGET_MS = 100;
const repo = fileURLToPath(new URL('..', import.meta.url));

// ---- autocannon (no type declarations of its own) -----------------------------------------------------------------

type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type CannonRequest = Req & {
  setupRequest?: (request: Req, context: Record<string, unknown>) => Req;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
type Histogram = { average: number; p50: number; p99: number; max: number; total: number };
type CannonResult = {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
};
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers?: Record<string, string>;
  requests: CannonRequest[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

// ---- the database and the server ----------------------------------------------------------------------------------

async function bureauFile(): Promise<string> {
  const cached = join(tmpdir(), 'jixiao-bench', `bureau-${DEPARTMENTS}x${YEARS.length}-v${GENERATOR_VERSION}.sqlite`);
  if (process.argv.includes('--fresh')) rmSync(cached, { force: true });
  if (!existsSync(cached)) {
    const started = performance.now();
    const count = await generateBureau(cached, { departments: DEPARTMENTS, years: YEARS }, (n, total) => {
      if (n % 100 === 0) process.stderr.write(`  generating: ${n} / ${total} datasets\r`);
    });
    log(`generated ${count} datasets in ${((performance.now() - started) / 1000).toFixed(0)} s (${cached})`);
  } else log(`database: ${cached} (cached; --fresh regenerates it)`);
  return cached;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function serve(file: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server (NODE_OPTIONS refuses --cpu-prof).
  // As `npm start` and the systemd unit run it, then any extra options to try.
  const extra = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const nodeArgs = [...SERVER_NODE_FLAGS, ...extra];
  const child = spawn(
    process.execPath,
    [...nodeArgs, 'bin/jixiao.js', 'serve', '--no-seed', '--port', String(port), '--db', file],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  let output = '';
  // BENCH_SERVER_OUT=FILE keeps the server's output (its log, or --trace-gc's lines) for reading afterwards.
  const keep = process.env['BENCH_SERVER_OUT'];
  const record = (chunk: Buffer) => {
    output += chunk.toString();
    if (keep !== undefined) appendFileSync(keep, chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`jixiao serve did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(base: string, account: { name: string; password: string }): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`login ${account.name} → ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

// ---- health, measured from its own thread ---------------------------------------------------------------------------

const HEALTH_PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let running = true;
parentPort.on('message', () => { running = false; });
const once = () => new Promise((resolve) => {
  const started = performance.now();
  const req = http.get(workerData.url + '/api/health', { agent, timeout: 10000 }, (res) => {
    res.resume();
    res.on('end', () => resolve([Date.now(), performance.now() - started, res.statusCode]));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => resolve([Date.now(), performance.now() - started, 0]));
});
(async () => {
  while (running) {
    parentPort.postMessage(await once());
    await new Promise((r) => setTimeout(r, 50));
  }
  agent.destroy();
  parentPort.close();
})();
`;

type Probe = [at: number, ms: number, status: number];

function startHealthProbe(base: string): { samples: Probe[]; stop: () => Promise<void> } {
  const samples: Probe[] = [];
  const worker = new Worker(HEALTH_PROBE, { eval: true, workerData: { url: base } });
  worker.on('message', (sample: Probe) => samples.push(sample));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    samples,
    stop: async () => {
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      await worker.terminate();
    },
  };
}

// ---- the phases ---------------------------------------------------------------------------------------------------

type Ack = { datasetId: number; revisionNo: number; contact: string };
type Slot = { id: number; base: number; head: string; tail: string };

const acks: Ack[] = [];
const sent = new Set<string>();
let saveErrors = 0;
let saveConflicts = 0;
let serial = 0;

/**
 * Saves that never conflict: each dataset is in at most one request at a time (a connection takes a free one,
 * gives it back with its new revision when the answer comes). A slot whose answer never came is not given back.
 */
function saveRequests(headers: Record<string, string>, slots: Slot[]): CannonRequest {
  const free = [...slots];
  return {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      const slot = free.shift();
      if (slot === undefined) throw new Error('no free dataset to save: give the phase more datasets');
      const contact = `负载测试-${slot.id}-${++serial}`;
      sent.add(contact);
      context['slot'] = slot;
      context['contact'] = contact;
      return {
        ...request,
        path: `/api/datasets/${slot.id}`,
        body: `{"baseRevision":${slot.base},"document":${slot.head}${JSON.stringify(contact)}${slot.tail}}`,
      };
    },
    onResponse: (status, body, context) => {
      const slot = context['slot'] as Slot;
      const contact = context['contact'] as string;
      if (status === 200) {
        const written = (JSON.parse(body) as { writtenRevision: number }).writtenRevision;
        acks.push({ datasetId: slot.id, revisionNo: written, contact });
        slot.base = written;
      } else if (status === 409) saveConflicts += 1;
      else saveErrors += 1;
      free.push(slot);
    },
  };
}

/** A document with its contact cut out, so each save only fills in a new one. */
async function slotsFor(base: string, headers: Record<string, string>, ids: number[]): Promise<Slot[]> {
  const marker = '"@@contact@@"';
  return Promise.all(
    ids.map(async (id) => {
      const detail = (await (await fetch(`${base}/api/datasets/${id}`, { headers })).json()) as {
        latestRevision: { revisionNo: number };
        document: { department: Record<string, unknown> };
      };
      const document = { ...detail.document, department: { ...detail.document.department, contact: '@@contact@@' } };
      const [head = '', tail = ''] = JSON.stringify(document).split(marker);
      return { id, base: detail.latestRevision.revisionNo, head, tail };
    }),
  );
}

const datasetsTotal = DEPARTMENTS * YEARS.length;
const randomDataset = () => 1 + Math.floor(Math.random() * datasetsTotal);

function readRequests(headers: Record<string, string>): CannonRequest[] {
  return ['figures', 'findings'].map((what) => ({
    method: 'GET',
    headers,
    setupRequest: (request) => ({ ...request, path: `/api/datasets/${randomDataset()}/${what}` }),
  }));
}

const reportRequest = (headers: Record<string, string>): CannonRequest => ({
  method: 'GET',
  headers,
  setupRequest: (request) => ({ ...request, path: `/api/datasets/${randomDataset()}/report?format=docx` }),
});

const overviewRequest = (headers: Record<string, string>): CannonRequest => ({
  method: 'GET',
  headers,
  setupRequest: (request) => ({
    ...request,
    path: `/api/overview?year=${YEARS[Math.floor(Math.random() * YEARS.length)] ?? 2020}`,
  }),
});

const uploadRequest = (headers: Record<string, string>, yaml: string): CannonRequest => ({
  method: 'POST',
  path: '/api/import?dryRun=true&format=yaml',
  headers: { ...headers, 'content-type': 'application/yaml' },
  body: yaml,
});

type PhaseResult = {
  name: string;
  seconds: number;
  connections: number;
  result: CannonResult;
  health: { p50: number; p99: number; max: number; count: number; failed: number };
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function healthBetween(samples: Probe[], from: number, to: number): PhaseResult['health'] {
  const inside = samples.filter(([at]) => at >= from && at <= to);
  const ms = inside.map(([, t]) => t).sort((a, b) => a - b);
  return {
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1] ?? NaN,
    count: inside.length,
    failed: inside.filter(([, , status]) => status !== 200).length,
  };
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');

function phaseLine(p: PhaseResult): string {
  const r = p.result;
  const errors = r.errors + r.timeouts + r.non2xx;
  const codes = Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  return (
    `${p.name.padEnd(9)} ${String(p.connections).padStart(3)} conn  ${f1(r.requests.average).padStart(7)} req/s  ` +
    `p50 ${f0(r.latency.p50).padStart(5)} ms  p99 ${f0(r.latency.p99).padStart(6)} ms  errors ${errors}  ` +
    `health p50 ${f1(p.health.p50)} / p99 ${f1(p.health.p99)} / max ${f1(p.health.max)} ms (${p.health.count} probes` +
    `${p.health.failed > 0 ? `, ${p.health.failed} failed` : ''})  [${codes}]`
  );
}

// ---- the run --------------------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-server-'));
const file = join(work, 'bureau.sqlite');
let server: ChildProcess | undefined;
try {
  log(
    `bench:server — ${DEPARTMENTS} departments × ${YEARS.length} years, ${CONNECTIONS} connections, ` +
      `load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  copyFileSync(await bureauFile(), file);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const startedServer = performance.now();
  server = await serve(file, port);
  log(`jixiao serve started in ${((performance.now() - startedServer) / 1000).toFixed(1)} s on ${base}`);
  const editor = await signIn(base, BENCH_ACCOUNTS.editor);
  const reviewer = await signIn(base, BENCH_ACCOUNTS.reviewer);
  const yaml = readFileSync(join(repo, 'examples/yuhua-2020.yaml'), 'utf8');
  // Each save phase has datasets of its own (twice the connections, from the end of the id range).
  const ids = (from: number) => Array.from({ length: 2 * CONNECTIONS }, (_, i) => datasetsTotal - from - i);
  const saveSlots = await slotsFor(base, editor, ids(0));
  const mixedSlots = await slotsFor(base, editor, ids(2 * CONNECTIONS));
  // The worker pool starts with the server but its threads load their modules first (through tsx, tens of seconds
  // at load 15): one read, answered from the pool, says it is up, so the phases measure the server, not its start.
  const poolStarted = performance.now();
  await fetch(`${base}/api/datasets/1/figures`, { headers: reviewer });
  log(`worker pool answering after ${((performance.now() - poolStarted) / 1000).toFixed(1)} s more`);
  // A deadline day finds the server running: its overview rows warmed (3,000 evaluations in the pool, minutes at this
  // load). `--cold` starts the phases at once instead.
  if (!process.argv.includes('--cold')) {
    const warming = performance.now();
    for (;;) {
      const state = ((await (await fetch(`${base}/api/health`)).json()) as { overviewCache?: string }).overviewCache;
      if (state !== 'warming' || performance.now() - warming > 600_000) {
        log(`overview cache ${state ?? '?'} after ${((performance.now() - warming) / 1000).toFixed(0)} s more`);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const health = startHealthProbe(base);
  await new Promise((r) => setTimeout(r, 500));
  const phases: PhaseResult[] = [];
  const plan: [keyof typeof DURATIONS, number, () => CannonRequest[]][] = [
    ['read', CONNECTIONS, () => readRequests(reviewer)],
    ['save', CONNECTIONS, () => [saveRequests(editor, saveSlots)]],
    ['report', 4, () => [reportRequest(reviewer)]],
    ['overview', 4, () => [overviewRequest(reviewer)]],
    ['upload', 4, () => [uploadRequest(editor, yaml)]],
    [
      'mixed',
      CONNECTIONS,
      () => [
        ...readRequests(reviewer),
        saveRequests(editor, mixedSlots),
        ...readRequests(reviewer),
        overviewRequest(reviewer),
        uploadRequest(editor, yaml),
        ...readRequests(reviewer),
        reportRequest(reviewer),
      ],
    ],
  ];
  for (const [name, connections, requests] of plan) {
    const seconds = DURATIONS[name];
    if (seconds === 0) continue;
    const from = Date.now();
    const result = await autocannon({ url: base, connections, duration: seconds, timeout: 60, requests: requests() });
    const phase = { name, seconds, connections, result, health: healthBetween(health.samples, from, Date.now()) };
    phases.push(phase);
    log(phaseLine(phase));
  }
  await health.stop();
  const overall = healthBetween(health.samples, 0, Number.MAX_SAFE_INTEGER);

  // Count the saves in the database itself, the server stopped.
  const child = server;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  server = undefined;
  const db = new Database(file, { readonly: true });
  const touched = [...new Set([...saveSlots, ...mixedSlots].map((s) => s.id))];
  const rows = db
    .prepare(
      `select dataset_id as id, revision_no as no, json_extract(document, '$.department.contact') as contact
       from revisions where dataset_id in (${touched.join(',')}) order by dataset_id, revision_no`,
    )
    .all() as { id: number; no: number; contact: string | null }[];
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  const stored = new Map(rows.map((r) => [`${r.id}/${r.no}`, r.contact]));
  const lost = acks.filter((a) => stored.get(`${a.datasetId}/${a.revisionNo}`) !== a.contact);
  const byContact = new Map<string, number>();
  for (const r of rows)
    if (r.contact !== null && sent.has(r.contact)) byContact.set(r.contact, (byContact.get(r.contact) ?? 0) + 1);
  const duplicated = [...byContact.values()].filter((n) => n > 1).length;
  const unacknowledged = byContact.size - acks.length;
  const gaps = touched.filter((id) => {
    const own = rows.filter((r) => r.id === id).map((r) => r.no);
    return own.some((no, i) => no !== i + 1);
  }).length;
  log(
    `saves: ${acks.length} acknowledged, ${lost.length} lost, ${duplicated} stored twice, ${gaps} datasets with gaps, ` +
      `${unacknowledged} stored but unacknowledged (in flight when a phase ended), ${saveConflicts} conflicts (409), ` +
      `${saveErrors} other refusals; integrity_check ${String(integrity)}`,
  );
  const requests = phases.reduce((n, p) => n + p.result.requests.total, 0);
  const errors = phases.reduce((n, p) => n + p.result.errors + p.result.timeouts + p.result.non2xx, 0);
  const worstHealth = Math.max(...phases.map((p) => p.health.p99));
  const ok =
    errors === 0 &&
    lost.length === 0 &&
    duplicated === 0 &&
    gaps === 0 &&
    integrity === 'ok' &&
    worstHealth < HEALTH_TARGET_MS;
  log(
    `summary: ${requests} requests in ${phases.length} phases, ${errors} errors; health p99 ${f1(overall.p99)} ms ` +
      `overall, worst phase ${f1(worstHealth)} ms (target < ${HEALTH_TARGET_MS}); saves ${acks.length} acknowledged, ` +
      `${lost.length} lost, ${duplicated} duplicated — ${ok ? 'OK' : 'NOT OK'}`,
  );
  if (!ok) process.exitCode = 1;
} finally {
  server?.kill('SIGKILL');
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}
