// Source: standards.md §2 (部门经济分类) and §5 (cross-table accuracy): detail lines must add up to the expenditure they detail.
import type { Fen } from '../money/index.js';
import type { AmountFigure } from '../figures/amount-figure.js';
import type { Finding } from '../findings/finding.js';
import { economicClassOf } from '../reference/economic-classification.js';
import { amountText, compareAmount, differenceText } from '../figures/compare.js';
import type { Check } from './context.js';

/** UNKNOWN_ECONOMIC_CODE: every line's code must be in the reference table. */
export const checkEconomicCodes: Check = ({ dataset }) => {
  const tables = [
    ['basicExpenditure', dataset.basicExpenditure?.lines ?? []],
    ['projectExpenditure', dataset.projectExpenditure?.lines ?? []],
  ] as const;
  return tables.flatMap(([table, lines]) =>
    lines.flatMap((line, index): Finding[] =>
      economicClassOf(line.code) === undefined
        ? [
            {
              severity: 'error',
              code: 'UNKNOWN_ECONOMIC_CODE',
              message: `经济分类科目编码 ${line.code} 不存在（见部门经济分类科目表）。`,
              path: [table, 'lines', index, 'code'],
              figures: { code: line.code },
            },
          ]
        : [],
    ),
  );
};

function linesAgainstActual(
  label: string,
  lines: AmountFigure,
  actual: Fen,
  unit: CheckUnit,
  path: (string | number)[],
): Finding[] {
  const { severity, difference, toleranceText } = compareAmount(lines, actual, unit);
  if (severity === null) return [];
  const tolerance = `${lines.parts} 项 × 0.005 = ${toleranceText}${unit}`;
  return [
    {
      severity,
      code: 'LINES_MISMATCH',
      message: `${label}明细合计 ${amountText(lines.value, unit)}，与实际支出数 ${amountText(actual, unit)} 相差 ${differenceText(difference, unit)}，${severity === 'info' ? `在舍入容差（${tolerance}）以内，属舍入差异` : `超出舍入容差（${tolerance}）`}。`,
      path,
      figures: {
        lines: amountText(lines.value, unit),
        actual: amountText(actual, unit),
        difference: differenceText(difference, unit),
      },
    },
  ];
}

type CheckUnit = Parameters<typeof amountText>[1];

/** LINES_MISMATCH: basic lines vs basic actual; project lines vs Σ project actuals (when project lines are given). */
export const checkLinesAgainstActual: Check = ({ dataset, figures }) => {
  const unit = dataset.unit;
  const basic =
    (dataset.basicExpenditure?.lines.length ?? 0) === 0
      ? []
      : linesAgainstActual('基本支出', figures.amounts.basicLinesTotal, figures.amounts.expenditureBasic.value, unit, [
          'basicExpenditure',
          'lines',
        ]);
  const project =
    (dataset.projectExpenditure?.lines.length ?? 0) === 0
      ? []
      : linesAgainstActual(
          '项目支出',
          figures.amounts.projectLinesTotal,
          figures.amounts.expenditureProject.value,
          unit,
          ['projectExpenditure', 'lines'],
        );
  return [...basic, ...project];
};
