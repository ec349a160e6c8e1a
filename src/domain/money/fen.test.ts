import { describe, expect, it } from 'vitest';
import { fen, formatAmount, parseAmount, roundAmount, sumFen } from './fen.js';

describe('parseAmount', () => {
  it('reads 万元 into exact fen', () => {
    expect(parseAmount('596.04', '万元')).toEqual({ ok: true, fen: 596_040_000n });
    expect(parseAmount(596.04, '万元')).toEqual({ ok: true, fen: 596_040_000n });
    expect(parseAmount('0.000001', '万元')).toEqual({ ok: true, fen: 1n });
  });

  it('reads 元 into exact fen', () => {
    expect(parseAmount('5960400.15', '元')).toEqual({ ok: true, fen: 596_040_015n });
  });

  it('refuses more decimals than the unit holds in fen', () => {
    expect(parseAmount('1.001', '元')).toEqual({ ok: false, error: 'TOO_MANY_DECIMALS' });
    expect(parseAmount('1.0000001', '万元')).toEqual({ ok: false, error: 'TOO_MANY_DECIMALS' });
  });

  it('sums without float error', () => {
    const values = ['0.1', '0.2', '0.3'].map((t) => {
      const r = parseAmount(t, '元');
      if (!r.ok) throw new Error('parse');
      return r.fen;
    });
    expect(sumFen(values)).toBe(60n);
  });
});

describe('formatAmount', () => {
  it.each([
    [596_040_000n, '万元', '596.04'],
    [596_045_000n, '万元', '596.05'],
    [596_044_999n, '万元', '596.04'],
    [-5_645_000n, '万元', '-5.65'],
    [0n, '万元', '0.00'],
    [596_040_015n, '元', '5960400.15'],
  ] as const)('writes %i fen in %s as %s (half-up)', (value, unit, expected) => {
    expect(formatAmount(fen(value), unit)).toBe(expected);
  });

  it('rounds to the printed figure, still in fen', () => {
    expect(roundAmount(fen(596_045_000n), '万元')).toBe(596_050_000n);
  });
});
