import { formatScaled } from '../money/decimal.js';
import {
  absFen,
  formatAmount,
  FEN_PER_UNIT,
  formatPercent,
  percent,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../money/index.js';
import type { AmountFigure } from './amount-figure.js';
import type { Severity } from '../findings/finding.js';

/** "596.06万元" */
export function amountText(value: Fen, unit: MoneyUnit): string {
  return `${formatAmount(value, unit)}${unit}`;
}

/** "84.18%" */
export function percentText(value: Percent): string {
  return `${formatPercent(value)}%`;
}

export type AmountComparison = {
  /** null when the two agree once both are rounded to 0.01 of the unit. */
  severity: Extract<Severity, 'error' | 'info'> | null;
  difference: Fen;
  /** n × 0.005 of the unit, as text with 3 decimals ("0.085"). */
  toleranceText: string;
};

/**
 * Compares a computed amount with a stated one. Each of the figure's `parts` raw inputs was rounded to
 * 0.01, so up to parts × 0.005 of difference is a rounding difference (info); beyond that, an error.
 */
export function compareAmount(computed: AmountFigure, stated: Fen, unit: MoneyUnit): AmountComparison {
  const step = FEN_PER_UNIT[unit] / 100n;
  const difference = (computed.value - stated) as Fen;
  const toleranceText = formatScaled(BigInt(computed.parts) * 5n, 3);
  const roundedEqual = formatAmount(computed.value, unit) === formatAmount(stated, unit);
  if (roundedEqual) return { severity: null, difference, toleranceText };
  const withinTolerance = 2n * absFen(difference) <= BigInt(computed.parts) * step;
  return { severity: withinTolerance ? 'info' : 'error', difference, toleranceText };
}

/** Stated vs computed percentage: equal at 2 decimals is fine; 0.01 apart is rounding (info); more is an error. */
export function comparePercent(
  computed: Percent,
  stated: Percent,
): { severity: 'error' | 'info' | null; difference: Percent } {
  const difference = percent(computed - stated);
  const magnitude = difference < 0n ? 0n - difference : difference;
  if (magnitude === 0n) return { severity: null, difference };
  return { severity: magnitude <= 1n ? 'info' : 'error', difference };
}

/** An exact amount with at least 2 decimals and no trailing zeros beyond ("0.02万元", "0.0015万元"). */
export function exactAmountText(value: Fen, unit: MoneyUnit): string {
  const exact = formatAmount(value, unit, unit === '万元' ? 6 : 2);
  return `${exact.replace(/(\.\d\d\d*?)0+$/, '$1')}${unit}`;
}

/** The size of a difference, exact, without its sign ("相差 0.01万元"). */
export function differenceText(value: Fen, unit: MoneyUnit): string {
  return exactAmountText(absFen(value), unit);
}
