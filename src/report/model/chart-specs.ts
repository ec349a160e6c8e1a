import type { Dataset } from '../../domain/dataset/schema.js';
import type { Figures } from '../../domain/figures/compute.js';
import { linearSchedule } from '../../domain/figures/payment-progress.js';
import { sumFen, type Fen, type Percent } from '../../domain/money/index.js';
import { economicClassOf } from '../../domain/reference/economic-classification.js';
import { amountCell, percentPhrase, plotAmount, plotPercent } from './format.js';
import type { PrintedFigures } from '../../domain/figures/printed-figures.js';
import type { ChartSpec } from './types.js';

/** 收入构成: basic vs project income, as printed. */
export function incomeChart(dataset: Dataset, printed: PrintedFigures): ChartSpec {
  const unit = dataset.unit;
  const slice = (name: string, amount: Fen, share: Percent | null) => ({
    name,
    value: plotAmount(amount, unit),
    text: `${name}\n${amountCell(amount, unit)}（${percentPhrase(share)}）`,
  });
  return {
    kind: 'pie',
    id: 'income',
    title: `图1 ${dataset.fiscalYear}年度实际预算收入构成（单位：${unit}）`,
    slices: [
      slice('基本支出拨款收入', printed.amount('incomeBasic'), printed.percent('incomeBasicShare')),
      slice('项目支出拨款收入', printed.amount('incomeProject'), printed.percent('incomeProjectShare')),
    ],
  };
}

/**
 * 基本支出按经济分类: the detail lines summed by class (301 工资福利支出, 302 商品和服务支出, 303 …). The bars add up
 * to the table's printed 合计 (`PrintedFigures`): where the department's stated total differs from the lines' sum by
 * rounding only (the seed's 596.04 against 596.06), the largest class takes the rounding difference, as a table's
 * shares are made to add up to 100%.
 */
export function basicByClassChart(dataset: Dataset, printed: PrintedFigures): ChartSpec {
  const unit = dataset.unit;
  const lines = dataset.basicExpenditure?.lines ?? [];
  const byClass = new Map<string, Fen[]>();
  for (const line of lines) {
    const name = economicClassOf(line.code)?.name ?? '其他';
    byClass.set(name, [...(byClass.get(name) ?? []), line.amount]);
  }
  const entries = [...byClass].map(([name, amounts]) => [name, sumFen(amounts)] as const);
  const difference = printed.amount('basicLinesTotal') - sumFen(lines.map((l) => l.amount));
  const largest = entries.reduce((best, entry, i) => (entry[1] > (entries[best]?.[1] ?? 0n) ? i : best), 0);
  const target = entries[largest];
  if (difference !== 0n && target !== undefined) entries[largest] = [target[0], (target[1] + difference) as Fen];
  return {
    kind: 'bar',
    id: 'basic-by-class',
    title: `图2 基本支出按经济分类（单位：${unit}）`,
    unit,
    categories: entries.map(([name]) => name),
    values: entries.map(([, amount]) => plotAmount(amount, unit)),
  };
}

/** 项目预算与实际支出: full-year budget vs actual per project, labelled with the execution rate the text states. */
export function projectsChart(dataset: Dataset, figures: Figures, printed: PrintedFigures): ChartSpec {
  const unit = dataset.unit;
  const projects = figures.projects;
  return {
    kind: 'budget-actual',
    id: 'projects',
    title: `图3 项目预算与实际支出（单位：${unit}）`,
    unit,
    categories: projects.map((p) => p.name),
    budget: projects.map((p) => plotAmount(p.fullYearBudget, unit)),
    actual: projects.map((p) => plotAmount(p.actual, unit)),
    rates: projects.map((p) => percentPhrase(p.supplementary === 0n ? printed.projectRate(p.index) : p.executionRate)),
  };
}

/** 支付进度与序时进度: cumulative progress at each checkpoint against the schedule at every quarter end. */
export function progressChart(figures: Figures): ChartSpec | null {
  const progress = figures.paymentProgress;
  if (progress === null || progress.points.length === 0) return null;
  const months = [...new Set([3, 6, 9, 12, ...progress.points.map((p) => p.month)])].sort((a, b) => a - b);
  const pointAt = (m: number) => progress.points.find((p) => p.month === m);
  return {
    kind: 'progress',
    id: 'payment-progress',
    title: '图4 累计支付进度与序时进度（%）',
    months,
    progress: months.map((m) => {
      const value = pointAt(m)?.progress;
      return value === undefined || value === null ? null : plotPercent(value);
    }),
    schedule: months.map((m) => plotPercent(pointAt(m)?.schedule ?? linearSchedule(m))),
  };
}
