import { describe, expect, it } from 'vitest';
import { nationalPack } from './packs/builtin-packs.js';
import { formatPoints, parsePoints, type Points } from './points.js';
import { scoreQualitative, type Achievement } from './qualitative.js';
import type { RulePack } from './rule-pack.js';

const w = (text: string): Points => parsePoints(text) ?? (0n as Points);
const rules = (point: RulePack['qualitative']['point']): RulePack['qualitative'] => ({
  ...nationalPack().qualitative,
  point,
});

describe('定性 bands without a declared score', () => {
  it.each<[Achievement, RulePack['qualitative']['point'], string, string]>([
    ['达成', 'top', '10', '10.00'],
    ['达成', 'middle', '10', '9.00'],
    ['达成', 'bottom', '10', '8.00'],
    ['部分达成', 'top', '10', '8.00'],
    ['部分达成', 'middle', '10', '7.00'],
    ['部分达成', 'bottom', '10', '6.00'],
    ['未达成', 'top', '10', '6.00'],
    ['未达成', 'middle', '10', '3.00'],
    ['未达成', 'bottom', '10', '0.00'],
    ['达成', 'middle', '4', '3.60'],
    ['部分达成', 'middle', '3', '2.10'],
    ['达成', 'top', '0', '0.00'],
  ])('%s, point %s, weight %s → %s', (achievement, point, weight, expected) => {
    const result = scoreQualitative(w(weight), rules(point), achievement, null);
    expect(formatPoints(result.score)).toBe(expected);
    expect(result.outOfBand).toBe(false);
  });
});

describe('定性 with a declared score', () => {
  it.each<[Achievement, string, string, boolean]>([
    ['达成', '9.5', '9.50', false],
    ['达成', '8', '8.00', false],
    ['达成', '7', '8.00', true],
    ['部分达成', '9', '8.00', true],
    ['部分达成', '6.5', '6.50', false],
    ['未达成', '5.99', '5.99', false],
    ['未达成', '7', '6.00', true],
  ])('%s, declared %s → %s (out of band: %s)', (achievement, declared, expected, outOfBand) => {
    const result = scoreQualitative(w('10'), rules('top'), achievement, w(declared));
    expect(formatPoints(result.score)).toBe(expected);
    expect(result.outOfBand).toBe(outOfBand);
  });
});
