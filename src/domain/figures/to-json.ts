import { amountToWire, formatPercent, type Fen, type MoneyUnit, type Percent } from '../money/index.js';
import type { Figures } from './compute.js';

/** Figures as plain JSON: amounts as decimal strings with 2 places in the dataset's unit, percentages as "84.18" (null when undefined). */
export type FiguresJson = ReturnType<typeof figuresToJson>;

const pct = (value: Percent | null): string | null => (value === null ? null : formatPercent(value));

export function figuresToJson(figures: Figures, unit: MoneyUnit) {
  const amt = (value: Fen): string => amountToWire(value, unit);
  return {
    unit,
    amounts: Object.fromEntries(Object.entries(figures.amounts).map(([k, v]) => [k, amt(v.value)])),
    percents: Object.fromEntries(Object.entries(figures.percents).map(([k, v]) => [k, pct(v)])),
    projects: figures.projects.map((p) => ({
      name: p.name,
      yearStartBudget: amt(p.yearStartBudget),
      supplementary: amt(p.supplementary),
      fullYearBudget: amt(p.fullYearBudget),
      actual: amt(p.actual),
      returnedToTreasury: amt(p.returnedToTreasury),
      carriedForward: amt(p.carriedForward),
      unspent: amt(p.unspent),
      executionRateYearStart: pct(p.executionRateYearStart),
      executionRate: pct(p.executionRate),
      isNew: p.isNew,
    })),
    threePublic: figures.threePublic.map((t) => ({
      key: t.key,
      label: t.label,
      budget: amt(t.budget),
      actual: amt(t.actual),
      executionRate: pct(t.executionRate),
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
              progress: pct(p.progress),
              schedule: pct(p.schedule),
              lag: pct(p.lag),
              behind: p.behind,
            })),
          },
    staffing: { ...figures.staffing, inPostControlRate: pct(figures.staffing.inPostControlRate) },
  };
}
