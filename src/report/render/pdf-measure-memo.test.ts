import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import { recordLines } from '../testing/pdf-lines.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { renderPdf } from './pdf.js';
import { useLinearLineBreaker } from './pdf-line-breaker.js';
import { useMeasureOnce } from './pdf-measure-memo.js';

describe('measuring each text and chart once per document', () => {
  afterAll(() => {
    useMeasureOnce(true);
    useLinearLineBreaker(true, true);
  });

  it('lays out every line of every layout exactly as measuring anew for each layout does', async () => {
    const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
    if (!read.ok) throw new Error('the seed does not read');
    const model = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    await renderPdf(model); // configures pdfmake once
    useLinearLineBreaker(true, false); // each line's words placed, so that the record has their positions
    useMeasureOnce(false);
    const anew = await recordLines(() => renderPdf(model));
    useMeasureOnce(true);
    const once = await recordLines(() => renderPdf(model));
    // The seed is laid out more than once (headings kept with what follows them): the later layouts reuse measures.
    expect(anew.length).toBeGreaterThan(2 * 20 * 20);
    expect(once).toEqual(anew);
  }, 120_000);
});
