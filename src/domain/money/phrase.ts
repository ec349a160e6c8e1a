import { formatAmount, type Fen, type MoneyUnit } from './fen.js';
import { formatPercent, type Percent } from './percent.js';

/**
 * How a sentence prints a figure (reports and drafted problems alike): rounded half-up to 2 decimals, trailing
 * zeros dropped, as the seed writes them ("年初预算为300万元", "0.5万元", "执行率为100%", "95.2%", "64.11%").
 * Tables print exactly 2 decimals instead (formatAmount).
 */
const trimZeros = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** "300万元", "23.5万元", "596.04万元". */
export function amountPhrase(value: Fen, unit: MoneyUnit): string {
  return `${trimZeros(formatAmount(value, unit))}${unit}`;
}

/** "64.11%", "95.2%", "100%"; "—" when the rate is undefined (zero denominator). */
export function percentPhrase(value: Percent | null): string {
  return value === null ? '—' : `${formatPercent(value, { trimZeros: true })}%`;
}
