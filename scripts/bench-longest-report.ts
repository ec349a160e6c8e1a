/**
 * npx tsx scripts/bench-longest-report.ts [runs] — the report of the seed with every text at the longest the dataset
 * limits allow (names 200, notes 2,000, paragraphs 5,000 characters) and no space in it, in each format, in-process:
 * milliseconds per render (median of `runs`, after one warm-up) and CPU time. Two stretches: the seed's own
 * characters repeated (Chinese: one word per character) and one letter (one word per text, wider than a line).
 * Peer, measured in the same run: the PDF with pdfmake's own layout and rendering code (quadratic line breaking,
 * per-character style resolution and text objects). Then one 200,000-character word, beyond the limits, as the
 * issue's attack (pdfmake's own: 25 minutes and 4.4 GB; not run). Exits 1 when a render takes more than 10 s.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../src/domain/dataset/schema.js';
import { nationalPack } from '../src/domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { buildReportModel } from '../src/report/model/build-report.js';
import { reportInputFor } from '../src/report/model/report-input.js';
import type { ReportModel } from '../src/report/model/types.js';
import { drawCharts, type ChartImages } from '../src/report/render/chart-images.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../src/report/render/index.js';
import { useLinearLineBreaker } from '../src/report/render/pdf-line-breaker.js';
import { useMergedRuns } from '../src/report/render/pdf-line-merger.js';
import { useSharedStyleMeasure } from '../src/report/render/pdf-measure.js';
import { withLongestTexts, type Stretch } from '../src/report/testing/longest-texts.js';

const BOUND_MS = 10_000;
const runs = Number(process.argv[2] ?? '3');
const seedFile = fileURLToPath(new URL('../examples/yuhua-2020.yaml', import.meta.url));

type Timing = { ms: number; cpuMs: number; bytes: number };
type Rendered = { model: ReportModel; charts: ChartImages };

async function once(subject: Rendered, format: ReportFormat): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const bytes = (await renderReport(subject.model, format, subject.charts)).length;
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, bytes };
}

async function median(subject: Rendered, format: ReportFormat, count = runs): Promise<Timing> {
  await once(subject, format);
  const timings: Timing[] = [];
  for (let i = 0; i < count; i++) timings.push(await once(subject, format));
  return timings.sort((a, b) => a.ms - b.ms)[Math.floor(timings.length / 2)] as Timing;
}

function pdfmakeOwnCode(own: boolean): void {
  useLinearLineBreaker(!own);
  useSharedStyleMeasure(!own);
  useMergedRuns(!own);
}

function prepared(dataset: Dataset): Rendered {
  const model = buildReportModel(reportInputFor(dataset, nationalPack()));
  return { model, charts: drawCharts(model) };
}

const line = (label: string, t: Timing, extra = '') =>
  `${label.padEnd(22)} ${t.ms.toFixed(0).padStart(7)} ${t.cpuMs.toFixed(0).padStart(7)} ${String(t.bytes).padStart(9)}${extra}`;

let slowest = 0;
const read = await readDatasetFile(seedFile);
if (!read.ok) throw new Error(`cannot read ${seedFile}`);
console.log(
  `最长文字报告基准 / longest-text report benchmark: median of ${runs} runs, load ${loadavg()[0]?.toFixed(2)}`,
);
console.log(`${'format'.padEnd(22)} ${'ms'.padStart(7)} ${'cpu ms'.padStart(7)} ${'bytes'.padStart(9)}`);
for (const how of ['own-characters', 'one-letter'] as Stretch[]) {
  const subject = prepared(withLongestTexts(read.dataset, how));
  for (const format of REPORT_FORMATS) {
    const t = await median(subject, format);
    slowest = Math.max(slowest, t.ms);
    if (format !== 'pdf') console.log(line(`${how} ${format}`, t));
    else {
      pdfmakeOwnCode(true);
      const peer = await median(subject, 'pdf', 1);
      pdfmakeOwnCode(false);
      console.log(
        line(
          `${how} ${format}`,
          t,
          `   pdfmake's own code: ${peer.ms.toFixed(0)} ms (×${(peer.ms / t.ms).toFixed(1)})`,
        ),
      );
    }
  }
}
const word = structuredClone(read.dataset);
word.narrative.fundManagement = ['a'.repeat(200_000)];
const attack = await median(prepared(word), 'pdf', 1);
console.log(line('one 200,000-char word', attack, "   pdfmake's own code: 25 min, 4.4 GB (issue 14; not run)"));
console.log(`slowest render ${slowest.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
if (slowest > BOUND_MS) process.exit(1);
