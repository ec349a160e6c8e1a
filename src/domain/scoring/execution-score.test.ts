import { describe, expect, it } from 'vitest';
import { fen, percent } from '../money/index.js';
import { applicableCap, capTotal } from './execution-cap.js';
import { executionRate, pointsForRate } from './execution-score.js';
import { gradeFor } from './grade.js';
import { findBuiltinPack, nationalPack } from './packs/builtin-packs.js';
import { formatPoints, points } from './points.js';

describe('execution score = weight × rate, capped at the weight', () => {
  it.each([
    [8487n, '8.49'],
    [9324n, '9.32'],
    [10_000n, '10.00'],
    [12_000n, '10.00'],
    [0n, '0.00'],
    [-500n, '0.00'],
    [5n, '0.01'],
    [4n, '0.00'],
  ])('rate %i (hundredths of a percent) → %s points of 10', (rate, expected) => {
    expect(formatPoints(pointsForRate(points(1000n), percent(rate)))).toBe(expected);
  });

  it('gives 0 points when the budget is zero (no rate, never NaN)', () => {
    const rate = executionRate(fen(100n), fen(0n));
    expect(rate).toBeNull();
    expect(pointsForRate(points(1000n), rate)).toBe(0n);
  });

  it('computes the seed rate on the full-year budget: 840.75 ÷ 990.59 = 84.87 %', () => {
    expect(executionRate(fen(840_750_000n), fen(990_590_000n))).toBe(8487n);
  });
});

describe('grades', () => {
  it.each([
    ['100.00', '优'],
    ['90.00', '优'],
    ['89.99', '良'],
    ['80.00', '良'],
    ['79.99', '中'],
    ['60.00', '中'],
    ['59.99', '差'],
    ['0.00', '差'],
  ])('total %s → %s', (total, grade) => {
    expect(gradeFor(points(BigInt(total.replace('.', ''))), nationalPack().grades)).toBe(grade);
  });
});

describe('total caps by execution rate (Hunan-style add-on)', () => {
  const caps = findBuiltinPack('hunan')?.addOns.executionCaps ?? [];
  it.each([
    [8000n, null],
    [7999n, '89.00'],
    [6999n, '79.00'],
    [5999n, '69.00'],
    [4999n, '59.00'],
    [0n, '59.00'],
  ])('rate %i → cap %s', (rate, expected) => {
    const cap = applicableCap(percent(rate), caps);
    expect(cap === null ? null : formatPoints(cap.maxTotal)).toBe(expected);
  });

  it('applies no cap when there is no rate', () => {
    expect(applicableCap(null, caps)).toBeNull();
  });

  it('lowers only a total above the cap', () => {
    const cap = applicableCap(percent(7500n), caps);
    expect(capTotal(points(9500n), cap)).toBe(8900n);
    expect(capTotal(points(8000n), cap)).toBe(8000n);
  });

  it('has no caps in the national pack', () => {
    expect(applicableCap(percent(1000n), nationalPack().addOns.executionCaps)).toBeNull();
  });
});
