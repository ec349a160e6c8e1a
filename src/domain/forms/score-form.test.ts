import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, type Percent } from '../money/index.js';
import { findBuiltinPack } from '../scoring/packs/builtin-packs.js';
import { NATIONAL_PACK } from '../scoring/packs/national.js';
import { parseRulePack } from '../scoring/parse-rule-pack.js';
import { formatPoints, type Points } from '../scoring/points.js';
import type { RulePack, RulePackInput } from '../scoring/rule-pack.js';
import { evaluateForm } from './evaluate-forms.js';
import {
  formOf,
  guizhouDepartmentForm,
  hubeiProjectForm,
  hunanDepartmentForm,
  mofProjectForm,
  sichuanProjectForm,
  type FormInput,
} from './form-fixtures.js';
import { scoreForm } from './score-form.js';

const pack = (name: string): RulePack => {
  const found = findBuiltinPack(name);
  if (found === null) throw new Error(`no pack ${name}`);
  return found;
};
const rate = (p: Percent | null | undefined) => (p === null || p === undefined ? null : formatPercent(p));
const pts = (p: Points | null | undefined) => (p === null || p === undefined ? null : formatPoints(p));

function scored(input: FormInput, packName: string) {
  const score = scoreForm(formOf(input), pack(packName), '万元');
  return {
    rows: score.funds?.rows.map((r) => rate(r.rate)) ?? [],
    rowScores: score.funds?.rows.map((r) => pts(r.score)) ?? [],
    rate: rate(score.funds?.total.rate),
    funds: pts(score.funds?.score),
    indicators: score.indicators.map((s) => pts(s.score)),
    total: pts(score.total),
    grade: score.grade,
    score,
  };
}

describe('form tables reproduce the printed figures under the right pack', () => {
  it('MoF 项目表 (national): rows by source, 0 ÷ 0 printed as 0.00 %, 10 × 96.43 % = 9.64', () => {
    const s = scored(mofProjectForm(), 'national');
    expect(s.rows).toEqual(['95.88', '100.00', '0.00']);
    expect(s.score.funds?.rows[2]?.zeroOverZero).toBe(true);
    expect([s.rate, s.funds, s.total, s.grade]).toEqual(['96.43', '9.64', '99.64', '优']);
    expect(s.score.funds?.total.explanation?.text).toContain('全年执行数 578.60万元');
  });

  it('Hubei 项目表: 20-point execution, 执行数 ÷ 全年预算数 = 95.17 % → 19.03', () => {
    const s = scored(hubeiProjectForm(), 'hubei');
    expect([s.rate, s.funds, s.total]).toEqual(['95.17', '19.03', '99.03']);
    const national = scored(hubeiProjectForm(), 'national');
    expect(national.funds).toBe('9.52');
  });

  it('Guizhou 部门整体表: only 年初预算数 printed, rate = 1,939.03 ÷ 2,110 = 91.90 % → 9.19', () => {
    const s = scored(guizhouDepartmentForm(), 'guizhou');
    expect(s.rows).toEqual(['98.93', '81.68']);
    expect([s.rate, s.funds, s.total]).toEqual(['91.90', '9.19', '99.19']);
  });

  it('assumes no 全年预算数 where the form prints none: the national basis gives no rate and no score', () => {
    const s = scored(guizhouDepartmentForm(), 'national');
    expect([s.rate, s.funds]).toEqual([null, null]);
    expect(s.score.complete).toBe(false);
  });

  it('Sichuan 项目表: 预算执行数 ÷ 调整后预算数 = 336.42 ÷ 350 = 96.12 %; 1,150 of 1,200 户 → 19.17', () => {
    const s = scored(sichuanProjectForm(), 'sichuan');
    expect([s.rate, s.funds]).toEqual(['96.12', '9.61']);
    expect(s.indicators[0]).toBe('19.17');
    expect(s.total).toBe('98.78');
  });

  it('Hunan 部门整体表: 预算完成率 = 1,241.46 ÷ (45.20 + 1,262.50) = 94.93 % → 9.49', () => {
    const s = scored(hunanDepartmentForm(), 'hunan');
    expect(s.rows).toEqual(['88.72', '95.16']);
    expect([s.rate, s.funds, s.total]).toEqual(['94.93', '9.49', '95.49']);
    expect(s.score.funds?.total.explanation?.text).toContain(
      '可用预算数（年初结转 + 年初预算 + 本年追加） 1307.70万元',
    );
    const fullYear = scored(hunanDepartmentForm(), 'national');
    expect(fullYear.rate).toBe('98.33');
  });
});

function withFundsRule(funds: object, name = 'form-rule-example'): RulePack {
  const base = NATIONAL_PACK.forms?.project;
  if (base === undefined) throw new Error('national has a project form');
  const project = { ...base, funds: { ...base.funds, ...funds } };
  const input: RulePackInput = { ...NATIONAL_PACK, name, forms: { project } };
  const parsed = parseRulePack(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.pack;
}

function fundsAt(actual: string, p: RulePack) {
  const form = formOf({
    scope: 'project',
    name: '示例项目',
    funds: { rows: [{ source: '财政资金', yearStartBudget: '100', fullYearBudget: '100', actual }] },
  });
  return scoreForm(form, p, '万元').funds;
}

describe('funds score rules', () => {
  it.each([
    ['100', 'completed', '10.00'],
    ['95', 'completed', '8.00'],
    ['88.6', 'completed', '6.00'],
    ['88.6', 'started', '4.00'],
    ['70', 'completed', '0.00'],
  ])('"100%计满分，每低于5%扣2分": %s %% (%s steps) → %s', (actual, count, expected) => {
    const p = withFundsRule({ rule: { kind: 'steps', fullAt: '100', step: '5', pointsPerStep: '2', count } });
    const funds = fundsAt(actual, p);
    expect(pts(funds?.score)).toBe(expected);
    expect(funds?.total.explanation?.text).toContain('每低于 5% 扣 2.00 分');
  });

  it.each([
    ['97', '10.00'],
    ['92', '8.00'],
    ['60', '0.00'],
  ])('bands of 得分系数: %s %% → %s', (actual, expected) => {
    const bands = [
      { min: '95', factor: '100' },
      { min: '90', factor: '80' },
      { min: '80', factor: '60' },
    ];
    expect(pts(fundsAt(actual, withFundsRule({ rule: { kind: 'bands', bands } }))?.score)).toBe(expected);
  });

  it('scores rows separately when the pack says so, the funds score being their sum', () => {
    const p = withFundsRule({ perRow: true });
    const form = formOf({
      scope: 'project',
      name: '示例项目',
      funds: {
        rows: [
          { source: '财政资金', fullYearBudget: '80', actual: '72', weight: '8', declaredScore: '7.2' },
          { source: '单位资金', fullYearBudget: '20', actual: '10', weight: '2', declaredScore: '1' },
        ],
        declaredTotal: { fullYearBudget: '100', actual: '82', weight: '10', score: '8.2' },
      },
    });
    const evaluation = evaluateForm(form, 0, p, '万元');
    expect(evaluation.score.funds?.rows.map((r) => pts(r.score))).toEqual(['7.20', '1.00']);
    expect(pts(evaluation.score.funds?.score)).toBe('8.20');
    expect(evaluation.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('gives no rate for 0 ÷ 0 when the pack prints none', () => {
    const p = withFundsRule({ zeroOverZero: 'none' });
    expect(fundsAt('0', withFundsRule({}))?.total.rate).toBe(0n);
    const form = formOf({
      scope: 'project',
      name: '示例',
      funds: { rows: [{ source: '其他资金', fullYearBudget: '0', actual: '0' }] },
    });
    expect(scoreForm(form, p, '万元').funds?.total.rate).toBeNull();
  });
});

describe('rowBasis: source rows on another denominator than the total', () => {
  it('national’s 项目表 with rowBasis 年初预算数: rows 498.60 ÷ 500 = 99.72 %, the total stays 578.60 ÷ 600 = 96.43 %', () => {
    const p = withFundsRule({ rowBasis: 'yearStartBudget' }, 'row-basis-example');
    const evaluation = evaluateForm(formOf(mofProjectForm()), 0, p, '万元');
    const funds = evaluation.score.funds;
    // 上年结转资金 prints no 年初预算数 in a printed column: 80 ÷ 0 has no rate; 其他资金 0 ÷ 0 is 0.00 %.
    expect(funds?.rows.map((r) => [r.basis, rate(r.rate)])).toEqual([
      ['yearStartBudget', '99.72'],
      ['yearStartBudget', null],
      ['yearStartBudget', '0.00'],
    ]);
    expect([funds?.total.basis, rate(funds?.total.rate), pts(funds?.score)]).toEqual([
      'fullYearBudget',
      '96.43',
      '9.64',
    ]);
    // The form printed its rows on 全年预算数, so the first row's 95.88 % is now called wrong, on the row basis.
    const mismatches = evaluation.findings.filter((f) => f.code === 'FORM_RATE_MISMATCH');
    expect(mismatches.map((f) => [f.path, f.figures])).toEqual([
      [['forms', 0, 'funds', 'rows', 0, 'declaredRate'], { declared: '95.88%', computed: '99.72%' }],
    ]);
    expect(mismatches[0]?.message).toContain('按全年执行数 ÷ 年初预算数计算为 99.72%');
  });

  it('without rowBasis the rows use the total’s basis', () => {
    const funds = scoreForm(formOf(mofProjectForm()), pack('national'), '万元').funds;
    expect(funds?.rows.map((r) => r.basis)).toEqual(['fullYearBudget', 'fullYearBudget', 'fullYearBudget']);
  });
});

describe('indicator layouts', () => {
  it('scores a flat list as the form prints it', () => {
    const flat = parseRulePack({
      ...NATIONAL_PACK,
      name: 'flat-example',
      forms: {
        project: {
          title: '项目支出绩效自评表',
          total: '100',
          funds: { weight: '10', basis: 'fullYearBudget' },
          indicators: { layout: 'flat', weight: '90' },
        },
      },
    });
    expect(flat.ok).toBe(true);
    if (!flat.ok) return;
    const form = formOf({
      scope: 'project',
      name: '示例',
      indicators: [
        { level1: '过程', name: '资金到位率', target: '100%', actual: '100%', weight: '45' },
        { level1: '产出', name: '完成率', target: '≥90%', actual: '81%', weight: '45' },
      ],
    });
    const evaluation = evaluateForm(form, 0, flat.pack, '万元');
    expect(evaluation.score.indicators.map((s) => pts(s.score))).toEqual(['45.00', '40.50']);
    expect(evaluation.score.levels.map((l) => [l.name, pts(l.indicatorWeight)])).toEqual([['指标', '90.00']]);
  });

  it('scores 投入 / 过程 / 产出 / 效益 levels (10 / 20 / 40 / 20) with a 10-point funds score: 96.00', () => {
    const levels = parseRulePack({
      ...NATIONAL_PACK,
      name: 'four-levels',
      forms: {
        project: {
          title: '项目支出绩效自评表',
          total: '100',
          funds: { weight: '10', basis: 'fullYearBudget' },
          indicators: {
            layout: 'levels',
            levels: [
              { name: '投入', weight: '10', level2: ['资金投入'] },
              { name: '过程', weight: '20', level2: ['资金管理', '组织实施'] },
              { name: '产出', weight: '40', level2: ['数量', '质量'] },
              { name: '效益', weight: '20', level2: ['社会'] },
            ],
          },
        },
      },
    });
    if (!levels.ok) throw new Error(JSON.stringify(levels.errors));
    const form = formOf({
      scope: 'project',
      name: '农村危房改造',
      funds: {
        rows: [{ source: '财政资金', fullYearBudget: '100', actual: '90' }],
        declaredTotal: { fullYearBudget: '100', actual: '90', weight: '10', rate: '90', score: '9' },
      },
      indicators: [
        {
          level1: '投入',
          level2: '资金投入',
          name: '资金到位率',
          target: '100%',
          actual: '100%',
          weight: '10',
          declaredScore: '10',
        },
        {
          level1: '过程',
          level2: '资金管理',
          name: '政府采购执行率',
          target: '≥95%',
          actual: '100%',
          weight: '10',
          declaredScore: '10',
        },
        {
          level1: '过程',
          level2: '组织实施',
          name: '制度执行有效率',
          target: '100%',
          actual: '100%',
          weight: '10',
          declaredScore: '10',
        },
        {
          level1: '产出',
          level2: '数量',
          name: '改造危房户数',
          target: '≥200户',
          actual: '190户',
          weight: '20',
          declaredScore: '19',
          deviationReason: '10 户房主外出务工，延至次年改造。',
        },
        {
          level1: '产出',
          level2: '质量',
          name: '竣工验收合格率',
          target: '100%',
          actual: '100%',
          weight: '20',
          declaredScore: '20',
        },
        {
          level1: '效益',
          level2: '社会',
          name: '受益人口',
          target: '≥1万人',
          actual: '0.9万人',
          weight: '20',
          declaredScore: '18',
          deviationReason: '改造户数未全部完成。',
        },
      ],
      declaredTotal: '96',
      declaredGrade: '优',
    });
    const evaluation = evaluateForm(form, 0, levels.pack, '万元');
    // 10 × 90 % = 9.00; 190 ÷ 200 × 20 = 19.00; 0.9 ÷ 1 × 20 = 18.00.
    expect(evaluation.score.indicators.map((s) => pts(s.score))).toEqual([
      '10.00',
      '10.00',
      '10.00',
      '19.00',
      '20.00',
      '18.00',
    ]);
    expect(
      evaluation.score.levels.map((l) => [l.name, pts(l.packWeight), pts(l.indicatorWeight), pts(l.score)]),
    ).toEqual([
      ['投入', '10.00', '10.00', '10.00'],
      ['过程', '20.00', '20.00', '20.00'],
      ['产出', '40.00', '40.00', '39.00'],
      ['效益', '20.00', '20.00', '18.00'],
    ]);
    expect([pts(evaluation.score.funds?.score), pts(evaluation.score.total), evaluation.score.grade]).toEqual([
      '9.00',
      '96.00',
      '优',
    ]);
    expect(evaluation.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on any printed target, actual or score, and keeps every score within its weight', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('≥95%', '≤30万元', '0', '-5', '完成', '未完成', '100%', '1,200户', '0.000001', ''),
    );
    const indicatorArb = fc.record({
      level1: fc.constantFrom('产出', '效益', '满意度', '过程'),
      name: fc.constantFrom('预算执行率', '工程成本', '完成率'),
      target: cell,
      actual: cell,
      weight: fc.constantFrom('0', '5', '10', '12.5'),
    });
    fc.assert(
      fc.property(
        fc.array(indicatorArb, { maxLength: 5 }),
        fc.constantFrom('national', 'hunan', 'hubei'),
        (rows, name) => {
          const form = formOf({
            scope: 'project',
            name: '示例',
            funds: { rows: [{ source: '财政资金', fullYearBudget: '0', actual: '3' }] },
            indicators: rows,
          });
          const evaluation = evaluateForm(form, 0, pack(name), '万元');
          for (const s of evaluation.score.indicators) expect(s.score <= s.weight && s.score >= 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
