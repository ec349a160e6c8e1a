import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../domain/dataset/limits.js';
import { nationalPack } from '../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { buildReportModel } from './model/build-report.js';
import { reportInputFor } from './model/report-input.js';
import type { ReportModel } from './model/types.js';
import { drawCharts, type ChartImages } from './render/chart-images.js';
import { DOCUMENT_FORMATS, renderReport } from './render/index.js';
import { extractText, squeeze } from './testing/extract-text.js';
import { withLongestTexts, type Stretch } from './testing/longest-texts.js';
import { SEED_DATASET } from './testing/seed-sentences.js';

/**
 * The seed with every paragraph at its longest (5,000 characters, no spaces) renders in every format, and the
 * report holds each paragraph whole. Before pdfmake's line breaking was made linear, one 200,000-character word
 * took 25 minutes; timings are printed by `npx tsx scripts/bench-longest-report.ts`, not asserted here.
 */
async function longestModel(how: Stretch): Promise<{ model: ReportModel; charts: ChartImages; paragraph: string }> {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('seed dataset does not parse');
  const dataset = withLongestTexts(read.dataset, how, ['paragraph']);
  const model = buildReportModel(reportInputFor(dataset, nationalPack()));
  return { model, charts: drawCharts(model), paragraph: dataset.narrative.measures[0] ?? '' };
}

// The PDF of the longest texts: 9 s on a 2-core machine at load 10.
describe.each(['own-characters', 'one-letter'] as const)(
  'the seed with every paragraph at its longest (%s)',
  { timeout: 90_000 },
  (how) => {
    let longest: Awaited<ReturnType<typeof longestModel>>;
    beforeAll(async () => {
      longest = await longestModel(how);
    });

    it.each(DOCUMENT_FORMATS)('renders %s and contains each paragraph whole', async (format) => {
      expect(longest.paragraph).toHaveLength(TEXT_LIMITS.paragraph);
      expect(longest.paragraph).not.toMatch(/\s/);
      const text = squeeze(await extractText(format, await renderReport(longest.model, format, longest.charts)));
      expect(text).toContain(longest.paragraph);
    });
  },
);
