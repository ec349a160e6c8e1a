import { formatScaled, numberToDecimalText, parseScaledDecimal, type DecimalParseError } from './decimal.js';
import { divideHalfUp } from './rounding.js';

/** An exact amount of money in 分 (fen). A branded bigint: plain numbers and bigints do not pass as Fen. */
export type Fen = bigint & { readonly __unit: 'fen' };

/** 金额单位: the unit a dataset writes its amounts in. */
export type MoneyUnit = '万元' | '元';

export const MONEY_UNITS: readonly MoneyUnit[] = ['万元', '元'];

/** Fen in one unit; the only place unit conversion factors live. */
export const FEN_PER_UNIT: Readonly<Record<MoneyUnit, bigint>> = { 万元: 1_000_000n, 元: 100n };

/** Decimals a unit can carry exactly in fen (万元: 6, 元: 2). */
export const EXACT_DECIMALS: Readonly<Record<MoneyUnit, number>> = { 万元: 6, 元: 2 };

export const ZERO_FEN = 0n as Fen;

export function fen(value: bigint): Fen {
  return value as Fen;
}

export function sumFen(values: readonly Fen[]): Fen {
  let total = 0n;
  for (const v of values) total += v;
  return total as Fen;
}

export function absFen(a: Fen): Fen {
  return (a < 0n ? 0n - a : a) as Fen;
}

export type AmountParseResult = { ok: true; fen: Fen } | { ok: false; error: DecimalParseError };

/** Parses an amount written in `unit` ("596.04" 万元 → 5 960 400 00 fen). Numbers are read via their decimal text. */
export function parseAmount(input: string | number, unit: MoneyUnit): AmountParseResult {
  const text = typeof input === 'number' ? numberToDecimalText(input) : input;
  if (text === null) return { ok: false, error: 'NOT_A_NUMBER' };
  const parsed = parseScaledDecimal(text, EXACT_DECIMALS[unit]);
  if (!parsed.ok) return parsed;
  const scaleFactor = FEN_PER_UNIT[unit] / 10n ** BigInt(EXACT_DECIMALS[unit]);
  return { ok: true, fen: (parsed.value * scaleFactor) as Fen };
}

/** Rounds an amount half-up to `decimals` places of `unit` and writes it ("5960400" fen, 万元 → "5.96"). */
export function formatAmount(amount: Fen, unit: MoneyUnit, decimals = 2): string {
  const step = FEN_PER_UNIT[unit] / 10n ** BigInt(decimals);
  if (step < 1n) throw new RangeError(`formatAmount: ${unit} has no ${decimals} decimals in fen`);
  return formatScaled(divideHalfUp(amount, step), decimals);
}

/** The amount rounded half-up to `decimals` places of `unit`, still in fen (what a printed figure "is"). */
export function roundAmount(amount: Fen, unit: MoneyUnit, decimals = 2): Fen {
  const step = FEN_PER_UNIT[unit] / 10n ** BigInt(decimals);
  return (divideHalfUp(amount, step) * step) as Fen;
}

/** Amount on the wire and in exports: decimal string with 2 places in the given unit. */
export function amountToWire(amount: Fen, unit: MoneyUnit): string {
  return formatAmount(amount, unit, 2);
}
