import { describe, expect, it } from 'vitest';
import type { Percent } from '../money/index.js';
import { readQuantity, type ExactQuantity } from './exact-quantity.js';
import { beatenBy, beatenTargetPhrase, overAchievement } from './over-achievement.js';

const q = (text: string): ExactQuantity => {
  const value = readQuantity(text);
  if (value === null) throw new Error(text);
  return value;
};

describe('a beaten target, by direction', () => {
  it('measures a ≤ ceiling undercut from below: (target − actual) ÷ target', () => {
    expect(overAchievement('≤', q('30'), q('5'))).toBe(8333n);
    expect(beatenBy('≤', q('30'), q('21'), 3000n as Percent)).toBe(true);
    expect(beatenBy('≤', q('30'), q('21.01'), 3000n as Percent)).toBe(false);
  });

  it('words a ≤ ceiling undercut far as too loose, never as exceeded or too low', () => {
    const text = beatenTargetPhrase('≤', { name: '指标“办结时限”', target: '30天', actual: '5天', share: '83.33%' });
    expect(text).toBe('指标“办结时限”实际值 5天 低于上限 30天 达 83.33%，上限可能定得过宽（过于宽松）。');
    expect(text).not.toMatch(/超出|偏低/);
  });

  it('words a ≥ target beaten far as set too low', () => {
    const text = beatenTargetPhrase('≥', { name: '指标“办件量”', target: '100件', actual: '130件', share: '30%' });
    expect(text).toContain('超出目标值 100件 达 30%，目标设定可能偏低');
  });
});
