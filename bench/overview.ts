/**
 * npm run bench:overview — the bureau overview (财政局总览, GET /api/overview) under load (issue 15, goal 3), against
 * the real `jixiao serve` over loopback, on SQLite and, when DATABASE_URL is set, on PostgreSQL too.
 *
 * The database is the generated bureau of bench/generate-bureau.ts (1,000 departments × 2019–2021, cached in the
 * temp folder and shared with bench:server; copied into a database of its own on PostgreSQL). Per dialect: start the
 * server and time the first overview of the newest year right after it listens (its cache being warmed in the
 * background), wait for the warm-up to finish (/api/health says `overviewCache: warm`) and time the first overview
 * after it; then autocannon with 10 connections on GET /api/health (the peer: the cheapest route, the ceiling of
 * this server on this machine), on the overview as a reviewer, and on the overview with If-None-Match (304s). Printed:
 * p50 / p99, requests per second, the 304 rate and the server's RSS (VmRSS and peak VmHWM of its process), with the
 * machine's load; the last line is the overview's throughput as a share of the peer's, and the goals.
 *
 * Usage: npm run bench:overview [-- --departments 1000 --duration 10 --connections 10 --fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/connect.js';
import { BENCH_ACCOUNTS, DEFAULT_BUREAU, GENERATOR_VERSION, generateBureau } from './generate-bureau.js';
import { isBuildFresh } from '../bin/fresh-build.js';
import { SERVER_NODE_FLAGS } from '../bin/server-flags.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

const DEPARTMENTS = option('departments', DEFAULT_BUREAU.departments);
const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 10);
const YEARS = DEFAULT_BUREAU.years;
const YEAR = Math.max(...YEARS);
const GOALS = { p99: 200, rps: 200, firstMs: 1000, rssMb: 300 };
const repo = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---- autocannon (no type declarations of its own) -----------------------------------------------------------------

type Histogram = { average: number; p50: number; p99: number; max: number; total: number };
type CannonResult = {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

// ---- databases --------------------------------------------------------------------------------------------------

async function bureauFile(): Promise<string> {
  const cached = join(tmpdir(), 'jixiao-bench', `bureau-${DEPARTMENTS}x${YEARS.length}-v${GENERATOR_VERSION}.sqlite`);
  if (process.argv.includes('--fresh')) rmSync(cached, { force: true });
  if (existsSync(cached)) return cached;
  const started = performance.now();
  const count = await generateBureau(cached, { departments: DEPARTMENTS, years: YEARS }, (n, total) => {
    if (n % 100 === 0) process.stderr.write(`  generating: ${n} / ${total} datasets\r`);
  });
  log(`generated ${count} datasets in ${((performance.now() - started) / 1000).toFixed(0)} s (${cached})`);
  return cached;
}

/** The SQLite bureau copied table by table into a fresh PostgreSQL database of its own; returns its URL. */
async function postgresBureau(url: string, sqliteFile: string): Promise<string> {
  const target = new URL(url);
  target.pathname = '/jixiao_bench_overview';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists jixiao_bench_overview with (force)');
  await admin.query('create database jixiao_bench_overview');
  await admin.end();
  await (await openStore({ dialect: 'postgres', url: target.toString() })).close(); // migrated, empty
  const source = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const tables = (
      source
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    await client.query('begin');
    await client.query('set local session_replication_role = replica'); // foreign keys: copied in any order
    // cascade: tables the bureau file predates (derived ones, such as revision_overviews) are emptied too.
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`);
    for (const table of tables) await copyTable(source, client, table);
    await client.query('commit');
  } finally {
    source.close();
    await client.end();
  }
  return target.toString();
}

async function copyTable(source: Database.Database, client: pg.Client, table: string): Promise<void> {
  const rows = source.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
  const columns = Object.keys(rows[0] ?? {});
  const batch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const values = chunk.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await client.query(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values.join(', ')}`,
      chunk.flatMap((row) => columns.map((c) => row[c])),
    );
  }
  if (columns.includes('id'))
    await client.query(
      `select setval(pg_get_serial_sequence('"${table}"', 'id'), (select coalesce(max(id), 0) + 1 from "${table}"), false)`,
    );
}

// ---- the server -------------------------------------------------------------------------------------------------

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

/** `jixiao serve` on the database; resolves once /api/health answers, with the ms from spawn to that answer. */
async function serve(database: { file: string } | { url: string }, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  // As `npm start` and the systemd unit run it.
  const args = [...SERVER_NODE_FLAGS, 'bin/jixiao.js', 'serve', '--no-seed', '--port', String(port)];
  if ('file' in database) args.push('--db', database.file);
  else env['DATABASE_URL'] = database.url;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, base, startMs: performance.now() - started };
    if (performance.now() - started > 180_000) throw new Error(`jixiao serve did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function signIn(base: string, account: { name: string; password: string }): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`login ${account.name} → ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ');
  return { cookie };
}

/** One overview of the newest year: ms, rows and tag. */
async function overviewOnce(base: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(`${base}/api/overview?year=${YEAR}`, { headers });
  const rows = (await response.json()) as unknown[];
  if (response.status !== 200 || rows.length !== DEPARTMENTS) throw new Error(`overview → ${response.status}`);
  return { ms: performance.now() - started, etag: response.headers.get('etag') ?? '' };
}

async function overviewCacheState(base: string): Promise<string> {
  return ((await (await fetch(`${base}/api/health`)).json()) as { overviewCache?: string }).overviewCache ?? '?';
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

// ---- one dialect ------------------------------------------------------------------------------------------------

type Run = {
  dialect: string;
  health: CannonResult;
  overview: CannonResult;
  cached: CannonResult;
  firstWarm: number;
  /** The first overview of a server restarted on the same database (the rows the first run stored are read). */
  firstAfterRestart: number;
  rss: number;
};

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const cannonLine = (name: string, r: CannonResult) =>
  `  ${name.padEnd(40)} ${f0(r.requests.average).padStart(6)} req/s  p50 ${f0(r.latency.p50).padStart(4)} ms  ` +
  `p99 ${f0(r.latency.p99).padStart(5)} ms  max ${f0(r.latency.max).padStart(5)} ms  errors ` +
  `${r.errors + r.timeouts}  [${Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ')}]`;

const running = new Set<ChildProcess>();

/**
 * One server on the database: the first overview right after it listens (rows not warmed yet), the warm-up's
 * length, the first overview once warmed (as the editor of every department: a scope no one asked for yet, so
 * the answer is built from the warmed rows as after a restart), then the three autocannon runs and the RSS.
 */
async function benchOne(dialect: string, database: { file: string } | { url: string }): Promise<Run> {
  const { child, base, startMs } = await serve(database, await freePort());
  const listening = performance.now();
  running.add(child);
  try {
    const mode = isBuildFresh(repo) ? 'dist' : 'TypeScript through tsx: dist is older than a source; npm run build:cli';
    log(
      `${dialect}: jixiao serve (${mode}) answered /api/health ${(startMs / 1000).toFixed(1)} s after spawn (load ${load()})`,
    );
    const reviewer = await signIn(base, BENCH_ACCOUNTS.reviewer);
    const editor = await signIn(base, BENCH_ACCOUNTS.editor);
    const stateAtFirst = await overviewCacheState(base);
    const cold = await overviewOnce(base, reviewer);
    log(`  first overview right after start (warm-up ${stateAtFirst}): ${f0(cold.ms)} ms`);
    while ((await overviewCacheState(base)) === 'warming') await new Promise((r) => setTimeout(r, 200));
    const warmedAt = (performance.now() - listening) / 1000;
    log(
      `  warm-up ${await overviewCacheState(base)} (${DEPARTMENTS * YEARS.length} datasets) ${warmedAt.toFixed(1)} s after listening`,
    );
    const firstWarm = await overviewOnce(base, editor);
    log(`  first overview of a new scope once warmed (as after a restart): ${f0(firstWarm.ms)} ms`);
    const cannon = (headers: Record<string, string>, path: string) =>
      autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: DURATION, timeout: 30, headers });
    const health = await cannon({}, '/api/health');
    log(cannonLine('peer: GET /api/health', health));
    // As a browser asks: gzip accepted (the body is then ~0.05 MB instead of ~0.7 MB).
    const browser = { ...reviewer, 'accept-encoding': 'gzip, deflate, br' };
    const overview = await cannon(browser, `/api/overview?year=${YEAR}`);
    log(cannonLine(`GET /api/overview?year=${YEAR} (${DEPARTMENTS} rows)`, overview));
    const cached = await cannon({ ...browser, 'if-none-match': cold.etag }, `/api/overview?year=${YEAR}`);
    log(cannonLine('the same with If-None-Match', cached));
    const notModified = cached.statusCodeStats['304']?.count ?? 0;
    const memory = memoryOf(child.pid ?? 0);
    log(
      `  304 rate ${((100 * notModified) / Math.max(1, cached.requests.total)).toFixed(1)} %; server RSS ` +
        `${f0(memory.rss)} MB (peak ${f0(memory.peak)} MB); load ${load()}`,
    );
    await stop(child);
    const firstAfterRestart = await firstOverviewAfterRestart(database);
    return { dialect, health, overview, cached, firstWarm: firstWarm.ms, firstAfterRestart, rss: memory.peak };
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(null)));
  running.delete(child);
}

/** A restart: a new server on the same database, and the first overview once it listens (warm-up just begun). */
async function firstOverviewAfterRestart(database: { file: string } | { url: string }): Promise<number> {
  const { child, base, startMs } = await serve(database, await freePort());
  running.add(child);
  try {
    const reviewer = await signIn(base, BENCH_ACCOUNTS.reviewer);
    const state = await overviewCacheState(base);
    const first = await overviewOnce(base, reviewer);
    log(
      `  restarted (listening ${(startMs / 1000).toFixed(1)} s after spawn): first overview ${f0(first.ms)} ms ` +
        `(warm-up ${state}); load ${load()}`,
    );
    return first.ms;
  } finally {
    await stop(child);
  }
}

function summaryOf(r: Run): string {
  const share = r.overview.requests.average / r.health.requests.average;
  const met =
    r.overview.latency.p99 < GOALS.p99 &&
    r.overview.requests.average >= GOALS.rps &&
    r.firstAfterRestart < GOALS.firstMs &&
    r.rss < GOALS.rssMb;
  return (
    `${r.dialect} overview ${f0(r.overview.requests.average)} req/s = ${share.toFixed(2)} × health ` +
    `(${f0(r.health.requests.average)} req/s), p99 ${f0(r.overview.latency.p99)} ms, ` +
    `304 ${f0(r.cached.requests.average)} req/s, first once warm ${f0(r.firstWarm)} ms, first after a restart ${f0(r.firstAfterRestart)} ms, peak RSS ${f0(r.rss)} MB — ` +
    `goals (p99 < ${GOALS.p99} ms, ≥ ${GOALS.rps} req/s, < ${GOALS.firstMs} ms, < ${GOALS.rssMb} MB) ${met ? 'met' : 'NOT met'}`
  );
}

// ---- the run ------------------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-overview-'));
try {
  log(
    `bench:overview — ${DEPARTMENTS} departments × ${YEARS.length} years, ${CONNECTIONS} connections, load ${load()}`,
  );
  const source = await bureauFile();
  const file = join(work, 'bureau.sqlite');
  copyFileSync(source, file);
  const runs = [await benchOne('SQLite', { file })];
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '')
    runs.push(await benchOne('PostgreSQL', { url: await postgresBureau(url, source) }));
  log(`summary (load ${load()}): ${runs.map(summaryOf).join('; ')}`);
} finally {
  for (const child of running) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
