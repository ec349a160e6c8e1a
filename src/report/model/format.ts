import { formatAmount, formatPercent, type Fen, type MoneyUnit, type Percent } from '../../domain/money/index.js';

export { amountPhrase, percentPhrase } from '../../domain/money/index.js';

/**
 * How the report prints numbers (one rule for every format): sentences use the domain's amountPhrase and
 * percentPhrase (2 decimals, trailing zeros dropped, as the seed writes them); tables always show exactly
 * 2 decimals ("187.10"), so that columns line up.
 */

/** "187.10" (table form, no unit: the unit is in the column header). */
export function amountCell(value: Fen, unit: MoneyUnit): string {
  return formatAmount(value, unit);
}

/** A plotted value: the printed 2-decimal figure as a number, for chart axes only (never for arithmetic). */
export function plotAmount(value: Fen, unit: MoneyUnit): number {
  return Number(formatAmount(value, unit));
}

export function plotPercent(value: Percent): number {
  return Number(formatPercent(value));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 中文数字 for small counts (1–99): 4 → 四, 12 → 十二, 21 → 二十一; larger counts stay Arabic. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** 序号 of a level-2 heading: 1 → "（一）". */
export function headingNumber(n: number): string {
  return `（${chineseCount(n)}）`;
}
