import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../model/types.js';
import { oneSectionReport, sentences, slidingHeadings } from '../testing/one-section.js';
import { stableRender } from '../testing/pdf-both-ways.js';
import { useKeepAhead } from './pdf-keep-ahead.js';

type LayoutBuilder = { prototype: { tryLayoutDocument: (...args: unknown[]) => unknown } };
const LayoutBuilder = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as { default: LayoutBuilder })
  .default;

/** The sliding headings, then a 二级 heading over a 三级 one, and a heading over a paragraph of one line. */
const sliding = (filler: number): ReportModel =>
  oneSectionReport([
    ...slidingHeadings(filler),
    { kind: 'heading', level: 2, text: '二级' },
    { kind: 'heading', level: 3, text: '三级' },
    sentences(9),
    { kind: 'heading', level: 2, text: '短段' },
    sentences(1),
  ]);

/** The model's PDF and how many layouts pdfmake made for it. */
async function counted(model: ReportModel): Promise<{ pdf: string; layouts: number }> {
  const layout = LayoutBuilder.prototype.tryLayoutDocument;
  let layouts = 0;
  LayoutBuilder.prototype.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
    layouts += 1;
    return layout.apply(this, args);
  };
  try {
    return { pdf: await stableRender(model), layouts };
  } finally {
    LayoutBuilder.prototype.tryLayoutDocument = layout;
  }
}

describe('keep-with-next decided as the heading is placed', () => {
  afterAll(() => useKeepAhead(true));

  it('gives the PDF byte for byte that laying out again for each stranded heading gives, in fewer layouts', async () => {
    let saved = 0;
    for (let filler = 0; filler < 8; filler++) {
      const model = sliding(filler);
      useKeepAhead(false);
      const after = await counted(model);
      useKeepAhead(true);
      const ahead = await counted(model);
      expect(ahead.pdf === after.pdf, `${filler} filler lines`).toBe(true);
      expect(ahead.layouts).toBeLessThanOrEqual(after.layouts);
      saved += after.layouts - ahead.layouts;
    }
    expect(saved).toBeGreaterThan(4);
  }, 120_000);
});
