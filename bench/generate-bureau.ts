/**
 * A bureau's database for the load bench: N departments × the fiscal years (default 1,000 × 2019–2021), each
 * dataset the seed (examples/yuhua-2020.yaml) with its own figures — every raw amount scaled by a factor drawn
 * deterministically from the department and year (0.50–2.00), project actuals moved a little more — and its own
 * department name and code. Written through the use cases (`createDatasetFrom`: validated, key figures, audit
 * entries), so every revision is a valid document; plus the accounts the bench signs in with. The same options
 * always give the same data.
 *
 * Usage: tsx bench/generate-bureau.ts OUT.sqlite [--departments 1000] [--years 2019,2020,2021]
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import { createDatasetFrom } from '../src/app/datasets.js';
import { createUser } from '../src/app/users.js';
import { parseDataset } from '../src/domain/dataset/parse.js';
import type { Dataset } from '../src/domain/dataset/schema.js';
import { datasetToDocument } from '../src/ingest/dataset-json.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { openStore } from '../src/store/connect.js';
import { seededRandom } from '../src/ingest/ledger/generate-ledger.js';

export type BureauOptions = { departments: number; years: readonly number[] };
export const DEFAULT_BUREAU: BureauOptions = { departments: 1000, years: [2019, 2020, 2021] };

/** The accounts of the generated database (passwords: bench only). */
export const BENCH_ACCOUNTS = {
  editor: { name: 'bench-editor', password: 'bench-editor-password' },
  reviewer: { name: 'bench-reviewer', password: 'bench-reviewer-password' },
} as const;

/** Bump when the generated data changes, so a cached file of the old kind is not reused. */
export const GENERATOR_VERSION = 1;

/** Keys whose bigints are percentages or counts, not amounts: left as they are. */
const NOT_AMOUNT = /percent|rate|month|count/i;

/** Every amount (a bigint of fen) under `value` times `numerator / 100`, rounded down to the fen. */
function scaled<T>(value: T, numerator: bigint, key = ''): T {
  if (typeof value === 'bigint') return (NOT_AMOUNT.test(key) ? value : (value * numerator) / 100n) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => scaled(v, numerator, key)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scaled(v, numerator, k)]),
    ) as T;
  return value;
}

/** Department i's dataset for one year. */
export function bureauDataset(seed: Dataset, i: number, year: number): Dataset {
  const next = seededRandom(i * 7919 + year);
  const factor = BigInt(50 + Math.floor(next() * 151)); // 0.50–2.00
  const code = `B${String(i + 1).padStart(4, '0')}`;
  const moved = scaled(
    { income: seed.income, basicExpenditure: seed.basicExpenditure, projects: seed.projects },
    factor,
  );
  const projects = moved.projects.map((p) => ({
    ...p,
    actual: ((p.actual * BigInt(80 + Math.floor(next() * 21))) / 100n) as typeof p.actual,
  }));
  return {
    ...seed,
    fiscalYear: year,
    department: {
      ...seed.department,
      name: `基准测试第${i + 1}局`,
      shortName: `基准${i + 1}局`,
      code,
      contact: `联系人${i + 1}`,
    },
    income: moved.income,
    basicExpenditure: moved.basicExpenditure,
    projects,
    ...(seed.paymentProgress === undefined ? {} : { paymentProgress: scaled(seed.paymentProgress, factor) }),
    ...(seed.projectExpenditure === undefined ? {} : { projectExpenditure: scaled(seed.projectExpenditure, factor) }),
  };
}

/**
 * Writes the bureau into a new SQLite file (built beside it and renamed when complete, so a half-made file is
 * never taken for a finished one). Returns the number of datasets.
 */
export async function generateBureau(
  file: string,
  options: BureauOptions = DEFAULT_BUREAU,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const read = await readDatasetFile(fileURLToPath(new URL('../examples/yuhua-2020.yaml', import.meta.url)));
  if (!read.ok) throw new Error('the seed cannot be read');
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const store = await openStore({ dialect: 'sqlite', file: partial });
  // Generation only: no fsync per commit (the finished file is checkpointed and closed before the rename).
  await sql`pragma synchronous = off`.execute(store.db);
  const ctx: AppContext = { store, now: () => new Date('2022-01-15T08:00:00.000Z') };
  const actor = { kind: 'system', label: '基准测试数据' } as const;
  const total = options.departments * options.years.length;
  const departmentIds: number[] = [];
  let done = 0;
  try {
    for (let i = 0; i < options.departments; i++) {
      let departmentId: number | undefined;
      for (const year of options.years) {
        const dataset = bureauDataset(read.dataset, i, year);
        if (i === 0 && !parseDataset(datasetToDocument(dataset)).ok)
          throw new Error(`generated dataset ${i}/${year} does not validate`);
        const owner =
          departmentId === undefined
            ? {
                newDepartment: {
                  code: dataset.department.code ?? '',
                  name: dataset.department.name,
                  parentId: null,
                },
              }
            : { departmentId };
        const created = await createDatasetFrom(ctx, owner, dataset, actor);
        if (!created.ok) throw new Error(`${i}/${year}: ${created.error.message}`);
        departmentId = created.value.departmentId;
        progress(++done, total);
      }
      if (departmentId !== undefined) departmentIds.push(departmentId);
    }
    const editor = await createUser(
      ctx,
      { ...BENCH_ACCOUNTS.editor, displayName: '基准测试填报员', role: 'editor', departmentIds },
      actor,
    );
    const reviewer = await createUser(
      ctx,
      { ...BENCH_ACCOUNTS.reviewer, displayName: '基准测试审核员', role: 'reviewer', departmentIds: [] },
      actor,
    );
    if (!editor.ok || !reviewer.ok) throw new Error('the bench accounts could not be created');
    await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
  } finally {
    await store.close();
  }
  renameSync(partial, file);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  return total;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (out === undefined || out.startsWith('--')) throw new Error('usage: tsx bench/generate-bureau.ts OUT.sqlite');
  const at = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  const options: BureauOptions = {
    departments: process.argv.includes('--departments') ? Number(at('departments')) : DEFAULT_BUREAU.departments,
    years: process.argv.includes('--years') ? (at('years') ?? '').split(',').map(Number) : DEFAULT_BUREAU.years,
  };
  if (existsSync(out)) throw new Error(`${out} exists`);
  const started = performance.now();
  const count = await generateBureau(out, options, (n, total) => {
    if (n % 100 === 0) process.stderr.write(`  ${n} / ${total} datasets\r`);
  });
  process.stdout.write(`${count} datasets in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}\n`);
}
