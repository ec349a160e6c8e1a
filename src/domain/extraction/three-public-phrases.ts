// Source: 三公 sentences of reports and 决算说明: "公务接待支出预算数0.5万元，决算数0万元", "因公出国（境）费0万元",
// "公务用车购置及运行维护费预算数…". The item named last in the sentence owns the amounts that follow it.
import type { FigureSink } from './figure-sink.js';
import { amountsIn, clausesOf } from './numbers.js';
import type { FigureSource } from './source.js';

type Item = 'overseasTravel' | 'vehiclePurchase' | 'vehicleOperation' | 'reception' | 'total';

const ITEM_LABELS: Readonly<Record<Item, string>> = {
  overseasTravel: '因公出国（境）费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
  total: '“三公”经费',
};

function itemIn(words: string): Item | null {
  if (/出国|出境/u.test(words)) return 'overseasTravel';
  if (/(公务(用)?车|车辆)[^运]*购置/u.test(words) && !/运行/u.test(words)) return 'vehiclePurchase';
  if (/公务(用)?车|车辆|运行(与|和|及)?维护/u.test(words)) return 'vehicleOperation';
  if (/接待/u.test(words)) return 'reception';
  if (/三公/u.test(words)) return 'total';
  return null;
}

/** True when a paragraph states 三公 figures (it is then read only here, not by the basic-expenditure phrases). */
export function isThreePublicParagraph(text: string): boolean {
  return /三公/u.test(text) || (/(出国|出境)/u.test(text) && /接待/u.test(text));
}

/** The 三公 items' budgets and actuals stated in a paragraph. */
export function threePublicFigures(sink: FigureSink, text: string, base: Omit<FigureSource, 'quote'>): void {
  let item: Item | null = null;
  for (const clause of clausesOf(text)) {
    let from = 0;
    for (const amount of amountsIn(clause.text)) {
      const words = clause.text.slice(from, amount.at);
      from = amount.end;
      item = itemIn(words) ?? item;
      if (item === null) continue;
      const kind = /预算/u.test(words) ? 'budget' : /决算|实际|支出|开支|使用|费$/u.test(words) ? 'actual' : null;
      if (kind === null) continue;
      const source = { ...base, quote: clause.text };
      const label = `${ITEM_LABELS[item]}${kind === 'budget' ? '预算数' : '决算数'}`;
      if (item === 'total')
        sink.amount(
          ['declared', kind === 'budget' ? 'threePublicBudget' : 'threePublicActual'],
          label,
          amount.text,
          amount.unit,
          source,
        );
      else sink.amount(['basicExpenditure', 'threePublic', item, kind], label, amount.text, amount.unit, source);
    }
  }
}
