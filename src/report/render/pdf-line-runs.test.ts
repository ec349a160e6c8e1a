import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel } from '../model/types.js';
import { oneSectionReport, paragraph } from '../testing/one-section.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import type { Node } from 'pdfmake/interfaces.js';
import { documentDefinition, renderPdf } from './pdf.js';
import { useLinearLineBreaker } from './pdf-line-breaker.js';
import { useKeptLines } from './pdf-line-memo.js';
import { usePlacedRuns } from './pdf-line-runs.js';

/** Lines of shared words placed as runs (pdf-line-runs.ts), or each word copied, placed and merged when drawn. */
function placedRuns(enabled: boolean): void {
  useLinearLineBreaker(true, enabled);
  usePlacedRuns(enabled);
}

const DATE = new Date('2021-03-04T17:00:00Z');
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfMake;

/** The model's PDF laid out twice at least: its last paragraph is moved to a new page once (as keep-with-next does). */
async function laidOutTwice(model: ReportModel): Promise<Buffer> {
  const definition = documentDefinition(model, new Map(), { date: DATE });
  const keep = definition.pageBreakBefore;
  let moved = false;
  definition.pageBreakBefore = (node: Node, queries) => {
    if (!moved && typeof node.text === 'string' && node.text.startsWith('按原始') && node.startPosition.top > 200) {
      moved = true;
      return true;
    }
    return keep?.(node, queries) ?? false;
  };
  return pdfmake.createPdf(definition).getBuffer();
}
/** The PDF without what differs from one run to the next (its creation time and file id). */
const stable = (bytes: Buffer) =>
  bytes
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

/** Justified lines of one-character words, glued and hard-wrapped words, Latin words and spaces, centred text. */
const MODEL: ReportModel = oneSectionReport(
  [
    paragraph('资金管理情况，'.repeat(60)),
    paragraph(`Performance budget 596.04万元（64.11%）， ${'budget-2020 '.repeat(30)}`),
    paragraph(`前文 ${'a'.repeat(500)} 后文 ${'b'.repeat(300)}。`),
    paragraph('（一）“放管服”改革：12345热线、政务服务大厅。'.repeat(8)),
    // Two spaces at a line's end: the word of spaces is cut, and its rest still fits on the line.
    paragraph('按原始数据计算为  972.95万元，相差 423.28万元，'.repeat(30)),
  ],
  '一、换行',
);

describe('lines placed as runs of shared words', () => {
  afterAll(() => {
    placedRuns(true);
    useKeptLines(true);
  });

  it('give the PDF byte for byte that placing and merging each word gives', async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const seed = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    for (const model of [MODEL, seed]) {
      await renderPdf(model); // configures pdfmake once
      placedRuns(false);
      const words = stable(await renderPdf(model, undefined, { date: DATE }));
      placedRuns(true);
      const runs = stable(await renderPdf(model, undefined, { date: DATE }));
      expect(runs.length).toBeGreaterThan(20_000);
      expect(runs === words).toBe(true);
    }
  }, 120_000);

  it('kept from one layout to the next give the PDF byte for byte that laying out every line anew gives', async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const seed = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    await renderPdf(MODEL); // configures pdfmake once
    useKeptLines(false);
    expect(stable(await laidOutTwice(MODEL)) === stable(await laidOutTwice(MODEL))).toBe(true);
    const anew = [stable(await laidOutTwice(MODEL)), stable(await renderPdf(seed, undefined, { date: DATE }))];
    useKeptLines(true);
    const kept = [stable(await laidOutTwice(MODEL)), stable(await renderPdf(seed, undefined, { date: DATE }))];
    expect(kept[0] === anew[0]).toBe(true);
    expect(kept[1] === anew[1]).toBe(true);
  }, 120_000);
});
