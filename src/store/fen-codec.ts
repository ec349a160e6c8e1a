import { fen, type Fen, type Percent } from '../domain/money/index.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A value a BIGINT column cannot hold (outside signed 64 bits). Valid datasets never reach it (the schema bounds
 * amounts at 10^15 元), so this is the last guard: the write is refused before any row is committed, and the
 * API answers 400, never a 500 after a partial write.
 */
export class StoreRangeError extends RangeError {
  readonly code = 'STORE_VALUE_OUT_OF_RANGE';
  constructor(
    readonly column: string,
    readonly value: bigint,
  ) {
    super(`${column}超出数据库可存储的范围：${value}`);
    this.name = 'StoreRangeError';
  }
}

function int64ToDb(column: string, value: bigint): string {
  if (value < INT64_MIN || value > INT64_MAX) throw new StoreRangeError(column, value);
  return value.toString();
}

function int64FromDb(column: string, value: number | string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${column}列的值不是安全整数：${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`${column}列的值不是整数：${value}`);
  return BigInt(value);
}

/** The one money codec of the store: Fen ⇄ the INTEGER / BIGINT column value (range-checked on the way in). */
export function fenToDb(value: Fen): string {
  return int64ToDb('金额', value);
}

/** Reads a fen column: better-sqlite3 gives a number, pg gives int8 as a string, some drivers a bigint. */
export function fenFromDb(value: number | string | bigint): Fen {
  return fen(int64FromDb('金额', value));
}

/** 执行率 in hundredths of a percent ⇄ its BIGINT column, exact (no Number() on the way). */
export function percentToDb(value: Percent): string {
  return int64ToDb('执行率', value);
}

export function percentFromDb(value: number | string | bigint): Percent {
  return int64FromDb('执行率', value) as Percent;
}
