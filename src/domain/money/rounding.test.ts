import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideHalfUp, roundToStep } from './rounding.js';

describe('divideHalfUp', () => {
  it.each([
    [1n, 2n, 1n],
    [3n, 2n, 2n],
    [5n, 2n, 3n],
    [4n, 3n, 1n],
    [125n, 10n, 13n],
    [124n, 10n, 12n],
    [-125n, 10n, -13n],
    [-124n, 10n, -12n],
    [125n, -10n, -13n],
    [0n, 7n, 0n],
  ])('rounds %i ÷ %i half-up to %i', (n, d, expected) => {
    expect(divideHalfUp(n, d)).toBe(expected);
  });

  it('throws on a zero denominator', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('is within half a unit of the true quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divideHalfUp(n, d);
          const twiceError = 2n * (q * d - n);
          return twiceError <= d && twiceError >= -d;
        },
      ),
    );
  });

  it('is symmetric in sign', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        return divideHalfUp(-n, d) === -divideHalfUp(n, d);
      }),
    );
  });
});

describe('roundToStep', () => {
  it('rounds fen to whole 0.01 万元 steps half-up', () => {
    expect(roundToStep(5_965_000n, 10_000n)).toBe(5_970_000n);
    expect(roundToStep(5_964_999n, 10_000n)).toBe(5_960_000n);
  });
});
