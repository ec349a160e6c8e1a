import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings/finding.js';
import { findBuiltinPack } from '../scoring/packs/builtin-packs.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { computeFigures } from '../figures/compute.js';
import { formatPoints } from '../scoring/points.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { evaluateForm, evaluateForms } from './evaluate-forms.js';
import {
  formOf,
  guizhouDepartmentForm,
  hubeiProjectForm,
  hunanDepartmentForm,
  mofProjectForm,
  sichuanProjectForm,
  type FormInput,
} from './form-fixtures.js';

const pack = (name: string): RulePack => {
  const found = findBuiltinPack(name);
  if (found === null) throw new Error(`no pack ${name}`);
  return found;
};
const findings = (input: FormInput, packName = 'national'): Finding[] =>
  evaluateForm(formOf(input), 0, pack(packName), '万元').findings;
const serious = (list: Finding[]) => list.filter((f) => f.severity !== 'info');
const only = (list: Finding[], code: string) => list.filter((f) => f.code === code);

describe('a complete, consistent form gives no error and no warning', () => {
  it.each<[string, () => FormInput, string]>([
    ['MoF 项目表', mofProjectForm, 'national'],
    ['Hubei 项目表', hubeiProjectForm, 'hubei'],
    ['Guizhou 部门整体表', guizhouDepartmentForm, 'guizhou'],
    ['Sichuan 项目表', sichuanProjectForm, 'sichuan'],
    ['Hunan 部门整体表', hunanDepartmentForm, 'hunan'],
  ])('%s', (_name, form, packName) => {
    expect(serious(findings(form(), packName))).toEqual([]);
  });

  it('raises nothing about a column or block the form does not print', () => {
    expect(serious(findings(guizhouDepartmentForm(), 'national'))).toEqual([]);
    const noFunds = mofProjectForm();
    delete noFunds.funds;
    noFunds.declaredTotal = '90';
    expect(serious(findings(noFunds))).toEqual([]);
  });
});

function mof(change: (form: FormInput) => void): FormInput {
  const form = mofProjectForm();
  change(form);
  return form;
}
const funds = (form: FormInput) => {
  if (form.funds === undefined) throw new Error('no funds');
  return form.funds;
};
const sourceRows = (form: FormInput) => {
  const rows = funds(form).rows;
  if (rows === undefined) throw new Error('no rows');
  return rows;
};
const indicator = (form: FormInput, i: number) => {
  const found = form.indicators?.[i];
  if (found === undefined) throw new Error('no indicator');
  return found;
};

describe('slips real forms show', () => {
  it('a printed score that ignores the printed rule', () => {
    const list = findings(mof((f) => (indicator(f, 1).actual = '85.5%')));
    const [mismatch] = only(list, 'FORM_DECLARED_SCORE_MISMATCH');
    expect(mismatch?.path).toEqual(['forms', 0, 'indicators', 1, 'declaredScore']);
    expect(mismatch?.figures).toEqual({ declared: '15.00', computed: '13.50' });
    expect(mismatch?.message).toContain('得分 = 分值 × 实际值 ÷ 目标值');
  });

  it('a funds score that ignores 分值 × 执行率', () => {
    const [mismatch] = only(
      findings(mof((f) => (funds(f).declaredTotal = { ...funds(f).declaredTotal, score: '10' }))),
      'FORM_DECLARED_SCORE_MISMATCH',
    );
    expect(mismatch?.path).toEqual(['forms', 0, 'funds', 'declaredTotal', 'score']);
  });

  it('a funds total that is not the sum of its rows, cell by cell', () => {
    const list = findings(
      mof(
        (f) => (funds(f).declaredTotal = { ...funds(f).declaredTotal, yearStartBudget: '520', fullYearBudget: '600' }),
      ),
    );
    const totals = only(list, 'FORM_FUNDS_TOTAL_MISMATCH');
    expect(totals.map((t) => t.path.at(-1))).toEqual(['yearStartBudget']);
    expect(totals[0]?.message).toContain('各来源行合计为 500.00万元');
  });

  it('tolerates a total printed from unrounded figures (0.01 apart)', () => {
    const list = findings(mof((f) => (funds(f).declaredTotal = { ...funds(f).declaredTotal, actual: '578.61' })));
    expect(only(list, 'FORM_FUNDS_TOTAL_MISMATCH')).toEqual([]);
  });

  it('a table total that is not the sum of its parts', () => {
    const [sum] = only(findings(mof((f) => (f.declaredTotal = '98.64'))), 'FORM_TOTAL_NOT_SUM');
    expect(sum?.figures).toEqual({ declared: '98.64', sum: '99.64' });
    expect(sum?.path).toEqual(['forms', 0, 'declaredTotal']);
  });

  it('a total in a sub-score cell', () => {
    const [misplaced] = only(findings(mof((f) => (indicator(f, 6).declaredScore = '99.64'))), 'FORM_CELL_MISPLACED');
    expect(misplaced?.path).toEqual(['forms', 0, 'indicators', 6, 'declaredScore']);
    expect(misplaced?.message).toContain('疑将总分填入此格');
    const funded = findings(
      mof((f) => (sourceRows(f)[0] = { ...sourceRows(f)[0], source: '当年财政拨款', declaredScore: '12' })),
    );
    expect(only(funded, 'FORM_CELL_MISPLACED')[0]?.path).toEqual(['forms', 0, 'funds', 'rows', 0, 'declaredScore']);
  });

  it('an unfilled template: blank actuals and scores, prompts left in', () => {
    const list = findings(
      mof((f) => {
        delete indicator(f, 0).actual;
        delete indicator(f, 2).declaredScore;
        indicator(f, 3).deviationReason = '（填写偏差原因）';
        f.implementer = 'XXX单位';
        f.annualTargets = [{ target: '请填写年度总体目标……' }];
      }),
    );
    expect(only(list, 'FORM_CELL_BLANK').map((x) => [x.severity, x.path])).toEqual([
      ['warning', ['forms', 0, 'annualTargets', 0, 'actual']],
      ['error', ['forms', 0, 'indicators', 0, 'actual']],
      ['warning', ['forms', 0, 'indicators', 2, 'declaredScore']],
    ]);
    expect(only(list, 'FORM_TEMPLATE_TEXT').map((x) => x.figures?.['text'])).toEqual([
      'XXX',
      '请填写',
      '（填写偏差原因）',
    ]);
  });

  it('a budget adjustment without a reason is a warning', () => {
    const [missing] = only(findings(mof((f) => delete funds(f).adjustmentReason)), 'FORM_ADJUSTMENT_REASON_MISSING');
    expect(missing?.severity).toBe('warning');
    expect(missing?.path).toEqual(['forms', 0, 'funds', 'adjustmentReason']);
  });

  it('a rate printed as 100 % where the computed one differs', () => {
    const list = findings(
      mof((f) => (sourceRows(f)[0] = { ...sourceRows(f)[0], source: '当年财政拨款', declaredRate: '100' })),
    );
    const [full] = only(list, 'FORM_RATE_PRINTED_FULL');
    expect(full?.path).toEqual(['forms', 0, 'funds', 'rows', 0, 'declaredRate']);
    expect(full?.figures).toEqual({ declared: '100.00%', computed: '95.88%' });
  });

  it('a rate that follows from a wrong printed figure (a propagated subtraction slip)', () => {
    // 全年执行数 total miswritten 587.6 (for 578.6); the rate 97.93 % was computed from it.
    const list = findings(
      mof(
        (f) => (funds(f).declaredTotal = { ...funds(f).declaredTotal, actual: '587.6', rate: '97.93', score: '9.79' }),
      ),
    );
    expect(only(list, 'FORM_FUNDS_TOTAL_MISMATCH').map((x) => x.path.at(-1))).toEqual(['actual']);
    const [wrong] = only(list, 'FORM_RATE_FROM_WRONG_FIGURE');
    expect(wrong?.message).toContain('有误的全年执行数 587.60万元');
    expect(wrong?.figures).toEqual({ declared: '97.93%', computed: '96.43%' });
    expect(only(list, 'FORM_RATE_MISMATCH')).toEqual([]);
  });

  it('a rate that is simply wrong', () => {
    const list = findings(mof((f) => (funds(f).declaredTotal = { ...funds(f).declaredTotal, rate: '94.43' })));
    expect(only(list, 'FORM_RATE_MISMATCH')[0]?.figures).toEqual({ declared: '94.43%', computed: '96.43%' });
  });

  it('over-execution is its own finding, and 100 % printed for it is another', () => {
    const list = findings(
      mof((f) => {
        sourceRows(f)[1] = { source: '上年结转资金', fullYearBudget: '80', actual: '86', declaredRate: '100' };
        funds(f).declaredTotal = { ...funds(f).declaredTotal, actual: '584.6', rate: '97.43', score: '9.74' };
        f.declaredTotal = '99.74';
        indicator(f, 3).actual = '584.6万元';
      }),
    );
    expect(only(list, 'FORM_OVER_EXECUTION').map((x) => x.path)).toEqual([['forms', 0, 'funds', 'rows', 1]]);
    expect(only(list, 'FORM_RATE_PRINTED_FULL')[0]?.message).toContain('实际支出超过预算');
  });
});

describe('links between indicators and the funds block', () => {
  const withRateIndicator = (actual: string, weight = '0') =>
    mof((f) => {
      (f.indicators ?? []).push({
        level1: '产出',
        level2: '成本',
        name: '预算执行率',
        target: '100%',
        actual,
        weight,
        declaredScore: weight === '0' ? '0' : weight,
      });
    });

  it('takes a 预算执行率 indicator’s actual from the computed rate and flags a printed one that differs', () => {
    const evaluation = evaluateForm(formOf(withRateIndicator('100%')), 0, pack('national'), '万元');
    expect(evaluation.score.indicators.at(-1)?.scoredActual).toBe('96.43%');
    const [linked] = only(evaluation.findings, 'FORM_LINKED_ACTUAL_MISMATCH');
    expect(linked?.figures).toEqual({ declared: '100.00%', computed: '96.43%' });
    expect(only(findings(withRateIndicator('96.43%')), 'FORM_LINKED_ACTUAL_MISMATCH')).toEqual([]);
  });

  it('flags the execution rate scored twice', () => {
    const list = findings(withRateIndicator('96.43%', '5'));
    expect(only(list, 'FORM_EXECUTION_SCORED_TWICE')).toHaveLength(1);
  });

  it('flags a cost actual copied from its target while spending differs', () => {
    const list = findings(mof((f) => (indicator(f, 3).actual = '600万元')));
    const [copied] = only(list, 'FORM_COST_ACTUAL_COPIED');
    expect(copied?.message).toContain('全年执行数为 578.60万元');
    const honest = findings(mof((f) => (indicator(f, 3).target = '≤578.6万元')));
    expect(only(honest, 'FORM_COST_ACTUAL_COPIED')).toEqual([]);
  });
});

describe('weights and the pack', () => {
  it('says when a form’s weights are not the pack’s (a Hubei 20-point form under national)', () => {
    const list = findings(hubeiProjectForm(), 'national');
    expect(only(list, 'FORM_WEIGHT_MISMATCH')[0]?.figures).toEqual({ declared: '20.00', pack: '10.00' });
    expect(only(list, 'FORM_LEVEL_WEIGHTS_MISMATCH').map((x) => x.figures?.['level1'])).toEqual(['产出']);
  });

  it('words a ≤ indicator far under its ceiling as a loose ceiling, not as exceeded', () => {
    const list = findings(mof((f) => (indicator(f, 3).actual = '300万元')));
    const [loose] = only(list, 'FORM_TARGET_TOO_LOW');
    expect(loose?.message).toBe(
      '“农村饮水安全巩固提升工程”指标“工程总成本”实际值 300万元 低于上限 600万元 达 50%，上限可能定得过宽（过于宽松）。',
    );
    expect(loose?.code).toBe('FORM_TARGET_TOO_LOW');
    expect(loose?.message).not.toMatch(/超出|偏低|≤/);
  });
});

describe('evaluateForms on a dataset', () => {
  const withForm = (actual: string) => {
    const input = minimalDatasetInput();
    input.forms = [
      mofProjectForm(),
      { scope: 'department', name: '测试局', funds: { rows: [{ source: '财政拨款', fullYearBudget: '150', actual }] } },
    ];
    return datasetOf(input);
  };

  it('scores every table, each with its own total, paths into forms[i]', () => {
    const dataset = withForm('145');
    const result = evaluateForms(dataset, pack('national'), computeFigures(dataset));
    expect(result.forms.map((f) => formatPoints(f.score.total))).toEqual(['99.64', '9.67']);
    expect(serious(result.findings)).toEqual([]);
  });

  it('checks a report’s department table against the report’s own expenditure', () => {
    const dataset = withForm('148');
    const [differs] = only(
      evaluateForms(dataset, pack('national'), computeFigures(dataset)).findings,
      'FORM_DIFFERS_FROM_REPORT',
    );
    expect(differs?.path).toEqual(['forms', 1, 'funds']);
    expect(differs?.figures).toEqual({ form: '148.00万元', report: '145.00万元' });
  });
});

describe('provincial add-ons on form tables', () => {
  it('Hunan deducts 2 points from a ≤ indicator far under its ceiling and says the ceiling was loose', () => {
    const form = hunanDepartmentForm();
    (form.indicators ?? []).push({
      level1: '产出',
      level2: '成本',
      name: '会议费',
      target: '≤10万元',
      actual: '4万元',
      weight: '0',
    });
    const evaluation = evaluateForm(formOf(form), 0, pack('hunan'), '万元');
    const last = evaluation.score.indicators.at(-1);
    expect(last?.explanation.rule).toContain('低于上限 60.00%，上限定得过宽，扣 2.00 分');
  });
});

describe('an indicator whose actual cannot be read', () => {
  it('is a warning of its own, and the printed total and grade are not called wrong', () => {
    const input = mofProjectForm();
    const indicators = input.indicators ?? [];
    const sustained = indicators[5];
    if (sustained === undefined) throw new Error('fixture changed');
    // A report's annex prints the evidence sentence as the actual, as the seed's 自评表 does.
    indicators[5] = { ...sustained, actual: '建立了设施巡查和维修养护制度，群众用水有保障' };
    const found = findings(input);
    expect(only(found, 'FORM_INDICATOR_UNREADABLE')).toHaveLength(1);
    expect(only(found, 'FORM_DECLARED_SCORE_MISMATCH')).toEqual([]);
    expect(only(found, 'FORM_DECLARED_GRADE_MISMATCH')).toEqual([]);
  });
});
