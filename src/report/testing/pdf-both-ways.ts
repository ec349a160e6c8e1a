import { fileURLToPath } from 'node:url';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel } from '../model/types.js';
import { renderPdf } from '../render/pdf.js';
import { oneSectionReport, paragraph } from './one-section.js';
import { SEED_DATASET } from './seed-sentences.js';

const DATE = new Date('2021-03-04T17:00:00Z');

/** The PDF without what differs from one run to the next (its creation time and file id). */
export const stablePdf = (bytes: Buffer): string =>
  bytes
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

/** The model's PDF at a fixed date, without what differs from one run to the next. */
export const stableRender = async (model: ReportModel): Promise<string> =>
  stablePdf(await renderPdf(model, undefined, { date: DATE }));

/**
 * Text that reaches the corners of measuring and drawing: long runs of Chinese, Latin words with kerned pairs,
 * numbers, spaces and tabs inside words and at their ends (ideographic spaces too), a bold heading.
 */
export const CORNER_TEXT_MODEL: ReportModel = oneSectionReport(
  [
    { kind: 'heading', level: 3, text: '（一）AVAWAY To 7.1%' },
    paragraph('资金管理情况，'.repeat(40)),
    paragraph(`AV To  Wa.\tTab\t\tend  ${'Performance budget 596.04万元（64.11%）， '.repeat(12)} `),
    paragraph('全角\u3000空格\u3000之后，  两个空格  之后。'.repeat(12)),
    paragraph(' 前导空格与 尾随空格 '.repeat(10)),
  ],
  '一、排版',
);

async function seedModel(): Promise<ReportModel> {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('the seed does not read');
  return buildReportModel(reportInputFor(read.dataset, nationalPack()));
}

/**
 * The corner text's and the seed's PDFs made with a speed-up of pdfmake or pdfkit off (`use(false)`) and on, for a
 * test to compare: a speed-up must not change a byte. Leaves it on.
 */
export async function pdfsBothWays(use: (enabled: boolean) => void): Promise<{ off: string; on: string }[]> {
  const pairs: { off: string; on: string }[] = [];
  for (const model of [CORNER_TEXT_MODEL, await seedModel()]) {
    await renderPdf(model); // configures pdfmake, opens the fonts and fills the process's caches once
    use(false);
    const off = await stableRender(model);
    use(true);
    const on = await stableRender(model);
    pairs.push({ off, on });
  }
  return pairs;
}
