import { describe, expect, it } from 'vitest';
import { fen } from '../money/index.js';
import { parseDataset } from '../dataset/parse.js';
import type { Dataset, DatasetInput } from '../dataset/schema.js';
import { findBuiltinPack, nationalPack } from './packs/builtin-packs.js';
import { formatPoints, ZERO_POINTS } from './points.js';
import type { RulePack } from './rule-pack.js';
import { scoreDataset } from './score-dataset.js';

type IndicatorInput = NonNullable<DatasetInput['indicators']>[number];

const FULL_SET: IndicatorInput[] = [
  {
    level1: '产出',
    level2: '数量',
    name: '办件量',
    direction: '≥',
    target: '100',
    unit: '件',
    actual: '100',
    weight: '30',
  },
  {
    level1: '产出',
    level2: '时效',
    name: '办结时限',
    direction: '≤',
    target: '10',
    unit: '天',
    actual: '10',
    weight: '20',
  },
  {
    level1: '效益',
    level2: '社会',
    name: '投诉数',
    direction: '=',
    target: '0',
    unit: '件',
    actual: '0',
    weight: '30',
  },
  {
    level1: '满意度',
    level2: '服务对象满意度',
    name: '满意度',
    direction: '≥',
    target: '90',
    unit: '%',
    actual: '95',
    weight: '10',
  },
];

/** A small department: budget 100 万元 (year-start 80 + 20 supplementary), spent `actual`. */
function dataset(indicators: IndicatorInput[], actual = '75', extra: Partial<DatasetInput> = {}): Dataset {
  const raw: DatasetInput = {
    fiscalYear: 2020,
    department: {
      name: '测试局',
      functions: ['测试'],
      budgetScope: { units: ['测试局本级'] },
      staffing: { authorizedPosts: [{ kind: '行政编制', count: 1 }], inPost: 1 },
    },
    income: { sources: [{ source: '财政拨款', basic: '50', project: '25' }] },
    basicExpenditure: {
      yearStartBudget: '50',
      actual: '50',
      lines: [{ code: '30101', amount: '50' }],
      threePublic: {
        overseasTravel: { budget: '0', actual: '0' },
        vehicleOperation: { budget: '0', actual: '0' },
        reception: { budget: '0', actual: '0' },
      },
    },
    projects: [
      {
        name: '专项',
        yearStartBudget: '30',
        supplementaryAppropriations: [{ amount: '20', date: '2020-12-20' }],
        actual: String(Number(actual) - 50),
        carriedForward: String(100 - Number(actual)),
      },
    ],
    indicators,
    narrative: {},
    ...extra,
  };
  const parsed = parseDataset(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const hunan = (): RulePack => {
  const pack = findBuiltinPack('hunan');
  if (pack === null) throw new Error('hunan pack missing');
  return pack;
};
const codes = (ds: Dataset, pack: RulePack = nationalPack()) => scoreDataset(ds, pack).findings.map((f) => f.code);

describe('scoreDataset', () => {
  it('adds execution and indicator scores and grades the total', () => {
    const score = scoreDataset(dataset(FULL_SET), nationalPack());
    expect(formatPoints(score.execution.score)).toBe('7.50');
    expect(formatPoints(score.total)).toBe('97.50');
    expect(score.grade).toBe('优');
    expect(score.findings.map((f) => f.code)).toEqual([
      'EXECUTION_EXPLANATION_MISSING',
      'EXECUTION_EXPLANATION_MISSING',
    ]);
  });

  it('explains every score with formula, inputs, rule and pack', () => {
    const score = scoreDataset(dataset(FULL_SET), nationalPack());
    for (const e of [
      score.execution.explanation,
      score.totalExplanation,
      ...score.indicators.map((s) => s.explanation),
    ]) {
      expect(e.formula).toMatch(/得分|总分/);
      expect(Object.keys(e.inputs).length).toBeGreaterThan(0);
      expect(e.rule).not.toBe('');
      expect(e.pack).toContain('national');
      expect(e.text).toContain(e.formula);
    }
  });

  it('gives 0 execution points and no NaN when the budget is zero', () => {
    const ds = dataset(FULL_SET);
    const zero = { ...ds, basicExpenditure: { ...ds.basicExpenditure!, yearStartBudget: fen(0n) }, projects: [] };
    const score = scoreDataset(zero, nationalPack());
    expect(score.execution.rate).toBeNull();
    expect(score.execution.score).toBe(0n);
    expect(score.execution.explanation.rule).toContain('预算数为 0');
  });

  it('finds level weights that do not add up to the pack', () => {
    const set = FULL_SET.map((i) => (i.name === '办件量' ? { ...i, weight: '25' } : i));
    expect(codes(dataset(set))).toContain('LEVEL_WEIGHTS_MISMATCH');
  });

  it('asks for a deviation reason below full weight, and not when one is given', () => {
    const low = FULL_SET.map((i) => (i.name === '办件量' ? { ...i, actual: '80' } : i));
    expect(codes(dataset(low))).toContain('DEVIATION_REASON_MISSING');
    const explained = low.map((i) => (i.name === '办件量' ? { ...i, deviationReason: '需求减少' } : i));
    expect(codes(dataset(explained))).not.toContain('DEVIATION_REASON_MISSING');
    expect(formatPoints(scoreDataset(dataset(explained), nationalPack()).indicators[0]?.score ?? ZERO_POINTS)).toBe(
      '24.00',
    );
  });

  it('finds a declared score that differs from the computed one', () => {
    const set = FULL_SET.map((i) => (i.name === '办件量' ? { ...i, declaredScore: '29' } : i));
    expect(codes(dataset(set))).toContain('DECLARED_SCORE_MISMATCH');
    const total = dataset(FULL_SET, '75', { selfEvaluation: { declaredTotal: '99', declaredGrade: '良' } });
    expect(codes(total)).toEqual(expect.arrayContaining(['DECLARED_SCORE_MISMATCH', 'DECLARED_GRADE_MISMATCH']));
  });

  it('finds a qualitative score declared outside its band', () => {
    const set: IndicatorInput[] = [
      ...FULL_SET.filter((i) => i.level1 !== '效益'),
      {
        level1: '效益',
        level2: '社会',
        name: '覆盖',
        direction: '定性',
        achievement: '部分达成',
        declaredScore: '29',
        weight: '30',
      },
    ];
    const score = scoreDataset(dataset(set), nationalPack());
    expect(score.findings.map((f) => f.code)).toContain('QUALITATIVE_SCORE_OUT_OF_BAND');
    expect(formatPoints(score.indicators.at(-1)?.score ?? ZERO_POINTS)).toBe('24.00');
  });

  it('flags a target beaten by 30 % or more as too low, and Hunan deducts 2 points for it', () => {
    const set = FULL_SET.map((i) => (i.name === '办件量' ? { ...i, actual: '130' } : i));
    expect(codes(dataset(set))).toContain('TARGET_TOO_LOW');
    const national = scoreDataset(dataset(set), nationalPack()).indicators[0];
    const local = scoreDataset(dataset(set), hunan()).indicators[0];
    expect(formatPoints(national?.score ?? ZERO_POINTS)).toBe('30.00');
    expect(formatPoints(local?.score ?? ZERO_POINTS)).toBe('28.00');
    expect(local?.explanation.rule).toContain('扣 2.00 分');
    const under = FULL_SET.map((i) => (i.name === '办件量' ? { ...i, actual: '129.99' } : i));
    expect(codes(dataset(under))).not.toContain('TARGET_TOO_LOW');
  });

  it('finds an indicator without an actual value and scores it 0', () => {
    const set = FULL_SET.map((i): IndicatorInput => {
      if (i.name !== '办件量') return i;
      const rest: IndicatorInput = { ...i };
      delete rest.actual;
      return rest;
    });
    const score = scoreDataset(dataset(set), nationalPack());
    expect(score.findings.map((f) => f.code)).toContain('INDICATOR_INCOMPLETE');
    expect(score.indicators[0]?.score).toBe(0n);
  });
});

describe('the Hunan-style pack changes the result the way its rules say', () => {
  it('scores execution on the year-start budget (75 ÷ 80 = 93.75 %) instead of the full-year budget (75 %)', () => {
    const ds = dataset(FULL_SET);
    expect(formatPoints(scoreDataset(ds, nationalPack()).execution.score)).toBe('7.50');
    expect(formatPoints(scoreDataset(ds, hunan()).execution.score)).toBe('9.38');
  });

  it('caps the total at 89 when the execution rate is between 70 and 80 %', () => {
    const ds = dataset(FULL_SET, '60'); // 60 ÷ 80 = 75 % year-start
    const national = scoreDataset(ds, nationalPack());
    const local = scoreDataset(ds, hunan());
    expect(formatPoints(national.total)).toBe('96.00');
    expect(national.grade).toBe('优');
    expect(formatPoints(local.subtotal)).toBe('97.50');
    expect(formatPoints(local.total)).toBe('89.00');
    expect(local.grade).toBe('良');
    expect(local.totalExplanation.rule).toContain('总分最高 89.00 分');
  });
});

describe('indicator scores kept per list of indicators', () => {
  it('scores the same list again only under another pack, and an edited list anew', () => {
    const ds = dataset(FULL_SET);
    const first = scoreDataset(ds, nationalPack());
    const again = scoreDataset({ ...ds, projects: [...ds.projects] }, nationalPack());
    expect(again.indicators[0]).toBe(first.indicators[0]);
    const underHunan = scoreDataset(ds, hunan());
    expect(underHunan.indicators[0]).not.toBe(first.indicators[0]);
    expect(underHunan).toStrictEqual(scoreDataset({ ...ds, indicators: [...ds.indicators] }, hunan()));
    const edited = dataset(FULL_SET.map((i, n) => (n === 0 ? { ...i, actual: '50' } : i)));
    expect(formatPoints(scoreDataset(edited, nationalPack()).indicators[0]!.score)).toBe('15.00');
  });
});
