import { formatAmount, formatPercent, FEN_PER_UNIT, type Fen, type MoneyUnit, type Percent } from '../money/index.js';
import type { FieldPath, Finding, Severity } from '../findings/finding.js';
import { formatPoints, type Points } from '../scoring/points.js';

/** Where the findings of one table go: its index in `dataset.forms`, its name and the dataset's unit. */
export type FormPlace = { index: number; name: string; unit: MoneyUnit };

export function at(place: FormPlace, ...keys: (string | number)[]): FieldPath {
  return ['forms', place.index, ...keys];
}

export function finding(
  severity: Severity,
  code: string,
  message: string,
  path: FieldPath,
  figures?: Readonly<Record<string, string>>,
): Finding {
  return figures === undefined ? { severity, code, message, path } : { severity, code, message, path, figures };
}

export const pts = (p: Points): string => formatPoints(p);
export const pct = (p: Percent): string => `${formatPercent(p)}%`;
export const amt = (fen: Fen, unit: MoneyUnit): string => `${formatAmount(fen, unit)}${unit}`;

/** Scores differ beyond 0.01 point (a printed score rounded once more is not a slip). */
export function pointsDiffer(a: Points, b: Points): boolean {
  const d = a - b;
  return d > 1n || d < -1n;
}

/**
 * Sums of `parts` printed amounts may differ from the printed total by half a printed cent per figure (each printed
 * at 2 decimals of the unit); exact amounts in 元 must add up exactly.
 */
export function amountsDiffer(a: Fen, b: Fen, parts: number, unit: MoneyUnit): boolean {
  const tolerance = (FEN_PER_UNIT[unit] / 200n) * BigInt(parts + 1);
  const d = a - b;
  return d > tolerance || d < -tolerance;
}

/** "项目支出绩效自评表“XX项目”" for messages. */
export function tableLabel(title: string, name: string): string {
  return `${title}“${name}”`;
}
