import { z } from 'zod';
import type { MoneyUnit } from '../money/index.js';
import { amountSchema } from './primitives.js';

/**
 * 上年数: last year's figures as the form or 决算说明 prints them, for 增减额 (current − prior) and 增减率
 * (增减额 ÷ prior). Each is optional: a form compares only what it prints.
 */
export function priorYearSchema(unit: MoneyUnit) {
  const amount = (description: string) => amountSchema(unit).optional().meta({ description });
  return z.strictObject({
    incomeTotal: amount('上年本年收入合计'),
    incomeGrandTotal: amount('上年收入总计（含年初结转和结余）'),
    expenditureTotal: amount('上年本年支出合计'),
    expenditureBasic: amount('上年基本支出'),
    expenditureProject: amount('上年项目支出'),
    threePublicBudget: amount('上年“三公”经费预算数'),
    threePublicActual: amount('上年“三公”经费支出数'),
    overseasTravel: amount('上年因公出国（境）费支出'),
    vehicle: amount('上年公务用车购置及运行维护费支出'),
    reception: amount('上年公务接待费支出'),
    changeRateBase: z
      .enum(['incomeTotal', 'incomeGrandTotal'])
      .default('incomeTotal')
      .meta({ description: '收入增减率的基数：本年收入合计（缺省）或 收入总计（含年初结转）' }),
  });
}

/** 管理指标的原始数: what the management ratios need beyond the budget itself. */
export function managementSchema(unit: MoneyUnit) {
  return z.strictObject({
    procurementBudget: amountSchema(unit).optional().meta({ description: '政府采购预算数' }),
    procurementActual: amountSchema(unit).optional().meta({ description: '政府采购实际支出数' }),
  });
}
