import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../domain/dataset/parse.js';
import { computeFigures } from '../../domain/figures/compute.js';
import { printedFigures } from '../../domain/figures/printed-figures.js';
import { incomeExpenditureParagraph } from './section-budget.js';

function paragraphOf(sources: { source: string; basic: string; project: string }[]): string {
  const parsed = parseDataset({ fiscalYear: 2021, department: { name: '某县文化旅游广电局' }, income: { sources } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return incomeExpenditureParagraph(parsed.dataset, printedFigures(parsed.dataset, computeFigures(parsed.dataset)));
}

describe('the income sentence of the narrative report', () => {
  it('names a source already called …收入 once (其他收入12.3万元, not 其他收入收入)', () => {
    const text = paragraphOf([
      { source: '财政拨款', basic: '820.50', project: '283.80' },
      { source: '其他收入', basic: '12.30', project: '0' },
    ]);
    expect(text).toContain('按来源分，财政拨款收入1104.3万元，其他收入12.3万元。');
    expect(text).not.toContain('收入收入');
  });

  it('says 均为事业收入 for a single source named …收入', () => {
    expect(paragraphOf([{ source: '事业收入', basic: '10', project: '0' }])).toContain('均为事业收入。');
  });
});
