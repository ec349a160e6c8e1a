import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, ReportModel } from '../model/types.js';
import { pdfsBothWays, stablePdf } from '../testing/pdf-both-ways.js';
import { renderPdf } from './pdf.js';
import { useKeepAhead } from './pdf-keep-ahead.js';

type LayoutBuilder = { prototype: { tryLayoutDocument: (...args: unknown[]) => unknown } };
const LayoutBuilder = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as { default: LayoutBuilder })
  .default;

const DATE = new Date('2021-03-04T17:00:00Z');
const paragraph = (length: number): Block => ({ kind: 'paragraph', text: '资金管理规范，执行有序。'.repeat(length) });
const heading = (text: string, level: 2 | 3 = 2): Block => ({ kind: 'heading', level, text });

/** Headings slid down the page line by line by `filler` lines before them: one lands on every line of a page. */
const sliding = (filler: number): ReportModel => {
  const blocks: Block[] = [paragraph(filler * 2 + 1)];
  for (let i = 1; i <= 6; i++) blocks.push(heading(`（${i}）第${i}项`), paragraph(7));
  blocks.push(heading('二级'), heading('三级', 3), paragraph(9), heading('短段'), paragraph(1));
  return {
    title: '2020年度测试局部门整体支出预算绩效自评报告',
    department: '测试局',
    fiscalYear: 2020,
    unit: '万元',
    sections: [{ id: 'one', heading: '一、测试', blocks }],
    annexes: [],
  };
};

/** The model's PDF and how many layouts pdfmake made for it. */
async function counted(model: ReportModel): Promise<{ pdf: string; layouts: number }> {
  const layout = LayoutBuilder.prototype.tryLayoutDocument;
  let layouts = 0;
  LayoutBuilder.prototype.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
    layouts += 1;
    return layout.apply(this, args);
  };
  try {
    return { pdf: stablePdf(await renderPdf(model, undefined, { date: DATE })), layouts };
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

  it('gives the seed the same PDF', async () => {
    for (const { off, on } of await pdfsBothWays(useKeepAhead)) expect(on === off).toBe(true);
  }, 120_000);
});
