import { ratio, ZERO_FEN, type Fen, type Percent } from '../money/index.js';
import type { Dataset } from '../dataset/schema.js';

export type ThreePublicItemKey = 'overseasTravel' | 'vehiclePurchase' | 'vehicleOperation' | 'reception';

export const THREE_PUBLIC_LABELS: Readonly<Record<ThreePublicItemKey, string>> = {
  overseasTravel: '因公出国（境）费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
};

/** One 三公 item: budget, actual, 执行率 (actual ÷ budget; null when the budget is zero). */
export type ThreePublicItemFigures = {
  key: ThreePublicItemKey;
  label: string;
  budget: Fen;
  actual: Fen;
  executionRate: Percent | null;
  overBudget: Fen;
};

export function computeThreePublic(threePublic: Dataset['basicExpenditure']['threePublic']): ThreePublicItemFigures[] {
  const keys: ThreePublicItemKey[] = ['overseasTravel', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  return keys.flatMap((key) => {
    const item = threePublic[key];
    if (item === undefined) return [];
    const over = item.actual - item.budget;
    return [
      {
        key,
        label: THREE_PUBLIC_LABELS[key],
        budget: item.budget,
        actual: item.actual,
        executionRate: ratio(item.actual, item.budget),
        overBudget: (over > 0n ? over : ZERO_FEN) as Fen,
      },
    ];
  });
}
