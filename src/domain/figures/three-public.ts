import { ratio, ZERO_FEN, type Fen, type Percent } from '../money/index.js';
import type { BasicExpenditure } from '../dataset/schema.js';

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
  /** False when the form prints the 三公 budget only as a total. */
  budgetStated: boolean;
  actual: Fen;
  executionRate: Percent | null;
  overBudget: Fen;
};

/** The 三公 items a document states; an item whose budget is printed only in the total has budget 0 and no rate. */
export function computeThreePublic(threePublic: BasicExpenditure['threePublic']): ThreePublicItemFigures[] {
  if (threePublic === undefined) return [];
  const keys: ThreePublicItemKey[] = ['overseasTravel', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  return keys.flatMap((key) => {
    const item = threePublic[key];
    if (item === undefined) return [];
    const budget = item.budget ?? ZERO_FEN;
    const over = item.budget === undefined ? 0n : item.actual - budget;
    return [
      {
        key,
        label: THREE_PUBLIC_LABELS[key],
        budget,
        budgetStated: item.budget !== undefined,
        actual: item.actual,
        executionRate: item.budget === undefined ? null : ratio(item.actual, budget),
        overBudget: (over > 0n ? over : ZERO_FEN) as Fen,
      },
    ];
  });
}
