import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import type { DatasetInput } from '../dataset/schema.js';
import { computeFigures } from '../figures/compute.js';
import { formatAmount, formatPercent } from '../money/index.js';
import { detectProblems } from '../problems/detect-problems.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { runChecks } from './run-checks.js';

function findingsOf(change: (input: DatasetInput) => void) {
  const input = minimalDatasetInput();
  change(input);
  return runChecks(datasetOf(input));
}
const codes = (change: (input: DatasetInput) => void) => findingsOf(change).map((f) => `${f.severity}:${f.code}`);

/** A 项目自评表 document: only the department's name and one printed table. */
function projectFormInput(): DatasetInput {
  return {
    kind: 'projectForm',
    fiscalYear: 2021,
    department: { name: '某县水利局' },
    forms: [
      {
        scope: 'project',
        name: '农村饮水工程',
        funds: { rows: [{ source: '财政资金', yearStartBudget: '100', fullYearBudget: '100', actual: '96' }] },
        indicators: [
          { level1: '产出', level2: '数量', name: '新建管网', target: '≥10公里', actual: '10公里', weight: '90' },
        ],
      },
    ],
  };
}

describe('document kinds', () => {
  it('a narrative report must state its department facts, income and basic expenditure', () => {
    const found = findingsOf((d) => {
      delete d.department.staffing;
      delete d.department.budgetScope;
      d.department.functions = [];
      delete d.income;
      delete d.basicExpenditure;
    });
    expect(found.filter((f) => f.code === 'MISSING_FACT').map((f) => f.path.join('.'))).toEqual([
      'department.functions',
      'department.budgetScope',
      'department.staffing',
      'income',
      'basicExpenditure',
    ]);
  });

  it('a 项目自评表 needs none of them, and no narrative section', () => {
    const dataset = datasetOf(projectFormInput());
    expect(runChecks(dataset)).toEqual([]);
  });

  it('a 项目自评表 without a project table, and a 部门整体自评表 without a department table, are MISSING_FACT', () => {
    const input = projectFormInput();
    input.forms = [];
    expect(runChecks(datasetOf(input)).map((f) => f.code)).toEqual(['MISSING_FACT']);
    input.kind = 'departmentForm';
    expect(runChecks(datasetOf(input))[0]?.message).toBe(
      '部门整体支出绩效自评表须填写表中内容（资金情况、年度目标、绩效指标等）。',
    );
  });

  it('never invents a figure a document does not state: no staffing figures, no income figures', () => {
    const figures = computeFigures(datasetOf(projectFormInput()));
    expect(figures.staffing).toBeNull();
    expect(figures.unavailable.has('incomeTotal')).toBe(true);
    expect(figures.unavailable.has('expenditureProject')).toBe(true);
  });

  it('a stated figure whose raw facts are absent is not compared with zero (info, not an error)', () => {
    const input = projectFormInput();
    input.declared = { incomeTotal: '100' };
    expect(runChecks(datasetOf(input)).map((f) => `${f.severity}:${f.code}`)).toEqual(['info:FIGURE_NOT_CHECKABLE']);
  });

  it('defaults are never shared between two parsed documents', () => {
    const a = datasetOf(projectFormInput());
    const b = datasetOf(projectFormInput());
    expect(a.narrative).not.toBe(b.narrative);
    expect(a.narrative.problemReviews).not.toBe(b.narrative.problemReviews);
    expect(a.selfEvaluation.annualTargets).not.toBe(b.selfEvaluation.annualTargets);
  });
});

describe('optional facts stay optional', () => {
  it('a project that does not say what happened to unspent money gets no identity error', () => {
    expect(
      codes((d) => {
        const p = d.projects?.[0];
        if (p) {
          delete p.returnedToTreasury;
          delete p.carriedForward;
        }
      }),
    ).toEqual([]);
  });

  it('over-execution is its own finding and problem, not an identity error', () => {
    const input = minimalDatasetInput();
    input.projects = [{ name: '超支项目', yearStartBudget: '50', actual: '55', carriedForward: '0' }];
    input.income = { sources: [{ source: '财政拨款', basic: '100', project: '55' }] };
    const dataset = datasetOf(input);
    const found = runChecks(dataset);
    expect(found.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:OVER_EXECUTION']);
    expect(found[0]?.message).toBe(
      '项目“超支项目”实际支出 55.00万元 超过全年预算 50.00万元，超支 5.00万元，请说明资金来源。',
    );
    const problems = detectProblems(dataset, computeFigures(dataset));
    expect(problems.find((p) => p.code === 'OVER_EXECUTION')?.message).toBe(
      '项目“超支项目”全年预算50万元，实际支出55万元，超出预算5万元（执行率110%），超预算支出的资金来源未予说明。',
    );
  });

  it('a budget adjustment without a reason is a warning', () => {
    expect(
      codes((d) => {
        d.income!.adjustments = [{ part: 'basic', amount: '5' }];
        d.income!.sources = [{ source: '财政拨款', basic: '105', project: '45' }];
        d.basicExpenditure!.actual = '105';
        d.basicExpenditure!.lines = [
          { code: '30101', amount: '85' },
          { code: '30201', amount: '20' },
        ];
      }),
    ).toEqual(['warning:ADJUSTMENT_WITHOUT_REASON']);
  });
});

describe('carry-over, prior year, 三公 and management ratios', () => {
  it('年初结转 enters 收入总计, 可用预算 and the year-end balance', () => {
    const input = minimalDatasetInput();
    input.income = { sources: [{ source: '财政拨款', basic: '100', project: '35' }], carryOver: { project: '10' } };
    const dataset = datasetOf(input);
    const { amounts, percents } = computeFigures(dataset);
    expect(formatAmount(amounts.incomeGrandTotal.value, '万元')).toBe('145.00');
    expect(formatAmount(amounts.availableBudgetTotal.value, '万元')).toBe('160.00');
    expect(formatPercent(percents.budgetCompletionRate!)).toBe('90.63'); // 145 ÷ 160
    expect(runChecks(dataset)).toEqual([]); // 135 + 10 − 145 = 0 carried forward
  });

  it('增减率 on either base the form uses', () => {
    const input = minimalDatasetInput();
    input.income = { sources: [{ source: '财政拨款', basic: '100', project: '45' }], carryOver: { basic: '5' } };
    input.basicExpenditure!.carriedForward = '5';
    input.priorYear = { incomeTotal: '130', incomeGrandTotal: '140' };
    expect(formatPercent(computeFigures(datasetOf(input)).percents.incomeChangeRate!)).toBe('11.54'); // 15 ÷ 130
    input.priorYear.changeRateBase = 'incomeGrandTotal';
    expect(formatPercent(computeFigures(datasetOf(input)).percents.incomeChangeRate!)).toBe('7.14'); // 10 ÷ 140
  });

  it('a 三公 budget printed only as a total: item rates are not computed, the total rate is', () => {
    const input = minimalDatasetInput();
    input.basicExpenditure!.threePublic = {
      overseasTravel: { actual: '0' },
      vehicleOperation: { actual: '1.5' },
      reception: { actual: '0.5' },
      budgetTotal: '2.5',
    };
    input.declared = { threePublicExecutionRate: '80', vehicleShare: '75', threePublicVehicleBudget: '2' };
    const dataset = datasetOf(input);
    const figures = computeFigures(dataset);
    expect(figures.threePublic.map((t) => t.executionRate)).toEqual([null, null, null]);
    expect(runChecks(dataset).map((f) => `${f.severity}:${f.code}:${f.path.join('.')}`)).toEqual([
      'info:FIGURE_NOT_CHECKABLE:declared.threePublicVehicleBudget',
    ]);
  });

  it('management ratios are computed and declarable', () => {
    const input = minimalDatasetInput();
    input.basicExpenditure!.publicUseBudget = '25';
    input.management = { procurementBudget: '40', procurementActual: '30' };
    input.declared = {
      publicUseControlRate: '80',
      procurementExecutionRate: '75',
      inPostControlRate: '90',
      budgetAdjustmentRate: '0',
    };
    expect(runChecks(datasetOf(input))).toEqual([]);
    input.declared = { publicUseControlRate: '100' };
    expect(runChecks(datasetOf(input)).map((f) => `${f.severity}:${f.code}`)).toEqual(['error:RATE_MISMATCH']);
  });

  it('a stated 增减额 may be negative; other amounts may not', () => {
    const input = minimalDatasetInput();
    input.priorYear = { expenditureTotal: '150' };
    input.declared = { expenditureChange: '-5', expenditureChangeRate: '-3.33' };
    expect(runChecks(datasetOf(input))).toEqual([]);
    const negative = parseDataset({ ...input, declared: { expenditureTotal: '-5' } });
    expect(negative.ok && runChecks(negative.dataset).map((f) => f.code)).toContain('NEGATIVE_AMOUNT');
  });
});
