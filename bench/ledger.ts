/**
 * npm run bench:ledger — issue 11: Jixiao's ledger import-and-aggregate against DuckDB on the same synthetic files
 * (1,000 departments, 10 projects each, 30 economic codes; deterministic). Sizes: `-- --rows 1000000,10000000`
 * (default 1,000,000 and 10,000,000; bare numbers as before also work); `--repeat N` runs each side N times,
 * alternating, and compares medians; `--threads N` sets Jixiao's reader threads (default: its own choice).
 * Both timed sides are bundled with esbuild first (bench/ledger-jixiao.ts, bench/ledger-duckdb.ts), as
 * `npm run build:cli` does for the CLI, and each run is a fresh process: its wall time includes start-up.
 * - jixiao: readBudgets + readLedger (validation, dedup, reconciliation, sums by department–project–code–month and
 *   by day), reported; then, untimed for the ratio, the whole `importLedger` into a temporary SQLite file;
 * - duckdb: read_csv with the columns typed (金额 DECIMAL(18,2)) and one GROUP BY department, project, code, month.
 * It checks both give the same total and number of groups, prints rows/s and peak RSS (maxRSS of the process, all
 * threads), with os.loadavg(). The last line is the ratio Jixiao ÷ DuckDB (wall time of the process including
 * start-up) at the largest size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `ms`: the phase in process; `wallMs`: from the process's start (node, tsx, imports) to the end of the phase. */
type Measure = {
  ms: number;
  wallMs: number;
  rssMb: number;
  total: string;
  groups: number;
  rows: number;
  budgetsMs?: number;
  startMs?: number;
};

const self = fileURLToPath(import.meta.url);
const here = dirname(self);

/** Bundles the two timed sides (and the ledger's worker thread, next to them) into `dir`. */
async function bundle(dir: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      'ledger-jixiao': join(here, 'ledger-jixiao.ts'),
      'ledger-duckdb': join(here, 'ledger-duckdb.ts'),
      'ledger-worker': join(here, '../src/ingest/ledger/ledger-worker.ts'),
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** The untimed part: the whole import into a temporary SQLite file (one transaction), through tsx. */
async function runStore(ledger: string, budgets: string): Promise<{ storeMs: number; storeRssMb: number }> {
  const started = performance.now();
  const { openStore } = await import('../src/store/connect.js');
  const { importLedger } = await import('../src/app/ledger-import.js');
  const { CLI_ACTOR } = await import('../src/app/actor.js');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-ledger-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'bench.sqlite') });
  const imported = await importLedger({ store, now: () => new Date() }, CLI_ACTOR, {
    ledgerPath: ledger,
    budgetsPath: budgets,
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (!imported.ok) throw new Error(imported.error.message);
  return { storeMs: performance.now() - started, storeRssMb: process.resourceUsage().maxRSS / 1024 };
}

function child<T>(args: string[]): T {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const positional = process.argv.slice(2).filter((arg, i, all) => /^\d+$/.test(arg) && !all[i - 1]?.startsWith('--'));
  const sizes = (option('rows')?.split(',') ?? (positional.length > 0 ? positional : ['1000000', '10000000'])).map(
    Number,
  );
  const repeat = Number(option('repeat') ?? 1);
  const threads = option('threads');
  const withStore = !process.argv.includes('--no-store');
  const { writeSyntheticBudgets, writeSyntheticLedger } = await import('../src/ingest/ledger/generate-ledger.js');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-ledger-'));
  // Inside the repository, so the bundles find node_modules (DuckDB's native package).
  const code = join(here, '../node_modules/.cache/bench-ledger');
  await bundle(code);
  const budgets = join(dir, 'budgets.csv');
  writeSyntheticBudgets(budgets, { rows: 0 });
  let ratio = 0;
  let inProcess = 0;
  try {
    for (const rows of sizes) {
      const ledger = join(dir, `ledger-${rows}.csv`);
      const generated = writeSyntheticLedger(ledger, { rows });
      const ourRuns: Measure[] = [];
      const peerRuns: Measure[] = [];
      // Alternating, so both sides meet the same load on this shared machine.
      for (let run = 0; run < repeat; run++) {
        ourRuns.push(
          child<Measure>([
            join(code, 'ledger-jixiao.mjs'),
            ledger,
            budgets,
            ...(threads === undefined ? [] : [threads]),
          ]),
        );
        peerRuns.push(child<Measure>([join(code, 'ledger-duckdb.mjs'), ledger]));
      }
      for (const [ours, peer] of ourRuns.map((m, i) => [m, peerRuns[i]!] as const)) {
        if (ours.total !== peer.total || ours.groups !== peer.groups || ours.rows !== rows) {
          throw new Error(
            `results differ: jixiao ${ours.total} / ${ours.groups} groups, duckdb ${peer.total} / ${peer.groups}`,
          );
        }
      }
      const pick = (runs: Measure[]): Measure => {
        const wall = median(runs.map((m) => m.wallMs));
        return { ...runs.find((m) => m.wallMs === wall)!, rssMb: Math.max(...runs.map((m) => m.rssMb)) };
      };
      const ours = pick(ourRuns);
      const peer = pick(peerRuns);
      const rate = (m: { ms: number }) => Math.round(rows / (m.ms / 1000)).toLocaleString('en');
      const runsOf = (runs: Measure[]) =>
        repeat > 1 ? ` (runs: ${runs.map((m) => m.wallMs.toFixed(0)).join(', ')} ms)` : '';
      console.log(
        `${rows.toLocaleString('en')} rows (${generated.departments} departments), total ${ours.total} 元, ${ours.groups} groups — identical`,
      );
      console.log(
        `  jixiao aggregate: ${ours.ms.toFixed(0)} ms in process (budgets ${ours.budgetsMs!.toFixed(0)} ms, after ${ours.startMs!.toFixed(0)} ms of start-up), ${ours.wallMs.toFixed(0)} ms with start-up, ${rate(ours)} rows/s, peak RSS ${ours.rssMb.toFixed(0)} MB${runsOf(ourRuns)}`,
      );
      console.log(
        `  duckdb read_csv + GROUP BY: ${peer.ms.toFixed(0)} ms in process, ${peer.wallMs.toFixed(0)} ms with start-up, ${rate(peer)} rows/s, peak RSS ${peer.rssMb.toFixed(0)} MB${runsOf(peerRuns)}`,
      );
      console.log(
        `  ratio at ${rows.toLocaleString('en')} rows: ${(ours.wallMs / peer.wallMs).toFixed(2)} (load ${loadavg()[0]!.toFixed(2)})`,
      );
      if (withStore) {
        const store = child<{ storeMs: number; storeRssMb: number }>([
          '--import',
          'tsx',
          self,
          'store',
          ledger,
          budgets,
        ]);
        console.log(
          `  jixiao whole import into SQLite (untimed for the ratio; through tsx, one transaction): ${store.storeMs.toFixed(0)} ms, peak RSS ${store.storeRssMb.toFixed(0)} MB`,
        );
      }
      ratio = ours.wallMs / peer.wallMs;
      inProcess = ours.ms / peer.ms;
      rmSync(ledger, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`in process (without start-up): Jixiao ÷ DuckDB ${inProcess.toFixed(2)}`);
  console.log(
    `ratio Jixiao ÷ DuckDB at ${sizes.at(-1)!.toLocaleString('en')} rows (wall time with start-up): ${ratio.toFixed(2)}`,
  );
}

const [mode, ledgerArg, budgetsArg] = process.argv.slice(2);
if (mode === 'store') console.log(JSON.stringify(await runStore(ledgerArg!, budgetsArg!)));
else await main();
