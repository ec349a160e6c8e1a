import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel } from '../model/types.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { renderPdf } from './pdf.js';
import { useFontLayoutBySpaces } from './pdf-fonts.js';

const DATE = new Date('2021-03-04T17:00:00Z');

/** The PDF without what differs from one run to the next (its creation time and file id). */
const stable = (bytes: Buffer) =>
  bytes
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });

/** Runs with spaces and tabs inside, at their ends and doubled, kerned Latin pairs, and long runs of Chinese. */
const MODEL: ReportModel = {
  title: '2020年度测试局部门整体支出预算绩效自评报告',
  department: '测试局',
  fiscalYear: 2020,
  unit: '万元',
  sections: [
    {
      id: 'one',
      heading: '一、排版',
      blocks: [
        paragraph('资金管理情况，'.repeat(40)),
        paragraph(`AV To  Wa.\tTab\t\tend  ${'Performance budget 596.04万元（64.11%）， '.repeat(12)} `),
        paragraph(' 前导空格与 尾随空格 '.repeat(10)),
      ],
    },
  ],
  annexes: [],
};

describe('texts laid out by character code', () => {
  afterAll(() => useFontLayoutBySpaces(true));

  it("give the PDF byte for byte that pdfkit's own layout gives", async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const seed = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    for (const model of [MODEL, seed]) {
      await renderPdf(model); // configures pdfmake and opens the fonts once
      useFontLayoutBySpaces(false);
      const pdfkit = stable(await renderPdf(model, undefined, { date: DATE }));
      useFontLayoutBySpaces(true);
      const bySpaces = stable(await renderPdf(model, undefined, { date: DATE }));
      expect(bySpaces.length).toBeGreaterThan(20_000);
      expect(bySpaces === pdfkit).toBe(true);
    }
  }, 120_000);
});
