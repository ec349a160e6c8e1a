import { amountToWire, percentToWire, type Fen, type MoneyUnit } from '../money/index.js';
import type { Figures } from './compute.js';

/** Figures as plain JSON: amounts as decimal strings with 2 places in the dataset's unit, percentages as "84.18" (null when undefined). */
export type FiguresJson = ReturnType<typeof figuresToJson>;

export function figuresToJson(figures: Figures, unit: MoneyUnit) {
  const amt = (value: Fen): string => amountToWire(value, unit);
  return {
    unit,
    amounts: Object.fromEntries(Object.entries(figures.amounts).map(([k, v]) => [k, amt(v.value)])),
    percents: Object.fromEntries(Object.entries(figures.percents).map(([k, v]) => [k, percentToWire(v)])),
    projects: figures.projects.map((p) => ({
      name: p.name,
      yearStartBudget: amt(p.yearStartBudget),
      supplementary: amt(p.supplementary),
      fullYearBudget: amt(p.fullYearBudget),
      actual: amt(p.actual),
      returnedToTreasury: amt(p.returnedToTreasury),
      carriedForward: amt(p.carriedForward),
      unspent: amt(p.unspent),
      executionRateYearStart: percentToWire(p.executionRateYearStart),
      executionRate: percentToWire(p.executionRate),
      isNew: p.isNew,
    })),
    threePublic: figures.threePublic.map((t) => ({
      key: t.key,
      label: t.label,
      budget: amt(t.budget),
      actual: amt(t.actual),
      executionRate: percentToWire(t.executionRate),
    })),
    paymentProgress:
      figures.paymentProgress === null
        ? null
        : {
            scope: figures.paymentProgress.scope,
            base: figures.paymentProgress.base,
            baseAmount: amt(figures.paymentProgress.baseAmount),
            points: figures.paymentProgress.points.map((p) => ({
              month: p.month,
              cumulativePaid: p.cumulativePaid === null ? null : amt(p.cumulativePaid),
              progress: percentToWire(p.progress),
              schedule: percentToWire(p.schedule),
              lag: percentToWire(p.lag),
              behind: p.behind,
            })),
          },
    staffing:
      figures.staffing === null
        ? null
        : { ...figures.staffing, inPostControlRate: percentToWire(figures.staffing.inPostControlRate) },
  };
}
