import { describe, expect, it } from 'vitest';
import { fen } from '../domain/money/index.js';
import { fenFromDb, fenToDb } from './fen-codec.js';

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
  });
});
