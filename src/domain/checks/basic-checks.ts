// Source: standards.md §2 (三公经费, 结余) and §5 (existence and completeness checks).
import { formatAmount, parsePercent, type Fen } from '../money/index.js';
import { PERCENT_FIGURES, SHARE_PAIRS } from '../figures/catalog.js';
import type { FieldPath, Finding } from '../findings/finding.js';
import { amountText, compareAmount, differenceText, percentText } from '../figures/compare.js';
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { Check } from './context.js';

/** Adjustments (调减) and stated changes against last year (增减额) may be negative; every other amount may not. */
function mayBeNegative(path: FieldPath): boolean {
  const last = path.at(-1);
  const isChange = path[0] === 'declared' && typeof last === 'string' && last.endsWith('Change');
  return isChange || path.includes('adjustments') || path.includes('supplementaryAppropriations');
}

function negativeAmounts(value: unknown, path: FieldPath, unit: Parameters<typeof amountText>[1]): Finding[] {
  if (typeof value === 'bigint') {
    return value < 0n && !mayBeNegative(path)
      ? [
          {
            severity: 'error',
            code: 'NEGATIVE_AMOUNT',
            message: `金额不能为负数：${formatAmount(value as Fen, unit)}${unit}。`,
            path,
            figures: { amount: amountText(value as Fen, unit) },
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => negativeAmounts(v, [...path, i], unit));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => negativeAmounts(v, [...path, k], unit));
  }
  return [];
}

/** NEGATIVE_AMOUNT anywhere in the dataset. */
export const checkNegativeAmounts: Check = ({ dataset }) => negativeAmounts(dataset, [], dataset.unit);

/** THREE_PUBLIC_OVER_BUDGET: a 三公 item spent beyond its budget. */
export const checkThreePublic: Check = ({ dataset, figures }) =>
  figures.threePublic.flatMap((item): Finding[] =>
    item.overBudget > 0n
      ? [
          {
            severity: 'warning',
            code: 'THREE_PUBLIC_OVER_BUDGET',
            message: `“三公”经费${item.label}决算数 ${amountText(item.actual, dataset.unit)} 超过预算数 ${amountText(item.budget, dataset.unit)}，超支 ${amountText(item.overBudget, dataset.unit)}。`,
            path: ['basicExpenditure', 'threePublic', item.key],
            figures: {
              budget: amountText(item.budget, dataset.unit),
              actual: amountText(item.actual, dataset.unit),
              over: amountText(item.overBudget, dataset.unit),
            },
          },
        ]
      : [],
  );

/** SHARE_SUM: two stated shares of one whole must add up to 100 % (0.01 off is rounding). */
export const checkSharePairs: Check = ({ dataset }) =>
  SHARE_PAIRS.flatMap(([a, b]): Finding[] => {
    const sa = dataset.declared[a];
    const sb = dataset.declared[b];
    if (sa === undefined || sb === undefined) return [];
    const pa = parsePercent(sa);
    const pb = parsePercent(sb);
    if (!pa.ok || !pb.ok) return [];
    const sum = pa.percent + pb.percent;
    const off = sum > 10_000n ? sum - 10_000n : 10_000n - sum;
    if (off === 0n) return [];
    return [
      {
        severity: off <= 1n ? 'info' : 'error',
        code: 'SHARE_SUM',
        message: `${PERCENT_FIGURES[a]}（${percentText(pa.percent)}）与${PERCENT_FIGURES[b]}（${percentText(pb.percent)}）之和为 ${percentText(sum as typeof pa.percent)}，不等于 100%。`,
        path: ['declared', b],
        figures: {
          first: percentText(pa.percent),
          second: percentText(pb.percent),
          sum: percentText(sum as typeof pa.percent),
        },
      },
    ];
  });

/**
 * Whether the document states both sides of the balance: income, basic expenditure, and what happened to unspent
 * money (a form that does not say so is not assumed to have carried nothing forward).
 */
function statesYearEndBalance(dataset: Dataset, figures: Figures): boolean {
  if (figures.unavailable.has('incomeTotal') || figures.unavailable.has('expenditureTotal')) return false;
  const basicStated = dataset.basicExpenditure?.carriedForward !== undefined;
  const projectStated = dataset.projects.some(
    (p) => p.carriedForward !== undefined || p.returnedToTreasury !== undefined,
  );
  return basicStated || projectStated || dataset.projects.length === 0;
}

/** BALANCE_MISMATCH: 年末结余 (Σ 结转结余) against 实际收入 − 支出决算. */
export const checkYearEndBalance: Check = ({ dataset, figures }) => {
  if (!statesYearEndBalance(dataset, figures)) return [];
  const balance = figures.amounts.yearEndBalance.value;
  const { severity, difference } = compareAmount(figures.incomeLessExpenditure, balance, dataset.unit);
  if (severity === null) return [];
  const unit = dataset.unit;
  return [
    {
      severity,
      code: 'BALANCE_MISMATCH',
      message: `实际收入 ${amountText(figures.amounts.incomeTotal.value, unit)} − 支出决算 ${amountText(figures.amounts.expenditureTotal.value, unit)} = ${amountText(figures.incomeLessExpenditure.value, unit)}，与结转结余合计 ${amountText(balance, unit)} 相差 ${differenceText(difference, unit)}${severity === 'info' ? '，属舍入差异' : ''}。`,
      path: ['projects'],
      figures: {
        incomeLessExpenditure: amountText(figures.incomeLessExpenditure.value, unit),
        yearEndBalance: amountText(balance, unit),
        difference: differenceText(difference, unit),
      },
    },
  ];
};

const REQUIRED_SECTIONS = [
  ['achievements', '三、部门整体支出绩效情况'],
  ['problems', '四、存在的问题及原因分析'],
  ['measures', '五、下一步改进措施'],
  ['resultsUse', '六、绩效自评结果拟应用和公开情况'],
] as const;

/** A section counts as missing when it has no paragraph with text in it (achievements: no heading or paragraph). */
function isBlank(parts: readonly (string | { heading: string; paragraphs: string[] })[]): boolean {
  return parts.every(
    (part) => (typeof part === 'string' ? part : part.heading + part.paragraphs.join('')).trim() === '',
  );
}

/** MISSING_SECTION: the narrative sections every report must have. */
export const checkRequiredSections: Check = ({ dataset }) =>
  dataset.kind !== 'report'
    ? []
    : REQUIRED_SECTIONS.flatMap(([key, title]): Finding[] =>
        isBlank(dataset.narrative[key])
          ? [
              {
                severity: 'error',
                code: 'MISSING_SECTION',
                message: `缺少“${title}”部分的内容。`,
                path: ['narrative', key],
              },
            ]
          : [],
      );
