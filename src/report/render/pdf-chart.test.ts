import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import { pdfText, squeeze } from '../testing/extract-text.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { renderPdf } from './pdf.js';

// A whole report's PDF: 9.8 s with four test files at a time at load 9.
describe('charts drawn on the PDF page from their shapes', { timeout: 90_000 }, () => {
  it('prints each chart’s title, axis, labels and legend as text', async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const text = squeeze(
      await pdfText(await renderPdf(buildReportModel(reportInputFor(read.dataset, nationalPack())))),
    );
    for (const label of [
      '图1',
      '596.04（64.11%）',
      '项目支出拨款收入',
      '图2',
      '526.35',
      '对个人和家庭的补助',
      '600',
      '万元',
      '图3',
      '77.49%',
      '实际支出（标注执行率）',
      '区级政务服务工作',
      '图4',
      '45.08%',
      '序时进度',
      '12月末',
      '100%',
    ])
      expect(text, label).toContain(label);
  });
});
