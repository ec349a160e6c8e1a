// Source: standards.md §5 (accuracy checks): every figure the report states must equal the one derived from raw facts.
import { parsePercent, type Fen } from '../money/index.js';
import { AMOUNT_FIGURES, PERCENT_FIGURES, type AmountFigureKey, type PercentFigureKey } from '../figures/catalog.js';
import type { Finding } from '../findings/finding.js';
import { amountText, compareAmount, comparePercent, differenceText, percentText } from '../figures/compare.js';
import type { Check, CheckContext } from './context.js';

function checkDeclaredAmount({ dataset, figures }: CheckContext, key: AmountFigureKey, stated: Fen): Finding[] {
  const computed = figures.amounts[key];
  const unit = dataset.unit;
  const { severity, difference, toleranceText } = compareAmount(computed, stated, unit);
  if (severity === null) return [];
  const label = AMOUNT_FIGURES[key];
  const tolerance = `${computed.parts} 项 × 0.005 = ${toleranceText}${unit}`;
  const verdict = severity === 'info' ? `在舍入容差（${tolerance}）以内，属舍入差异` : `超出舍入容差（${tolerance}）`;
  return [
    {
      severity,
      code: computed.parts > 1 ? 'TOTAL_MISMATCH' : 'FIGURE_MISMATCH',
      message: `${label}：报告所述 ${amountText(stated, unit)}，按原始数据计算为 ${amountText(computed.value, unit)}，相差 ${differenceText(difference, unit)}，${verdict}。`,
      path: ['declared', key],
      figures: {
        declared: amountText(stated, unit),
        computed: amountText(computed.value, unit),
        difference: differenceText(difference, unit),
      },
    },
  ];
}

function checkDeclaredPercent({ figures }: CheckContext, key: PercentFigureKey, statedText: string): Finding[] {
  const stated = parsePercent(statedText);
  if (!stated.ok) return [];
  const label = PERCENT_FIGURES[key];
  const computed = figures.percents[key];
  if (computed === null) {
    return [
      {
        severity: 'error',
        code: 'RATE_UNDEFINED',
        message: `${label}：报告所述 ${percentText(stated.percent)}，但其分母为 0，无法计算。`,
        path: ['declared', key],
        figures: { declared: percentText(stated.percent) },
      },
    ];
  }
  const { severity, difference } = comparePercent(computed, stated.percent);
  if (severity === null) return [];
  const verdict = severity === 'info' ? '属舍入差异' : '请核对';
  return [
    {
      severity,
      code: 'RATE_MISMATCH',
      message: `${label}：报告所述 ${percentText(stated.percent)}，按原始数据计算为 ${percentText(computed)}，相差 ${percentText(difference)}，${verdict}。`,
      path: ['declared', key],
      figures: {
        declared: percentText(stated.percent),
        computed: percentText(computed),
        difference: percentText(difference),
      },
    },
  ];
}

/** FIGURE_NOT_CHECKABLE: a stated figure whose raw facts the document does not give (info: nothing is assumed). */
function notCheckable(key: string): Finding[] {
  const label =
    key in AMOUNT_FIGURES ? AMOUNT_FIGURES[key as AmountFigureKey] : PERCENT_FIGURES[key as PercentFigureKey];
  return [
    {
      severity: 'info',
      code: 'FIGURE_NOT_CHECKABLE',
      message: `${label}：文档未列出计算它所需的原始数，未作核对。`,
      path: ['declared', key],
    },
  ];
}

/** DECLARED vs COMPUTED for every figure in the dataset's `declared` block. */
export const checkDeclaredFigures: Check = (context) => {
  const declared = context.dataset.declared;
  return Object.entries(declared).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (context.figures.unavailable.has(key as AmountFigureKey | PercentFigureKey)) return notCheckable(key);
    if (key in AMOUNT_FIGURES) return checkDeclaredAmount(context, key as AmountFigureKey, value as Fen);
    return checkDeclaredPercent(context, key as PercentFigureKey, value as string);
  });
};
