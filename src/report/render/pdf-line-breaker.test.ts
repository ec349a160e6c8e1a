import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../model/types.js';
import { paragraph } from '../testing/one-section.js';
import { recordLines } from '../testing/pdf-lines.js';
import { renderPdf } from './pdf.js';
import { maxFitLength, useLinearLineBreaker } from './pdf-line-breaker.js';
import { useSharedStyleMeasure } from './pdf-measure.js';

/** Width of a prefix when every UTF-16 unit is 1 pt wide; records the longest prefix measured. */
function unitWidths() {
  const measured: number[] = [];
  return { measured, width: (prefix: string) => (measured.push(prefix.length), prefix.length) };
}

describe('maxFitLength', () => {
  it('finds the longest prefix that fits, at least one character', () => {
    expect(maxFitLength('abcdefghij', 4, unitWidths().width)).toBe(4);
    expect(maxFitLength('abcdefghij', 4.5, unitWidths().width)).toBe(4);
    expect(maxFitLength('abcdefghij', 0.5, unitWidths().width)).toBe(1);
    expect(maxFitLength('abcdefghij', 10, unitWidths().width)).toBe(10);
    expect(maxFitLength('abcdefghij', 99, unitWidths().width)).toBe(10);
  });

  it('measures prefixes of at most twice the answer, however long the word', () => {
    const widths = unitWidths();
    expect(maxFitLength('a'.repeat(200_000), 70, widths.width)).toBe(70);
    expect(Math.max(...widths.measured)).toBe(128);
    expect(widths.measured.length).toBeLessThan(16);
  });

  it('never cuts a character outside the BMP in half', () => {
    // '😀' is two UTF-16 units: 3 units fit, but the third is the first half of the second emoji.
    expect(maxFitLength('😀😀😀', 3, unitWidths().width)).toBe(2);
    expect(maxFitLength('😀😀😀', 1, unitWidths().width)).toBe(2);
  });
});

/** Paragraphs and a table that exercise every path: many short words, glued words, words wider than a line. */
const MODEL: ReportModel = {
  title: '2020年度测试局部门整体支出预算绩效自评报告',
  department: '测试局',
  fiscalYear: 2020,
  unit: '万元',
  sections: [
    {
      id: 'one',
      heading: '一、换行',
      blocks: [
        paragraph('资金管理情况，'.repeat(400)),
        paragraph(`Performance budget 596.04万元（64.11%）， ${'budget-2020 '.repeat(60)}`),
        paragraph(`前文 ${'a'.repeat(2_500)} 后文 ${'b'.repeat(700)}。`),
        paragraph('（一）“放管服”改革：12345热线、政务服务大厅。'.repeat(30)),
      ],
    },
    {
      id: 'two',
      heading: '二、表格',
      blocks: [
        {
          kind: 'table',
          table: {
            header: ['项目', '说明', '金额'],
            rows: [
              ['热线项目', 'x'.repeat(300), '1.00'],
              ['政务服务', '说明文字'.repeat(40), '2.00'],
            ],
            numericColumns: [2],
            widths: [2, 4, 1],
          },
        },
      ],
    },
  ],
  annexes: [],
};

/** pdfmake's own layout code, or Jixiao's linear line breaker and shared-style measure. */
function ownLayout(own: boolean): void {
  useLinearLineBreaker(!own);
  useSharedStyleMeasure(!own);
}

describe('the linear line breaker and the shared-style measure', () => {
  afterAll(() => useLinearLineBreaker(true, true));

  it('lay out exactly the lines, words, positions and widths pdfmake’s own code does', async () => {
    await renderPdf(MODEL); // configures pdfmake once
    ownLayout(true);
    const theirs = await recordLines(() => renderPdf(MODEL));
    ownLayout(false);
    const ours = await recordLines(() => renderPdf(MODEL));
    expect(theirs.length).toBeGreaterThan(150);
    expect(ours).toEqual(theirs);
    expect(ours.some((line) => line.startsWith(`${'a'.repeat(45)}`))).toBe(true);
  });
});
