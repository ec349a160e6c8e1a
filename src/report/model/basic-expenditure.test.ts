import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../domain/dataset/parse.js';
import { computeFigures } from '../../domain/figures/compute.js';
import { threePublicSentence } from './basic-expenditure.js';

function sentenceOf(threePublic: Record<string, unknown>): string {
  const parsed = parseDataset({
    fiscalYear: 2021,
    department: { name: '某县文化旅游广电局' },
    basicExpenditure: { yearStartBudget: '832.80', actual: '828.60', lines: [], threePublic },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const basic = parsed.dataset.basicExpenditure;
  return threePublicSentence(computeFigures(parsed.dataset), parsed.dataset.unit, basic?.threePublic);
}

describe('the narrative report’s 三公 sentence', () => {
  it('prints a budget given only as a total, never an item budget of 0, and the stated counts', () => {
    // The Hunan 决算说明's 三公: budget 18 only as a total; actuals 0 / 0 / 12.40 / 3.60.
    const sentence = sentenceOf({
      overseasTravel: { actual: '0' },
      vehiclePurchase: { actual: '0' },
      vehicleOperation: { actual: '12.40' },
      reception: { actual: '3.60' },
      budgetTotal: '18',
      vehicleCount: 3,
      receptionBatches: 22,
      receptionVisitors: 180,
    });
    expect(sentence).toBe(
      '其中“三公”经费支出情况：预算数合计18万元，决算数合计16万元；公务用车运行维护费决算数12.4万元；公务用车购置费决算数0万元；' +
        '公务接待费决算数3.6万元；因公出国（境）费决算数0万元；公务用车保有量3辆；国内公务接待22批次、180人次。',
    );
    expect(sentence).not.toContain('预算数0');
  });

  it('prints item budgets where they are stated, as the seed does', () => {
    expect(
      sentenceOf({
        overseasTravel: { budget: '0', actual: '0' },
        vehicleOperation: { budget: '0', actual: '0' },
        reception: { budget: '0.5', actual: '0.23' },
      }),
    ).toBe(
      '其中“三公”经费支出情况：公务用车运行维护费预算数0万元，决算数0万元；公务接待费预算数0.5万元，决算数0.23万元；因公出国（境）费预算数0万元，决算数0万元。',
    );
  });
});
