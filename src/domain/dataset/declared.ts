import { z } from 'zod';
import type { MoneyUnit } from '../money/index.js';
import { AMOUNT_FIGURES, PERCENT_FIGURES, type AmountFigureKey, type PercentFigureKey } from '../figures/catalog.js';
import { amountSchema, percentTextSchema } from './primitives.js';

/**
 * 报告陈述数: figures as the report itself states them (totals, shares, rates), kept apart from raw facts
 * so that every one of them can be checked against the figure Jixiao computes.
 */
export function declaredSchema(unit: MoneyUnit) {
  const amounts = Object.fromEntries(
    Object.entries(AMOUNT_FIGURES).map(([key, label]) => [
      key,
      amountSchema(unit).optional().meta({ description: label }),
    ]),
  ) as Record<AmountFigureKey, z.ZodOptional<ReturnType<typeof amountSchema>>>;
  const percents = Object.fromEntries(
    Object.entries(PERCENT_FIGURES).map(([key, label]) => [
      key,
      percentTextSchema.optional().meta({ description: `${label}（%）` }),
    ]),
  ) as Record<PercentFigureKey, z.ZodOptional<typeof percentTextSchema>>;
  return z.strictObject({ ...amounts, ...percents });
}
