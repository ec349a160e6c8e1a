/**
 * npm run bench:report — renders the seed report (examples/yuhua-2020.yaml) in each format N times and prints
 * milliseconds per report. Each timing is a whole report from the parsed dataset: model, four ECharts charts,
 * and the format. Peer, measured in the same run: the same report as Markdown (model + charts + Markdown text),
 * the cheapest full render; ratios are format time ÷ peer time. Usage: npm run bench:report [-- N]
 */
import { fileURLToPath } from 'node:url';
import { computeFigures } from '../src/domain/figures/compute.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { buildReportModel } from '../src/report/model/build-report.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../src/report/render/index.js';

const runs = Number(process.argv[2] ?? '10');
const file = fileURLToPath(new URL('../examples/yuhua-2020.yaml', import.meta.url));
const read = await readDatasetFile(file);
if (!read.ok) throw new Error(`cannot read ${file}`);
const dataset = read.dataset;

async function once(format: ReportFormat): Promise<number> {
  const model = buildReportModel({ dataset, figures: computeFigures(dataset) });
  return (await renderReport(model, format)).length;
}

async function timePerReport(format: ReportFormat): Promise<{ ms: number; bytes: number }> {
  const bytes = await once(format); // warm-up: loads fonts and modules once per process
  const start = performance.now();
  for (let i = 0; i < runs; i++) await once(format);
  return { ms: (performance.now() - start) / runs, bytes };
}

const peer = await timePerReport('md');
console.log(
  `报告基准 / report benchmark: ${runs} runs each, seed report ${dataset.department.name} ${dataset.fiscalYear}`,
);
console.log(`peer = Markdown (model + charts + text): ${peer.ms.toFixed(1)} ms/report`);
console.log('format  ms/report  ×peer   bytes');
for (const format of REPORT_FORMATS) {
  const result = format === 'md' ? peer : await timePerReport(format);
  const ratio = result.ms / peer.ms;
  console.log(
    `${format.padEnd(6)}  ${result.ms.toFixed(1).padStart(9)}  ${ratio.toFixed(1).padStart(5)}  ${String(result.bytes).padStart(7)}`,
  );
}
