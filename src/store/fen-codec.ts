import { fen, type Fen } from '../domain/money/index.js';

/** The one money codec of the store: Fen ⇄ the INTEGER / BIGINT column value. */
export function fenToDb(value: Fen): string {
  return value.toString();
}

/** Reads a fen column: better-sqlite3 gives a number, pg gives int8 as a string, some drivers a bigint. */
export function fenFromDb(value: number | string | bigint): Fen {
  if (typeof value === 'bigint') return fen(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`金额列的值不是安全整数：${value}`);
    return fen(BigInt(value));
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`金额列的值不是整数：${value}`);
  return fen(BigInt(value));
}
