import { describe, expect, it } from 'vitest';
import type { DatasetInput } from '../dataset/schema.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { runChecks } from './run-checks.js';

function findingsOf(change: (input: DatasetInput) => void) {
  const input = minimalDatasetInput();
  change(input);
  return runChecks(datasetOf(input));
}

const codes = (change: (input: DatasetInput) => void) => findingsOf(change).map((f) => `${f.severity}:${f.code}`);

describe('runChecks', () => {
  it('finds nothing in a consistent dataset', () => {
    expect(findingsOf(() => undefined)).toEqual([]);
  });

  it('flags a stated total beyond the rounding tolerance as an error naming both figures', () => {
    const [finding] = findingsOf((d) => {
      d.declared = { expenditureTotal: '145.10' };
    });
    expect(finding).toMatchObject({
      severity: 'error',
      code: 'TOTAL_MISMATCH',
      path: ['declared', 'expenditureTotal'],
    });
    expect(finding?.message).toBe(
      '支出决算数：报告所述 145.10万元，按原始数据计算为 145.00万元，相差 0.10万元，超出舍入容差（2 项 × 0.005 = 0.010万元）。',
    );
  });

  it('treats a difference within n × 0.005 as an info rounding difference', () => {
    expect(codes((d) => (d.declared = { expenditureTotal: '145.01' }))).toEqual(['info:TOTAL_MISMATCH']);
  });

  it('checks stated rates to the hundredth', () => {
    expect(codes((d) => (d.declared = { incomeBasicShare: '68.97' }))).toEqual([]);
    expect(codes((d) => (d.declared = { incomeBasicShare: '68.96' }))).toEqual(['info:RATE_MISMATCH']);
    expect(codes((d) => (d.declared = { incomeBasicShare: '60' }))).toEqual(['error:RATE_MISMATCH']);
  });

  it('flags a stated rate whose denominator is zero', () => {
    expect(codes((d) => (d.declared = { threePublicExecutionRate: '66.67' }))).toEqual([]);
    expect(
      codes((d) => {
        d.basicExpenditure!.threePublic = {
          overseasTravel: { budget: '0', actual: '0' },
          vehicleOperation: { budget: '0', actual: '0' },
          reception: { budget: '0', actual: '0' },
        };
        d.declared = { threePublicExecutionRate: '10' };
      }),
    ).toEqual(['error:RATE_UNDEFINED']);
  });

  it('flags share pairs that do not add up to 100 %', () => {
    expect(codes((d) => (d.declared = { incomeBasicShare: '68.97', incomeProjectShare: '31.04' }))).toContain(
      'info:SHARE_SUM',
    );
    expect(codes((d) => (d.declared = { incomeBasicShare: '68.97', incomeProjectShare: '30' }))).toContain(
      'error:SHARE_SUM',
    );
  });

  it('flags negative amounts but allows negative adjustments', () => {
    expect(codes((d) => (d.basicExpenditure!.lines[1] = { code: '30201', amount: '-20' }))).toContain(
      'error:NEGATIVE_AMOUNT',
    );
    expect(codes((d) => (d.income!.adjustments = [{ part: 'basic', amount: '-5' }]))).not.toContain(
      'error:NEGATIVE_AMOUNT',
    );
  });

  it('flags a project whose actual + returned + carried forward ≠ its full-year budget', () => {
    const findings = findingsOf((d) => {
      const project = d.projects?.[0];
      if (project) project.returnedToTreasury = '4';
    });
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'PROJECT_IDENTITY', path: ['projects', 0] });
    expect(findings[0]?.message).toContain('相差 1.00万元');
  });

  it('flags 三公 spending over budget', () => {
    const found = findingsOf((d) => (d.basicExpenditure!.threePublic!.reception = { budget: '1', actual: '1.2' }));
    expect(found).toMatchObject([
      { severity: 'warning', code: 'THREE_PUBLIC_OVER_BUDGET', figures: { over: '0.20万元' } },
    ]);
  });

  it('flags an economic code that does not exist', () => {
    const found = findingsOf((d) => (d.basicExpenditure!.lines[1] = { code: '30230', amount: '20' }));
    expect(found).toMatchObject([{ code: 'UNKNOWN_ECONOMIC_CODE', path: ['basicExpenditure', 'lines', 1, 'code'] }]);
  });

  it('flags detail lines that do not add up to the actual expenditure', () => {
    expect(codes((d) => (d.basicExpenditure!.actual = '99'))).toContain('error:LINES_MISMATCH');
  });

  it('flags missing required sections', () => {
    const found = findingsOf((d) => {
      if (d.narrative) d.narrative.measures = [];
    });
    expect(codes((d) => d.narrative && (d.narrative.resultsUse = ['  ']))).toEqual(['error:MISSING_SECTION']);
    expect(found).toMatchObject([{ severity: 'error', code: 'MISSING_SECTION', path: ['narrative', 'measures'] }]);
  });

  it('flags a stated project execution rate that differs from actual ÷ year-start budget', () => {
    const found = findingsOf((d) => {
      const project = d.projects?.[0];
      if (project) project.declared = { executionRate: '95' };
    });
    expect(found).toMatchObject([
      { severity: 'error', code: 'RATE_MISMATCH', figures: { declared: '95.00%', computed: '90.00%' } },
    ]);
  });

  it('checks the year-end balance against income − expenditure', () => {
    expect(
      codes((d) => {
        const project = d.projects?.[0];
        if (project) Object.assign(project, { returnedToTreasury: '0', carriedForward: '5' });
      }),
    ).toEqual(['error:BALANCE_MISMATCH']);
  });
});
