import type { Fen } from '../../domain/money/index.js';
import type { LedgerCell, LedgerDay } from '../../domain/ledger/ledger-records.js';
import type { BudgetIndex } from './budget-index.js';
import { sumOf, type SplitTable } from './split-sums.js';

/** Days a department's sums hold (index 1–366). */
export const DAYS = 367;

/** The codes behind the sums' ids. */
type Codes = Pick<BudgetIndex, 'departmentCodes' | 'economicCodes' | 'pairs'>;

/** The cell sums as ledger-aggregates.ts keeps them: a key per cell (pair × economic codes + code), 12 months each. */
type CellSums = { cellKeys: Float64Array; cellCount: number; cellSums: SplitTable; spilled: boolean };

/** Every non-empty (cell, month) of the sums with its codes. */
export function* cellRecords(sums: CellSums, codes: Codes, economicCount: number): Generator<LedgerCell> {
  const { cellKeys, cellCount, cellSums, spilled } = sums;
  for (let cell = 0; cell < cellCount; cell++) {
    const key = cellKeys[cell]!;
    const pair = codes.pairs[Math.floor(key / economicCount)]!;
    const economicCode = codes.economicCodes[key % economicCount]!;
    for (let month = 1; month <= 12; month++) {
      const at = cell * 12 + month - 1;
      const payments = cellSums.low[at * 2 + 1]!;
      if (payments === 0) continue;
      yield {
        departmentCode: codes.departmentCodes[pair.departmentId]!,
        projectCode: pair.projectCode,
        economicCode,
        month,
        amount: BigInt(sumOf(cellSums, at, spilled)) as Fen,
        payments,
      };
    }
  }
}

/** Every department's non-empty days (the day sums hold DAYS entries a department). */
export function* dayRecords(daySums: SplitTable, spilled: boolean, codes: Codes): Generator<LedgerDay> {
  for (let at = 0; at < daySums.high.length; at++) {
    const payments = daySums.low[at * 2 + 1]!;
    if (payments === 0) continue;
    const departmentCode = codes.departmentCodes[Math.floor(at / DAYS)]!;
    yield { departmentCode, day: at % DAYS, amount: BigInt(sumOf(daySums, at, spilled)) as Fen, payments };
  }
}
