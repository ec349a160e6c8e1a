// Source: standards.md §6: rates are printed at 2 decimals, half-up; some forms print fewer ("85%"). A printed rate
// within rounding of the computed one is as printed; 100 % is held to 2 decimals ("100 %" printed where more or
// less was spent is a slip of its own).
import { divideHalfUp, ratio, roundAmount, type Fen, type MoneyUnit, type Percent } from '../money/index.js';

const FULL = 10_000n;

/** True when `printed` is `computed` as a form would print it (2, 1 or 0 decimals, or from the printed amounts). */
export function rateAsPrinted(
  printed: Percent,
  computed: Percent | null,
  amounts?: { actual: Fen | null; budget: Fen | null; unit: MoneyUnit },
): boolean {
  if (computed === null) return false;
  if (printed === computed) return true;
  if (printed === FULL) return false;
  if (amounts !== undefined && amounts.actual !== null && amounts.budget !== null) {
    const fromPrinted = ratio(roundAmount(amounts.actual, amounts.unit), roundAmount(amounts.budget, amounts.unit));
    if (fromPrinted === printed) return true;
  }
  if (printed % 100n === 0n && divideHalfUp(computed, 100n) * 100n === printed) return true;
  return printed % 10n === 0n && divideHalfUp(computed, 10n) * 10n === printed;
}

/** A rate printed as 100 % where the figures give another. */
export function printedAsFull(printed: Percent, computed: Percent | null): boolean {
  return printed === FULL && computed !== null && computed !== FULL;
}
