/**
 * npm run bench:fuzz — the hostile-input properties of src/server/fuzz.test.ts at volume: at least 10,000 cases
 * per surface (JSON bodies, dataset documents, path ids and queries, headers, YAML/JSON uploads, workbook uploads,
 * file names) against a real server on 127.0.0.1 over a fresh store. Prints per surface the cases, 4xx, 2xx, 5xx
 * (must be 0) and anything else (no answer, a dropped connection, a status outside 2xx/4xx, a refused request that
 * changed stored data), then a summary line; exits 1 when any case failed.
 *
 * Usage: npm run bench:fuzz [-- --runs 10000] [--surface json-bodies,headers] [--seed 42] [--jobs 2] [--postgres]
 *   --jobs N runs the surfaces in N processes (each its own server and store; default 2, one per core)
 *   --postgres uses DATABASE_URL instead of a temporary SQLite file
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { SURFACES } from '../src/server/fuzz-surfaces.js';
import { newTally, runCase, setUpWorld, tallyLine, type Tally } from '../src/server/fuzz-world.js';
import { startServer } from '../src/server/testing.js';
import { testStores } from '../src/store/testing.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const runs = Number(option('runs') ?? '10000');
const seed = Number(option('seed') ?? String(Date.now() % 2_147_483_647));
const jobs = Math.max(1, Number(option('jobs') ?? '2'));
const postgres = process.argv.includes('--postgres');
const child = process.argv.includes('--child');
const chosen = (option('surface') ?? SURFACES.map((s) => s.name).join(',')).split(',');
const unknown = chosen.filter((name) => !SURFACES.some((s) => s.name === name));
if (unknown.length > 0) throw new Error(`unknown surface: ${unknown.join(', ')}`);

const READY = 'fuzz-job-ready';

/** Runs the chosen surfaces in this process; prints one JSON tally per surface when a child. */
async function runHere(names: string[]): Promise<Tally[]> {
  const factory = testStores().find((f) => f.dialect === (postgres ? 'postgres' : 'sqlite'));
  if (factory === undefined) throw new Error('--postgres needs DATABASE_URL');
  const store = await factory.open();
  const server = await startServer(store);
  const tallies: Tally[] = [];
  try {
    const world = await setUpWorld(server);
    if (child) process.stdout.write(`${READY}\n`);
    for (const surface of SURFACES.filter((s) => names.includes(s.name))) {
      const tally = newTally(surface.name);
      const started = performance.now();
      const cases = await surface.cases(world);
      let shown = 0;
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const problems = await runCase(world, surface.name, c, { timeoutMs: 60_000, tally });
          if (problems.length > 0 && shown++ < 5) process.stderr.write(`${surface.name}: ${problems.join('\n')}\n`);
          if (!child && tally.cases % 1000 === 0)
            process.stderr.write(`  ${surface.name}: ${tally.cases} / ${runs} cases\r`);
        }),
        { numRuns: runs, seed },
      );
      tally.ms = performance.now() - started;
      tallies.push(tally);
      process.stdout.write(child ? `${JSON.stringify(tally)}\n` : `${tallyLine(tally)}\n`);
    }
  } finally {
    await server.close();
    await store.close();
  }
  return tallies;
}

/** Splits the surfaces over `jobs` child processes (each its own server and store). */
async function runInChildren(names: string[]): Promise<Tally[]> {
  const groups: string[][] = Array.from({ length: Math.min(jobs, names.length) }, () => []);
  names.forEach((name, i) => groups[i % groups.length]?.push(name));
  const script = fileURLToPath(import.meta.url);
  const results: Promise<Tally[]>[] = [];
  for (const group of groups) {
    // Each job starts once the previous one has its store migrated (two migrations at once trip up PostgreSQL).
    let ready: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (ready = resolve));
    results.push(
      new Promise<Tally[]>((resolve, reject) => {
        const args = ['--import', 'tsx', script, '--child', '--runs', String(runs), '--seed', String(seed)];
        args.push('--surface', group.join(','), ...(postgres ? ['--postgres'] : []));
        const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
        // Tallies are JSON lines starting with {"surface": the server's own log lines go to stderr.
        const tallies: Tally[] = [];
        let pending = '';
        proc.stdout.on('data', (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            if (line === READY) ready();
            else if (line.startsWith('{"surface"')) {
              const tally = JSON.parse(line) as Tally;
              tallies.push(tally);
              process.stdout.write(`${tallyLine(tally)}\n`);
            } else if (line !== '') process.stderr.write(`${line}\n`);
          }
        });
        proc.on('error', reject);
        proc.on('exit', (code) => {
          ready();
          if (code === 0) resolve(tallies);
          else reject(new Error(`fuzz job ${group.join(',')} exited ${code}`));
        });
      }),
    );
    await started;
  }
  return (await Promise.all(results)).flat();
}

if (child) {
  // The parent reads the tallies: when it is gone, so is the point of going on.
  process.stdout.on('error', () => process.exit(1));
  await runHere(chosen);
} else {
  const started = performance.now();
  process.stdout.write(
    `bench:fuzz — ${runs} cases per surface, seed ${seed}, ${postgres ? 'PostgreSQL' : 'SQLite'}, ${jobs} job(s)\n`,
  );
  const tallies = jobs > 1 ? await runInChildren(chosen) : await runHere(chosen);
  const sum = (pick: (t: Tally) => number) => tallies.reduce((total, t) => total + pick(t), 0);
  const failed = tallies.filter((t) => t.failed > 0);
  for (const t of failed) process.stdout.write(`${t.surface} problems:\n  ${t.problems.join('\n  ')}\n`);
  const known = tallies
    .flatMap((t) => Object.entries(t.known))
    .reduce<Record<string, number>>((all, [id, n]) => {
      all[id] = (all[id] ?? 0) + n;
      return all;
    }, {});
  const knownText = Object.entries(known).map(([id, n]) => `${id} ×${n}`);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  process.stdout.write(
    `summary: ${tallies.length} surfaces, ${sum((t) => t.cases)} cases, ${sum((t) => t.requests)} requests — ` +
      `4xx ${sum((t) => t.s4xx)}, 2xx ${sum((t) => t.s2xx)}, 5xx ${sum((t) => t.s5xx)}, other ${sum((t) => t.other)}, ` +
      `failed cases ${sum((t) => t.failed)}${knownText.length === 0 ? '' : `, known defects ${knownText.join(', ')}`} ` +
      `(seed ${seed}, ${minutes} min)\n`,
  );
  if (failed.length > 0 || sum((t) => t.s5xx + t.other) > 0) process.exitCode = 1;
}
