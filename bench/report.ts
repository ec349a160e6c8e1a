/**
 * npm run bench:report — report rendering, per report and in bulk.
 *
 * 1. The seed report (examples/yuhua-2020.yaml) in each format, in-process: cold (the chart cache emptied before
 *    each report, so its four charts are drawn and rasterized) and with the chart cache (charts drawn once per
 *    figure set, as when one report is rendered in several formats). Each timing is a whole report from the parsed
 *    dataset: model, charts, format.
 * 2. The bulk run of `jixiao report --all`: the 2020 reports (DOCX + PDF) of a generated bureau's departments
 *    (bench/generate-bureau.ts, cached in the temp folder) written to a temp folder through worker threads (one per
 *    core, or JIXIAO_WORKERS). A full 1,000 takes many minutes on a busy 2-core machine, so it runs `--sample`
 *    departments (default 50) and extrapolates to `--departments` (default 1,000), saying so. The command's code is
 *    compiled to JavaScript first (esbuild, as the shipped dist/ is), so that each worker starts from JavaScript
 *    instead of compiling the sources through tsx. Its CPU time (every thread of the process) is printed beside the
 *    wall time: on a shared machine it says what the run costs whatever else runs; the workers run at nice 10
 *    (src/app/heavy/thread-priority.ts), so other processes slow them down much more than it. The extrapolation
 *    counts start-up once (up to every worker's first department) and the steady rate after it for the rest; the
 *    sample's plain average, which charges start-up to each of its few departments, is printed beside it.
 * Every time is also given as CPU time (process.cpuUsage). Peer, measured in the same run: Markdown rendering (model + charts + text, the cheapest full render) of the same
 * datasets in this thread. The last line is the bulk ratio.
 *
 * Usage: npm run bench:report [-- --runs 5] [--sample 50] [--departments 1000]
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bulkReportItems } from '../src/app/bulk-reports.js';
import { loadDataset } from '../src/app/revision-content.js';
import type * as ReportAll from '../src/cli/actions/report-all.js';
import { bulkWorkers } from '../src/cli/actions/report-all.js';
import { computeFigures } from '../src/domain/figures/compute.js';
import type { Dataset } from '../src/domain/dataset/schema.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { buildReportModel } from '../src/report/model/build-report.js';
import { clearChartCache } from '../src/report/render/chart-cache.js';
import { drawCharts } from '../src/report/render/chart-images.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../src/report/render/index.js';
import { openStore } from '../src/store/connect.js';
import { GENERATOR_VERSION, generateBureau } from './generate-bureau.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('runs', 5);
const SAMPLE = arg('sample', 50);
const DEPARTMENTS = arg('departments', 1000);
const YEAR = 2020;
const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load average:\s*/, '');

async function render(dataset: Dataset, format: ReportFormat, cold: boolean): Promise<number> {
  if (cold) clearChartCache();
  const model = buildReportModel({ dataset, figures: computeFigures(dataset) });
  return (await renderReport(model, format, drawCharts(model))).length;
}

/** CPU time of every thread of this process so far, in ms. */
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

type Timing = { ms: number; cpu: number };

async function msPerReport(dataset: Dataset, format: ReportFormat, cold: boolean): Promise<Timing> {
  await render(dataset, format, cold); // warm-up: modules and fonts load once per process
  const start = performance.now();
  const cpu = cpuMs();
  for (let i = 0; i < RUNS; i++) await render(dataset, format, cold);
  return { ms: (performance.now() - start) / RUNS, cpu: (cpuMs() - cpu) / RUNS };
}

const cell = (t: Timing, width: number) => `${t.ms.toFixed(1)} (${t.cpu.toFixed(0)})`.padStart(width);

async function seedTable(): Promise<void> {
  const read = await readDatasetFile(fileURLToPath(new URL('../examples/yuhua-2020.yaml', import.meta.url)));
  if (!read.ok) throw new Error('cannot read the seed');
  console.log(`1. 单份报告 / one report, seed ${read.dataset.department.name} ${YEAR}, ${RUNS} runs each, in-process`);
  console.log('format  cold ms (CPU ms)  cached-charts ms (CPU)  ×md(cold)');
  const md = await msPerReport(read.dataset, 'md', true);
  for (const format of REPORT_FORMATS) {
    const cold = format === 'md' ? md : await msPerReport(read.dataset, format, true);
    const cached = await msPerReport(read.dataset, format, false);
    console.log(
      `${format.padEnd(6)}  ${cell(cold, 17)}  ${cell(cached, 22)}  ${(cold.ms / md.ms).toFixed(1).padStart(9)}`,
    );
  }
}

async function bureauFile(departments: number): Promise<string> {
  const cached = join(tmpdir(), 'jixiao-bench', `bureau-${departments}x3-v${GENERATOR_VERSION}.sqlite`);
  if (!existsSync(cached)) {
    console.log(`generating a bureau of ${departments} departments × 3 years (cached: ${cached}) …`);
    await generateBureau(cached, { departments, years: [2019, 2020, 2021] }, () => undefined);
  }
  return cached;
}

/** The peer: Markdown of the same datasets, one thread, charts drawn (cold), ms per department. */
async function markdownPeer(file: string): Promise<number> {
  const store = await openStore({ dialect: 'sqlite', file });
  const ctx = { store, now: () => new Date() };
  try {
    const items = await bulkReportItems(ctx, { fiscalYear: YEAR, publishedOnly: false });
    const datasets: Dataset[] = [];
    for (const item of items) {
      const loaded = await loadDataset(ctx, item.datasetId, item.revisionNo);
      if (loaded.ok) datasets.push(loaded.value);
    }
    const start = performance.now();
    for (const dataset of datasets) await render(dataset, 'md', true);
    return (performance.now() - start) / datasets.length;
  } finally {
    await store.close();
  }
}

type BulkModule = typeof ReportAll;

/**
 * The bulk command and the pool's worker compiled to JavaScript (esbuild, node_modules kept outside), like the
 * shipped dist/: the pool, loaded from a .js file, starts its workers on the compiled worker.js next to it.
 */
async function compiledBulk(): Promise<BulkModule> {
  const outdir = fileURLToPath(new URL('../node_modules/.cache/jixiao-bench-report/', import.meta.url));
  rmSync(outdir, { recursive: true, force: true });
  const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
  await build({
    entryPoints: { 'report-all': source('cli/actions/report-all.ts'), worker: source('app/heavy/worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(join(outdir, 'report-all.js')).href)) as BulkModule;
}

/** Wall and CPU time (ms) at some point of the bulk run. */
type Mark = { ms: number; cpu: number; done: number };
const mark = (done: number): Mark => ({ ms: performance.now(), cpu: cpuMs(), done });

/**
 * The bulk run's time per department after the first `workers` departments were delivered (usually one from each
 * worker; a fast worker may deliver two first): worker start-up (loading the code, reading and parsing the fonts, the
 * first report's layouts) is paid once per run, so a run of 1,000 pays it once where the sample pays it over a few
 * dozen departments.
 */
function steadyRate(first: Mark, last: Mark) {
  const departments = Math.max(1, last.done - first.done);
  return { ms: (last.ms - first.ms) / departments, cpu: (last.cpu - first.cpu) / departments };
}

async function bulk(): Promise<void> {
  const file = await bureauFile(SAMPLE);
  const workers = Math.max(1, bulkWorkers());
  const { writeBulkReports } = await compiledBulk();
  const output = mkdtempSync(join(tmpdir(), 'jixiao-bench-reports-'));
  const store = await openStore({ dialect: 'sqlite', file });
  const start = mark(0);
  let warm: Mark | undefined;
  let summary;
  try {
    const options = { year: YEAR, output, formats: ['docx', 'pdf'] as const, published: false, workers };
    summary = await writeBulkReports({ store, now: () => new Date() }, options, (_total, done) => {
      if (done === workers) warm = mark(done);
    });
  } finally {
    await store.close();
    rmSync(output, { recursive: true, force: true });
  }
  const end = mark(summary.written);
  const cpuPerDepartment = (end.cpu - start.cpu) / summary.written;
  const seconds = (end.ms - start.ms) / 1000;
  const perDepartment = (seconds * 1000) / summary.written;
  console.log(
    `\n2. 批量 / bulk: ${summary.written} departments × DOCX + PDF through ${workers} worker threads ` +
      `(${availableParallelism()} cores; worker start-up included) in ${seconds.toFixed(1)} s, ` +
      `${summary.failed.length} failed; CPU ${cpuPerDepartment.toFixed(0)} ms/department; load ${load()}`,
  );
  const cores = availableParallelism();
  const note = SAMPLE >= DEPARTMENTS ? 'measured' : `extrapolated from ${SAMPLE}, not measured`;
  const goalCpu = (120_000 * cores) / DEPARTMENTS;
  if (warm !== undefined && SAMPLE < DEPARTMENTS) {
    // Start-up once, then the steady rate for the rest (the sample's average would charge start-up per department).
    const steady = steadyRate(warm, end);
    const wall = (warm.ms - start.ms + steady.ms * (DEPARTMENTS - warm.done)) / 1000;
    const cpu = warm.cpu - start.cpu + steady.cpu * (DEPARTMENTS - warm.done);
    console.log(
      `   after each worker's first department: ${steady.ms.toFixed(0)} ms and CPU ${steady.cpu.toFixed(0)} ms a ` +
        `department; start-up (to the first ${warm.done}) ${((warm.ms - start.ms) / 1000).toFixed(1)} s, CPU ` +
        `${((warm.cpu - start.cpu) / 1000).toFixed(1)} s`,
    );
    console.log(
      `   ${DEPARTMENTS} departments: ${wall.toFixed(0)} s (start-up once + steady rate, ${note}; goal < 120 s); ` +
        `${((perDepartment * DEPARTMENTS) / 1000).toFixed(0)} s at the sample's average`,
    );
    console.log(
      `   on ${cores} idle cores the same CPU time would take ${(cpu / cores / 1000).toFixed(0)} s ` +
        `(CPU ${(cpu / DEPARTMENTS).toFixed(0)} ms a department with start-up once; the goal needs ≤ ${goalCpu.toFixed(0)} ms)`,
    );
  } else {
    console.log(
      `   ${DEPARTMENTS} departments: ${((perDepartment * DEPARTMENTS) / 1000).toFixed(0)} s (${note}; goal < 120 s)`,
    );
    console.log(
      `   on ${cores} idle cores the same CPU time would take ${((cpuPerDepartment * DEPARTMENTS) / cores / 1000).toFixed(0)} s ` +
        `(CPU time ÷ cores; the goal needs ≤ ${goalCpu.toFixed(0)} ms of CPU a department)`,
    );
  }
  const peer = await markdownPeer(file);
  console.log(
    `bulk DOCX+PDF ${perDepartment.toFixed(0)} ms/department (${workers} workers) = ` +
      `${(perDepartment / peer).toFixed(1)} × Markdown of the same datasets (${peer.toFixed(0)} ms/department, one thread)`,
  );
}

console.log(`报告基准 / report benchmark — load ${load()}`);
await seedTable();
await bulk();
