import { describe, expect, it } from 'vitest';
import { findBuiltinPack } from '../scoring/packs/builtin-packs.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { selfEvaluate } from './self-evaluate.js';

function packNamed(name: string) {
  const pack = findBuiltinPack(name);
  if (pack === null) throw new Error(`no pack ${name}`);
  return pack;
}

const dataset = (() => {
  const input = minimalDatasetInput();
  input.paymentProgress = {
    scope: 'project',
    base: 'yearStartBudget',
    points: [
      { month: 6, cumulativePercent: '40' },
      { month: 9, cumulativePercent: '60' },
    ],
  };
  input.indicators = [
    { level1: '产出', level2: '数量', name: '办件量', direction: '≥', target: '100', actual: '100', weight: '50' },
  ];
  return datasetOf(input);
})();

describe('selfEvaluate', () => {
  it('computes 序时进度 under the pack, so figures and problems agree (hunan: 45 % by June)', () => {
    const evaluation = selfEvaluate(dataset, packNamed('hunan'));
    const june = evaluation.figures.paymentProgress?.points[0];
    expect(june?.schedule).toBe(4500n);
    const lags = evaluation.problems.filter((p) => p.code === 'PAYMENT_PROGRESS_BEHIND');
    expect(lags.map((p) => p.figures['schedule'])).toEqual(['45.00']);
    expect(lags[0]?.message).toContain('低于序时进度45%');
  });

  it('uses the linear schedule under the national pack', () => {
    const evaluation = selfEvaluate(dataset, packNamed('national'));
    const lags = evaluation.problems.filter((p) => p.code === 'PAYMENT_PROGRESS_BEHIND');
    expect(lags.map((p) => [p.figures['month'], p.figures['schedule']])).toEqual([
      ['6', '50.00'],
      ['9', '75.00'],
    ]);
  });

  it('collects data checks and scoring findings in one list, errors first', () => {
    const findings = selfEvaluate(dataset, packNamed('national')).findings;
    expect(findings.length).toBeGreaterThan(0);
    const order = findings.map((f) => f.severity);
    expect(
      [...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    ).toEqual(order);
  });
});
