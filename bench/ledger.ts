/**
 * npm run bench:ledger — issue 11: Jixiao's ledger import-and-aggregate against DuckDB on the same synthetic files
 * (1,000 departments, 10 projects each, 30 economic codes; deterministic). For each size (200,000 and 1,000,000
 * rows by default; `npm run bench:ledger -- 200000 1000000 10000000`) it runs, each in a fresh process:
 * - jixiao: readLedger (validation, dedup, reconciliation, sums by department–project–code–month and by day), then
 *   the whole `importLedger` into a temporary SQLite file (the one transaction included);
 * - duckdb: read_csv with the columns typed (金额 DECIMAL(18,2)) and one GROUP BY department, project, code, month.
 * It checks both give the same total and number of groups, and prints rows/s and peak RSS (maxRSS of the process:
 * flat in the number of rows apart from the voucher hash set, ~11.5 B a voucher), with os.loadavg(). The last line
 * is the ratio Jixiao ÷ DuckDB (aggregate, wall time of the process including start-up) at the largest size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `ms`: the phase in process; `wallMs`: from the process's start (node, tsx, imports) to the end of the phase. */
type Measure = {
  ms: number;
  wallMs: number;
  rssMb: number;
  total: string;
  groups: number;
  rows: number;
  storeMs?: number;
  storeRssMb?: number;
};

const self = fileURLToPath(import.meta.url);

async function runJixiao(ledger: string, budgets: string): Promise<Measure> {
  const started = performance.now();
  const { readBudgets } = await import('../src/ingest/ledger/read-budgets.js');
  const { readLedger } = await import('../src/ingest/ledger/read-ledger.js');
  const { VoucherSet } = await import('../src/ingest/ledger/voucher-set.js');
  const index = await readBudgets(budgets);
  if (!index.ok) throw new Error(JSON.stringify(index.issues));
  const read = await readLedger(ledger, { budgets: index.budgets, vouchers: new VoucherSet() });
  if (!read.ok) throw new Error(JSON.stringify(read.issue));
  const ms = performance.now() - started;
  // performance.now() counts from the process's start: the wall time a user waits, start-up included.
  const wallMs = performance.now();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const { summary } = read;
  const { formatScaled } = await import('../src/domain/money/index.js');
  const groups = new Set<string>();
  for (const c of summary.aggregates.cells())
    groups.add(`${c.departmentCode}|${c.projectCode}|${c.economicCode}|${c.month}`);
  const storeStarted = performance.now();
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
  return {
    ms,
    wallMs,
    rssMb,
    total: formatScaled(summary.acceptedTotal, 2),
    groups: groups.size,
    rows: summary.accepted,
    storeMs: performance.now() - storeStarted,
    storeRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function runDuckdb(ledger: string): Promise<Measure> {
  const started = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const columns = `{'凭证号': 'VARCHAR', '支付日期': 'DATE', '部门编码': 'VARCHAR', '项目编码': 'VARCHAR', '经济分类编码': 'VARCHAR', '金额': 'DECIMAL(18,2)', '收款人': 'VARCHAR'}`;
  const reader = await connection.runAndReadAll(`
    SELECT count(*) AS groups, sum(s)::VARCHAR AS total, sum(n)::BIGINT AS rows FROM (
      SELECT 部门编码, 项目编码, 经济分类编码, month(支付日期) AS m, sum(金额) AS s, count(*) AS n
      FROM read_csv('${ledger.replaceAll("'", "''")}', header = true, columns = ${columns})
      GROUP BY ALL)`);
  const [row] = reader.getRows();
  const ms = performance.now() - started;
  return {
    ms,
    wallMs: performance.now(),
    rssMb: process.resourceUsage().maxRSS / 1024,
    groups: Number(row![0]),
    total: String(row![1]),
    rows: Number(row![2]),
  };
}

/** Runs one side in a fresh process: its wall time includes start-up (node, tsx, imports), as a user sees it. */
function measure(side: 'jixiao' | 'duckdb', ledger: string, budgets: string): Measure {
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, side, ledger, budgets], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${side} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measure;
}

async function main(): Promise<void> {
  const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['200000', '1000000']).map(Number);
  const { writeSyntheticBudgets, writeSyntheticLedger } = await import('../src/ingest/ledger/generate-ledger.js');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-ledger-'));
  const budgets = join(dir, 'budgets.csv');
  writeSyntheticBudgets(budgets, { rows: 0 });
  let ratio = 0;
  let inProcess = 0;
  try {
    for (const rows of sizes) {
      const ledger = join(dir, `ledger-${rows}.csv`);
      const generated = writeSyntheticLedger(ledger, { rows });
      const ours = measure('jixiao', ledger, budgets);
      const peer = measure('duckdb', ledger, budgets);
      if (ours.total !== peer.total || ours.groups !== peer.groups || ours.rows !== rows) {
        throw new Error(
          `results differ: jixiao ${ours.total} / ${ours.groups} groups, duckdb ${peer.total} / ${peer.groups}`,
        );
      }
      const rate = (m: { ms: number }) => Math.round(rows / (m.ms / 1000)).toLocaleString('en');
      console.log(
        `${rows.toLocaleString('en')} rows (${generated.departments} departments), total ${ours.total} 元, ${ours.groups} groups — identical`,
      );
      console.log(
        `  jixiao aggregate: ${ours.ms.toFixed(0)} ms in process, ${ours.wallMs.toFixed(0)} ms with start-up, ${rate(ours)} rows/s, peak RSS ${ours.rssMb.toFixed(0)} MB`,
      );
      console.log(
        `  jixiao import into SQLite (again, one transaction): ${ours.storeMs!.toFixed(0)} ms, peak RSS ${ours.storeRssMb!.toFixed(0)} MB`,
      );
      console.log(
        `  duckdb read_csv + GROUP BY: ${peer.ms.toFixed(0)} ms in process, ${peer.wallMs.toFixed(0)} ms with start-up, ${rate(peer)} rows/s, peak RSS ${peer.rssMb.toFixed(0)} MB`,
      );
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
if (mode === 'jixiao') console.log(JSON.stringify(await runJixiao(ledgerArg!, budgetsArg!)));
else if (mode === 'duckdb') console.log(JSON.stringify(await runDuckdb(ledgerArg!)));
else await main();
