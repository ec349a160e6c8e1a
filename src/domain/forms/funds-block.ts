// Source: standards.md §6: 年度资金总额 = Σ 来源行 (当年财政拨款 + 上年结转资金 + 其他资金…); each row and the total
// with 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分; the denominator is the pack's (年初 / 全年 / 可用预算).
// 占比 of a source row = its 全年执行数 ÷ 年度资金总额的全年执行数 (Σ rows), 2 decimals half-up.
// Edge cases: a column the form does not print gives no figure (nothing is assumed); a blank cell in a printed
// column is 0; 0 ÷ 0 is 0.00 % or no rate, as the pack says; a total row with no source rows stands for itself;
// no share when the total 全年执行数 is 0 or not printed (the rounded shares may add up to 100 % ± 0.01 per row).
import {
  formatAmount,
  formatPercent,
  parsePercent,
  ratio,
  sumFen,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../money/index.js';
import type { FormTable, FundsRow } from '../dataset/form-table.js';
import { explain, type Explanation } from '../scoring/explanation.js';
import { formatPoints, parsePoints, sumPoints, type Points } from '../scoring/points.js';
import type { FormConvention, FormExecutionBasis, RulePack } from '../scoring/rule-pack.js';
import { applyFundsRule } from './funds-rule.js';

export const FORM_BASIS_LABEL: Readonly<Record<FormExecutionBasis, string>> = {
  yearStartBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  availableBudget: '可用预算数（年初结转 + 年初预算 + 本年追加）',
};

/** One line of the funds block: a source row (`index`) or the 年度资金总额 row (`index: null`). */
export type FundsLine = {
  index: number | null;
  source: string;
  yearStartBudget: Fen | null;
  fullYearBudget: Fen | null;
  actual: Fen | null;
  basis: FormExecutionBasis;
  /** The denominator on `basis`; null when the form does not print it. */
  budget: Fen | null;
  /** 执行率 at 2 decimals; null when there is no denominator (or 0 ÷ 0 under `zeroOverZero: none`). */
  rate: Percent | null;
  /** 占比: a source row's 全年执行数 ÷ the total's, 2 decimals; null for the total line or when the total is 0. */
  share: Percent | null;
  declaredShare: Percent | null;
  /** True when the rate is 0.00 % because both figures are 0. */
  zeroOverZero: boolean;
  /** 分值 of a scored line, else null. */
  weight: Points | null;
  score: Points | null;
  declaredRate: Percent | null;
  declaredScore: Points | null;
  explanation: Explanation | null;
};

export type FundsEvaluation = {
  rows: FundsLine[];
  total: FundsLine;
  /** Which columns the form prints. */
  columns: { yearStartBudget: boolean; fullYearBudget: boolean; actual: boolean };
  /** 资金得分 (the total line's score); null when the form does not print what the pack's basis needs. */
  score: Points | null;
};

type Funds = NonNullable<FormTable['funds']>;
type Cells = { yearStartBudget: Fen | null; fullYearBudget: Fen | null; actual: Fen | null; available: Fen | null };

const orNull = <T>(value: T | undefined): T | null => value ?? null;
const points = (text: string | undefined): Points | null => (text === undefined ? null : parsePoints(text));
const percentOf = (text: string | undefined): Percent | null => {
  const parsed = text === undefined ? null : parsePercent(text);
  return parsed?.ok === true ? parsed.percent : null;
};

function rowCells(row: FundsRow, columns: FundsEvaluation['columns']): Cells {
  const zero = 0n as Fen;
  const cell = (value: Fen | undefined, present: boolean): Fen | null => value ?? (present ? zero : null);
  const anyBudget = columns.yearStartBudget || columns.fullYearBudget;
  return {
    yearStartBudget: cell(row.yearStartBudget, columns.yearStartBudget),
    fullYearBudget: cell(row.fullYearBudget, columns.fullYearBudget),
    actual: cell(row.actual, columns.actual),
    available: row.fullYearBudget ?? row.yearStartBudget ?? (anyBudget ? zero : null),
  };
}

function sumColumn(rows: readonly Cells[], key: keyof Cells): Fen | null {
  const values = rows.map((r) => r[key]);
  return values.some((v) => v === null) ? null : sumFen(values as Fen[]);
}

function totalCells(funds: Funds, rows: readonly Cells[]): Cells {
  const printed = funds.declaredTotal;
  if (rows.length === 0) {
    return {
      yearStartBudget: orNull(printed?.yearStartBudget),
      fullYearBudget: orNull(printed?.fullYearBudget),
      actual: orNull(printed?.actual),
      available: printed?.fullYearBudget ?? printed?.yearStartBudget ?? null,
    };
  }
  return {
    yearStartBudget: sumColumn(rows, 'yearStartBudget'),
    fullYearBudget: sumColumn(rows, 'fullYearBudget'),
    actual: sumColumn(rows, 'actual'),
    available: sumColumn(rows, 'available'),
  };
}

function budgetOn(cells: Cells, basis: FormExecutionBasis): Fen | null {
  return basis === 'availableBudget' ? cells.available : cells[basis];
}

function rateOf(cells: Cells, budget: Fen | null, convention: FormConvention): { rate: Percent | null; zero: boolean } {
  if (budget === null || cells.actual === null) return { rate: null, zero: false };
  if (budget === 0n && cells.actual === 0n && convention.funds.zeroOverZero === 'zero') {
    return { rate: 0n as Percent, zero: true };
  }
  return { rate: ratio(cells.actual, budget), zero: false };
}

type LineInput = {
  index: number | null;
  source: string;
  cells: Cells;
  basis: FormExecutionBasis;
  weight: Points | null;
  declaredRate: Percent | null;
  declaredScore: Points | null;
  declaredShare: Percent | null;
};

function line(input: LineInput, convention: FormConvention, pack: RulePack, unit: MoneyUnit): FundsLine {
  const { cells, basis, weight } = input;
  const budget = budgetOn(cells, basis);
  const { rate, zero } = rateOf(cells, budget, convention);
  const base = {
    index: input.index,
    source: input.source,
    yearStartBudget: cells.yearStartBudget,
    fullYearBudget: cells.fullYearBudget,
    actual: cells.actual,
    basis,
    budget,
    rate,
    zeroOverZero: zero,
    weight,
    declaredRate: input.declaredRate,
    declaredScore: input.declaredScore,
    share: null,
    declaredShare: input.declaredShare,
  };
  if (weight === null || budget === null || cells.actual === null) return { ...base, score: null, explanation: null };
  const result = applyFundsRule(convention.funds.rule, weight, rate);
  const amount = (fen: Fen) => `${formatAmount(fen, unit)}${unit}`;
  const inputs = {
    分值: formatPoints(weight),
    全年执行数: amount(cells.actual),
    [FORM_BASIS_LABEL[basis]]: amount(budget),
    执行率: rate === null ? '无（分母为 0）' : `${formatPercent(rate)}%${zero ? '（0 ÷ 0 按 0.00% 计）' : ''}`,
  };
  const rule = `${input.source}：执行率 = 全年执行数 ÷ ${FORM_BASIS_LABEL[basis]}；${result.rule}`;
  const explanation = explain(pack, { ...result, rule, inputs, result: formatPoints(result.score) });
  return { ...base, score: result.score, explanation };
}

/** 占比 of a row's 全年执行数 in the total's; null when either is not printed or the total is 0. */
export function shareOf(actual: Fen | null, totalActual: Fen | null): Percent | null {
  return actual === null || totalActual === null ? null : ratio(actual, totalActual);
}

function columnsOf(funds: Funds): FundsEvaluation['columns'] {
  const has = (key: 'yearStartBudget' | 'fullYearBudget' | 'actual') =>
    funds.rows.some((r) => r[key] !== undefined) || funds.declaredTotal?.[key] !== undefined;
  return { yearStartBudget: has('yearStartBudget'), fullYearBudget: has('fullYearBudget'), actual: has('actual') };
}

/** Rates and scores of every row and of the total, under the form convention of the pack. */
export function evaluateFunds(
  funds: Funds,
  convention: FormConvention,
  pack: RulePack,
  unit: MoneyUnit,
): FundsEvaluation {
  const columns = columnsOf(funds);
  const cells = funds.rows.map((r) => rowCells(r, columns));
  const rowBasis = convention.funds.rowBasis ?? convention.funds.basis;
  const perRow = convention.funds.perRow;
  const lines = funds.rows.map((row, index) =>
    line(
      {
        index,
        source: row.source,
        cells: cells[index] ?? rowCells(row, columns),
        basis: rowBasis,
        weight: perRow || row.weight !== undefined ? (points(row.weight) ?? (0n as Points)) : null,
        declaredRate: percentOf(row.declaredRate),
        declaredScore: points(row.declaredScore),
        declaredShare: percentOf(row.declaredShare),
      },
      convention,
      pack,
      unit,
    ),
  );
  const printed = funds.declaredTotal;
  const total = line(
    {
      index: null,
      source: '年度资金总额',
      cells: totalCells(funds, cells),
      basis: convention.funds.basis,
      weight: perRow ? null : convention.funds.weight,
      declaredRate: percentOf(printed?.rate),
      declaredScore: points(printed?.score),
      declaredShare: null,
    },
    convention,
    pack,
    unit,
  );
  const rows = lines.map((l) => ({ ...l, share: shareOf(l.actual, total.actual) }));
  if (!perRow) return { rows, total, columns, score: total.score };
  const scored = rows.filter((r) => r.score !== null);
  const score = scored.length === 0 ? null : sumPoints(scored.map((r) => r.score ?? (0n as Points)));
  const inputs = Object.fromEntries(scored.map((r) => [`${r.source}得分`, formatPoints(r.score ?? (0n as Points))]));
  const explanation =
    score === null
      ? null
      : explain(pack, {
          rule: '各来源行单独计分，资金得分为各行得分之和',
          formula: '得分 = Σ 各行得分',
          inputs,
          result: formatPoints(score),
        });
  return { rows, total: { ...total, weight: convention.funds.weight, score, explanation }, columns, score };
}
