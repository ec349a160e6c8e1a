import { LEVEL1 } from '../dataset/indicators.js';
import type { Indicator } from '../dataset/schema.js';
import type { AnnualTargetRow } from './self-evaluation-table.js';

/** "63475件", "97.5%"; an empty string when missing. */
export function quantityText(value: string | undefined, unit: string | undefined): string {
  return value === undefined ? '' : `${value}${unit ?? ''}`;
}

/**
 * When the dataset states no 年度总体目标, one row per level-1 group is drafted from its indicators: the
 * targets ("12345热线工单签收量≥60000件；…") against the actuals ("12345热线工单签收量63475件；…").
 */
export function deriveAnnualTargets(indicators: readonly Indicator[]): AnnualTargetRow[] {
  return LEVEL1.flatMap((level1) => {
    const own = indicators.filter((i) => i.level1 === level1);
    if (own.length === 0) return [];
    const target = own
      .map((i) =>
        i.direction === '定性' ? (i.targetText ?? i.name) : `${i.name}${i.direction}${quantityText(i.target, i.unit)}`,
      )
      .join('；');
    const actual = own
      .map((i) =>
        i.direction === '定性'
          ? `${i.targetText ?? i.name}（${i.achievement ?? '未填'}）`
          : `${i.name}${quantityText(i.actual, i.unit)}`,
      )
      .join('；');
    return [{ target: `${level1}：${target}`, actual: `${level1}：${actual}` }];
  });
}
