import {
  formatAmount,
  formatPercent,
  parsePercent,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../../src/domain/money/index.js';

/** 596.04 (2 decimals, half-up), through the domain's one rounding function. */
export function amountText(value: Fen, unit: MoneyUnit): string {
  return formatAmount(value, unit, 2);
}

/** "84.18%", or "—" when there is no rate (zero denominator). */
export function percentText(value: Percent | null): string {
  return value === null ? '—' : `${formatPercent(value)}%`;
}

/** A wire percentage as a number for sorting and charts only (never for money). */
export function wirePercentNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const parsed = parsePercent(value);
  return parsed.ok ? Number(parsed.percent) / 100 : null;
}

export { wirePercentText } from './wire-format.js';

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
export const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Today as YYYY-MM-DD on the user's own calendar (not UTC: before 08:00 in Beijing, UTC is still yesterday). */
export function localDateText(day: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
