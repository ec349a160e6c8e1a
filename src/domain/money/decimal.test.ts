import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatScaled, numberToDecimalText, parseScaledDecimal } from './decimal.js';

describe('parseScaledDecimal', () => {
  it.each([
    ['596.04', 2, 59604n],
    ['596.040', 2, 59604n],
    ['0.5', 2, 50n],
    ['.5', 2, 50n],
    ['7', 2, 700n],
    ['-5.64', 2, -564n],
    ['1,234.5', 2, 123450n],
    [' 88.91 ', 2, 8891n],
    ['88.91', 6, 88910000n],
  ])('reads %s at scale %i as %i', (text, scale, expected) => {
    expect(parseScaledDecimal(text, scale)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '1.2.3', '1e3', '--1', '五'])('refuses %j as not a number', (text) => {
    expect(parseScaledDecimal(text, 2)).toEqual({ ok: false, error: 'NOT_A_NUMBER' });
  });

  it('refuses a third decimal rather than guessing', () => {
    expect(parseScaledDecimal('596.045', 2)).toEqual({ ok: false, error: 'TOO_MANY_DECIMALS' });
  });

  it('round-trips through formatScaled', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (value) => {
        const parsed = parseScaledDecimal(formatScaled(value, 2), 2);
        return parsed.ok && parsed.value === value;
      }),
    );
  });
});

describe('numberToDecimalText', () => {
  it('gives back the text that was typed for YAML/JSON numbers', () => {
    expect(numberToDecimalText(596.04)).toBe('596.04');
    expect(numberToDecimalText(-0.5)).toBe('-0.5');
    expect(numberToDecimalText(123456789012.345)).toBe('123456789012.345');
    expect(numberToDecimalText(Number.NaN)).toBeNull();
  });

  it('refuses numbers a float cannot carry exactly (more than 15 significant digits, or exponent form)', () => {
    expect(numberToDecimalText(0.1 + 0.2)).toBeNull();
    expect(numberToDecimalText(Number('12345678901.234567'))).toBeNull();
    expect(numberToDecimalText(1e21)).toBeNull();
    expect(numberToDecimalText(1e-7)).toBeNull();
  });
});
