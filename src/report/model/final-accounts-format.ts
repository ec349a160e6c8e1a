import type { Dataset } from '../../domain/dataset/schema.js';
import type { AmountFigureKey, FigureKey, PercentFigureKey } from '../../domain/figures/catalog.js';
import type { Figures } from '../../domain/figures/compute.js';
import { printedFigures, type PrintedFigures } from '../../domain/figures/printed-figures.js';
import {
  absFen,
  formatAmount,
  formatPercent,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../../domain/money/index.js';

/**
 * How a 决算说明 prints its figures: as 决算公开 documents do, amounts always with two decimals and the unit
 * ("1172.80万元"), rates with two decimals ("6.34%"). Every figure comes from `Figures` under the printed-figure rule;
 * a figure the document does not state (`figures.unavailable`, or null) is never printed, not even as 0.
 */
export type FinalAccountsContext = {
  dataset: Dataset;
  figures: Figures;
  printed: PrintedFigures;
  unit: MoneyUnit;
  /** The printed amount, or null when the document does not state its raw facts. */
  amount: (key: AmountFigureKey) => Fen | null;
  /** The printed rate, or null when unstated or undefined (zero denominator). */
  percent: (key: PercentFigureKey) => Percent | null;
};

export function finalAccountsContext(dataset: Dataset, figures: Figures): FinalAccountsContext {
  const printed = printedFigures(dataset, figures);
  const stated = (key: FigureKey) => !figures.unavailable.has(key);
  return {
    dataset,
    figures,
    printed,
    unit: dataset.unit,
    amount: (key) => (stated(key) ? printed.amount(key) : null),
    percent: (key) => (stated(key) ? printed.percent(key) : null),
  };
}

/** "1172.80万元". */
export function money(value: Fen, unit: MoneyUnit): string {
  return `${formatAmount(value, unit)}${unit}`;
}

/** "6.34%" (two decimals). */
export function rate(value: Percent): string {
  return `${formatPercent(value)}%`;
}

/** A table cell: "1172.80", or "—" for a figure the document does not state. */
export function moneyCell(value: Fen | null | undefined, unit: MoneyUnit): string {
  return value === null || value === undefined ? '—' : formatAmount(value, unit);
}

export function rateCell(value: Percent | null | undefined): string {
  return value === null || value === undefined ? '—' : rate(value);
}

const absPercent = (value: Percent): Percent => (value < 0n ? 0n - value : value) as Percent;

/** "增加66.60万元，增长6.34%", "减少1.50万元，下降8.57%", "持平". */
export function changePhrase(change: Fen, changeRate: Percent | null, unit: MoneyUnit): string {
  if (change === 0n) return '持平';
  const up = change > 0n;
  const amount = `${up ? '增加' : '减少'}${money(absFen(change), unit)}`;
  return changeRate === null ? amount : `${amount}，${up ? '增长' : '下降'}${rate(absPercent(changeRate))}`;
}

/** A signed table cell for 增减额: "66.60", "-1.50". */
export function changeCell(change: Fen | null, unit: MoneyUnit): string {
  return change === null ? '—' : formatAmount(change, unit);
}

/** "财政拨款" → "财政拨款收入"; a source already named …收入 ("其他收入", "事业收入") keeps its name. */
export function incomeSourceLabel(source: string): string {
  return source.endsWith('收入') ? source : `${source}收入`;
}
