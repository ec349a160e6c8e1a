import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel } from '../model/types.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { renderPdf } from './pdf.js';
import { useRememberedWidths } from './pdf-text-width.js';

const DATE = new Date('2021-03-04T17:00:00Z');

/** The PDF without what differs from one run to the next (its creation time and file id). */
const stable = (bytes: Buffer) =>
  bytes
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });

/** Chinese and Latin words, numbers, spaces at a word's ends (ideographic too), kerned pairs, a bold heading. */
const MODEL: ReportModel = {
  title: '2020年度测试局部门整体支出预算绩效自评报告',
  department: '测试局',
  fiscalYear: 2020,
  unit: '万元',
  sections: [
    {
      id: 'one',
      heading: '一、宽度',
      blocks: [
        { kind: 'heading', level: 3, text: '（一）AVAWAY To 7.1%' },
        paragraph('资金管理情况，'.repeat(40)),
        paragraph(`Performance budget 596.04万元（64.11%）， ${'AV Wa To. '.repeat(30)}`),
        paragraph('全角\u3000空格\u3000之后，  两个空格  之后。'.repeat(12)),
      ],
    },
  ],
  annexes: [],
};

describe('text widths remembered per font', () => {
  afterAll(() => useRememberedWidths(true));

  it('give the PDF byte for byte that measuring every word through pdfkit gives', async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const seed = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    for (const model of [MODEL, seed]) {
      await renderPdf(model); // configures pdfmake once, and fills the remembered widths
      useRememberedWidths(false);
      const measured = stable(await renderPdf(model, undefined, { date: DATE }));
      useRememberedWidths(true);
      const remembered = stable(await renderPdf(model, undefined, { date: DATE }));
      expect(remembered.length).toBeGreaterThan(20_000);
      expect(remembered === measured).toBe(true);
    }
  }, 120_000);
});
