import { describe, expect, it } from 'vitest';
import { readQuantity, type ExactQuantity } from './exact-quantity.js';
import { formatPoints, parsePoints, type Points } from './points.js';
import { scoreAtLeast, scoreAtMost, scoreEqual } from './quantitative-formulas.js';

const q = (text: string): ExactQuantity => {
  const value = readQuantity(text);
  if (value === null) throw new Error(text);
  return value;
};
const w = (text: string): Points => parsePoints(text) ?? (0n as Points);

describe('≥ indicators (proportional)', () => {
  it.each([
    ['10', '100', '120', '10.00'],
    ['10', '100', '100', '10.00'],
    ['10', '100', '80', '8.00'],
    ['10', '63475', '60000', '9.45'],
    ['5', '3', '2', '3.33'],
    ['5', '3', '1', '1.67'],
    ['10', '95', '97.50', '10.00'],
    ['10', '100', '0', '0.00'],
    ['10', '100', '-5', '0.00'],
    ['10', '0', '0', '10.00'],
    ['10', '0', '-1', '0.00'],
    ['10', '-10', '-20', '0.00'],
    ['0', '100', '50', '0.00'],
  ])('weight %s, target %s, actual %s → %s', (weight, target, actual, expected) => {
    const result = scoreAtLeast('proportional', w(weight), q(target), q(actual));
    expect(formatPoints(result.score)).toBe(expected);
    expect(result.rule).not.toBe('');
  });

  it.each([
    ['100', '99', '0.00'],
    ['100', '100', '10.00'],
  ])('all-or-nothing: target %s, actual %s → %s', (target, actual, expected) => {
    expect(formatPoints(scoreAtLeast('allOrNothing', w('10'), q(target), q(actual)).score)).toBe(expected);
  });
});

describe('≤ indicators (linear to twice the target)', () => {
  it.each([
    ['10', '40', '36', '10.00'],
    ['10', '40', '40', '10.00'],
    ['10', '40', '50', '7.50'],
    ['10', '40', '60', '5.00'],
    ['10', '40', '79', '0.25'],
    ['10', '40', '80', '0.00'],
    ['10', '40', '120', '0.00'],
    ['10', '3', '4', '6.67'],
    ['10', '0', '0', '10.00'],
    ['10', '0', '-1', '10.00'],
    ['10', '0', '1', '0.00'],
    ['10', '0', '0.01', '0.00'],
  ])('weight %s, target %s, actual %s → %s', (weight, target, actual, expected) => {
    expect(formatPoints(scoreAtMost('linearToDouble', w(weight), q(target), q(actual)).score)).toBe(expected);
  });

  it('all-or-nothing gives 0 just above the target', () => {
    expect(scoreAtMost('allOrNothing', w('10'), q('40'), q('40.5')).score).toBe(0n);
  });
});

describe('= indicators', () => {
  it.each([
    ['10', '0', '0', '10.00'],
    ['10', '0', '-2', '10.00'],
    ['10', '0', '1', '0.00'],
    ['10', '100', '100', '10.00'],
    ['10', '100', '100.0', '10.00'],
    ['10', '100', '90', '9.00'],
    ['10', '100', '110', '9.00'],
    ['10', '100', '150', '5.00'],
    ['10', '100', '200', '0.00'],
    ['10', '100', '-50', '0.00'],
    ['10', '-20', '-15', '7.50'],
  ])('weight %s, target %s, actual %s → %s', (weight, target, actual, expected) => {
    expect(formatPoints(scoreEqual('relativeDeviation', w(weight), q(target), q(actual)).score)).toBe(expected);
  });

  it('all-or-nothing with a nonzero target gives 0 for any deviation', () => {
    expect(scoreEqual('allOrNothing', w('10'), q('100'), q('99.99')).score).toBe(0n);
  });
});

describe('exact arithmetic', () => {
  it('rounds half-up at 0.01 point (10 × 1 ÷ 8 = 1.25; 1 × 1 ÷ 8 = 0.125 → 0.13)', () => {
    expect(formatPoints(scoreAtLeast('proportional', w('10'), q('8'), q('1')).score)).toBe('1.25');
    expect(formatPoints(scoreAtLeast('proportional', w('1'), q('8'), q('1')).score)).toBe('0.13');
  });

  it('never gives NaN-like values for very small and very large quantities', () => {
    const score = scoreAtLeast('proportional', w('10'), q('123456789012.123456'), q('0.000001')).score;
    expect(typeof score).toBe('bigint');
    expect(score).toBe(0n);
  });
});
