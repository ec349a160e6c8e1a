import {
  AMOUNT_FIGURES,
  PERCENT_FIGURES,
  type AmountFigureKey,
  type PercentFigureKey,
} from '../domain/figures/catalog.js';
import type { Figures } from '../domain/figures/compute.js';
import { formatAmount, formatPercent, type MoneyUnit } from '../domain/money/index.js';
import { padDisplay, percentCell } from './output.js';

/** Every figure as a Chinese table for the terminal (amounts in the dataset's unit, percents to 2 decimals). */
export function figuresText(figures: Figures, unit: MoneyUnit): string {
  const rows: string[] = [`金额单位：${unit}`, ''];
  // A figure whose raw facts the document does not state is left out, never printed as a zero.
  for (const key of Object.keys(AMOUNT_FIGURES) as AmountFigureKey[]) {
    if (figures.unavailable.has(key)) continue;
    rows.push(`${padDisplay(AMOUNT_FIGURES[key], 40)} ${formatAmount(figures.amounts[key].value, unit).padStart(12)}`);
  }
  rows.push('');
  for (const key of Object.keys(PERCENT_FIGURES) as PercentFigureKey[]) {
    if (figures.unavailable.has(key)) continue;
    rows.push(`${padDisplay(PERCENT_FIGURES[key], 44)} ${percentCell(figures.percents[key]).padStart(8)}`);
  }
  if (figures.projects.length > 0)
    rows.push('', '项目：年初预算 / 追加 / 实际支出 / 上缴财政 / 结转结余 / 执行率（年初口径） / 执行率（全年口径）');
  for (const p of figures.projects) {
    const amounts = [p.yearStartBudget, p.supplementary, p.actual, p.returnedToTreasury, p.carriedForward].map((v) =>
      formatAmount(v, unit).padStart(9),
    );
    rows.push(
      `  ${padDisplay(p.name, 36)}${amounts.join('')} ${percentCell(p.executionRateYearStart).padStart(8)} ${percentCell(p.executionRate).padStart(8)}`,
    );
  }
  if (figures.threePublic.length > 0) rows.push('', '“三公”经费：预算数 / 决算数 / 执行率');
  for (const t of figures.threePublic) {
    rows.push(
      `  ${padDisplay(t.label, 22)}${(t.budgetStated ? formatAmount(t.budget, unit) : '—').padStart(9)}${formatAmount(t.actual, unit).padStart(9)} ${percentCell(t.executionRate).padStart(8)}`,
    );
  }
  if (figures.paymentProgress !== null) {
    rows.push('', '支付进度：截至月末 / 累计支付进度 / 序时进度 / 落后（百分点）');
    for (const p of figures.paymentProgress.points) {
      rows.push(
        `  ${String(p.month).padStart(2)} 月末 ${percentCell(p.progress).padStart(8)} ${percentCell(p.schedule).padStart(8)} ${(p.lag === null ? '—' : formatPercent(p.lag)).padStart(8)}`,
      );
    }
  }
  const s = figures.staffing;
  if (s !== null)
    rows.push(
      '',
      `编制 ${s.authorizedTotal} 人，在职 ${s.inPost} 人，在职人员控制率 ${percentCell(s.inPostControlRate)}`,
    );
  return rows.join('\n');
}
