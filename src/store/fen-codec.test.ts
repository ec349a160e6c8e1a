import { describe, expect, it } from 'vitest';
import { fen, percent } from '../domain/money/index.js';
import { fenFromDb, fenToDb, percentFromDb, percentToDb, StoreRangeError } from './fen-codec.js';

describe('fen codec', () => {
  it.each([
    [596_040_000, 596_040_000n],
    ['596040000', 596_040_000n],
    [596_040_000n, 596_040_000n],
    ['-12', -12n],
    ['9007199254740993', 9_007_199_254_740_993n],
  ])('reads %s as %i fen', (input, expected) => {
    expect(fenFromDb(input)).toBe(expected);
  });

  it('refuses a non-integer value instead of rounding it', () => {
    expect(() => fenFromDb(1.5)).toThrow(RangeError);
    expect(() => fenFromDb('1.5')).toThrow(RangeError);
  });

  it('writes an integer string', () => {
    expect(fenToDb(fen(-596_040_000n))).toBe('-596040000');
    expect(fenToDb(fen(2n ** 63n - 1n))).toBe('9223372036854775807');
    expect(fenToDb(fen(-(2n ** 63n)))).toBe('-9223372036854775808');
  });

  it('refuses a value outside signed 64 bits with a typed error', () => {
    expect(() => fenToDb(fen(2n ** 63n))).toThrow(StoreRangeError);
    expect(() => fenToDb(fen(-(2n ** 63n) - 1n))).toThrow(/超出数据库可存储的范围/);
    expect(() => percentToDb(percent(2n ** 64n))).toThrow(StoreRangeError);
  });

  it('keeps an execution rate exact beyond 2^53', () => {
    const rate = percent(9_007_199_254_740_993n);
    expect(percentFromDb(percentToDb(rate))).toBe(rate);
    expect(percentFromDb(8487)).toBe(8487n);
  });
});
