import { describe, expect, it } from 'vitest';
import { fen } from './fen.js';
import { applyPercent, formatPercent, parsePercent, percent, ratio } from './percent.js';

describe('ratio', () => {
  it.each([
    [9_766n, 11_602n, '84.18'],
    [1n, 800n, '0.13'],
    [1_821n, 2_350n, '77.49'],
    [476n, 500n, '95.20'],
    [700n, 700n, '100.00'],
    [24_471n, 30_000n, '81.57'],
    [-1n, 800n, '-0.13'],
  ])('%i ÷ %i is %s %% (half-up to 2 decimals)', (part, whole, expected) => {
    const value = ratio(part, whole);
    expect(value === null ? null : formatPercent(value)).toBe(expected);
  });

  it('gives null, not NaN, when the whole is zero', () => {
    expect(ratio(0n, 0n)).toBeNull();
    expect(ratio(5n, 0n)).toBeNull();
  });
});

describe('formatPercent', () => {
  it('can trim zeros the way the seed prints some rates', () => {
    expect(formatPercent(percent(9520n), { trimZeros: true })).toBe('95.2');
    expect(formatPercent(percent(10_000n), { trimZeros: true })).toBe('100');
    expect(formatPercent(percent(6411n), { trimZeros: true })).toBe('64.11');
  });
});

describe('parsePercent and applyPercent', () => {
  it('reads stated percentages with or without the sign', () => {
    expect(parsePercent('64.11%')).toEqual({ ok: true, percent: 6411n });
    expect(parsePercent(4.6)).toEqual({ ok: true, percent: 460n });
    expect(parsePercent('4.605')).toEqual({ ok: false, error: 'TOO_MANY_DECIMALS' });
  });

  it('applies a percentage to an amount, half-up to the fen', () => {
    expect(applyPercent(percent(460n), fen(300_000_000n))).toBe(13_800_000n);
  });
});
