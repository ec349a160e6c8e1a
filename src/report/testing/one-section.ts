import type { Block, ReportModel } from '../model/types.js';

/** A report of one section, `blocks` under `heading`, and no annexes: what the PDF layout tests lay out. */
export const oneSectionReport = (blocks: Block[], heading = '一、测试'): ReportModel => ({
  title: '2020年度测试局部门整体支出预算绩效自评报告',
  department: '测试局',
  fiscalYear: 2020,
  unit: '万元',
  sections: [{ id: 'one', heading, blocks }],
  annexes: [],
});

/** A body paragraph of `text`. */
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** A body paragraph of `count` twelve-character sentences. */
export const sentences = (count: number): Block => paragraph('资金管理规范，执行有序。'.repeat(count));

/**
 * Six 二级 headings, each before a paragraph of three lines, slid down the page by `filler` lines of text before
 * them: over fillers 0–7 one of them lands on every line of a page, the last included.
 */
export function slidingHeadings(filler: number): Block[] {
  const blocks: Block[] = [sentences(filler * 2 + 1)];
  for (let i = 1; i <= 6; i++) blocks.push({ kind: 'heading', level: 2, text: `（${i}）第${i}项` }, sentences(7));
  return blocks;
}
