import type { ThreePublicItemFigures, ThreePublicItemKey } from '../../domain/figures/three-public.js';
import { ratio, sumFen, type Fen, type Percent } from '../../domain/money/index.js';
import { changePhrase, money, moneyCell, rate, rateCell, type FinalAccountsContext } from './final-accounts-format.js';
import { threePublicCounts } from './three-public-counts.js';
import type { Block, ReportTable } from './types.js';

type PriorItem = 'overseasTravel' | 'vehicle' | 'reception';

/** The three groups a 决算说明 prints, the 公务用车 group being 购置 + 运行维护. */
const GROUPS: readonly {
  label: string;
  keys: readonly ThreePublicItemKey[];
  share: 'overseasTravelShare' | 'vehicleShare' | 'receptionShare';
  prior: PriorItem;
  count: 'overseasTravel' | 'vehicle' | 'reception';
}[] = [
  {
    label: '因公出国（境）费',
    keys: ['overseasTravel'],
    share: 'overseasTravelShare',
    prior: 'overseasTravel',
    count: 'overseasTravel',
  },
  {
    label: '公务用车购置及运行维护费',
    keys: ['vehiclePurchase', 'vehicleOperation'],
    share: 'vehicleShare',
    prior: 'vehicle',
    count: 'vehicle',
  },
  { label: '公务接待费', keys: ['reception'], share: 'receptionShare', prior: 'reception', count: 'reception' },
];

type Group = {
  label: string;
  items: ThreePublicItemFigures[];
  actual: Fen;
  budget: Fen | null;
  share: Percent | null;
  prior: Fen | undefined;
  count: string;
};

function groups(c: FinalAccountsContext): Group[] {
  const threePublic = c.dataset.basicExpenditure?.threePublic;
  if (threePublic === undefined) return [];
  const counts = threePublicCounts(threePublic);
  return GROUPS.flatMap((g) => {
    const items = c.figures.threePublic.filter((t) => g.keys.includes(t.key));
    if (items.length === 0) return [];
    const vehicle = g.prior === 'vehicle';
    const budget = vehicle
      ? c.amount('threePublicVehicleBudget')
      : items.every((t) => t.budgetStated)
        ? sumFen(items.map((t) => t.budget))
        : null;
    return [
      {
        label: g.label,
        items,
        actual: vehicle
          ? (c.amount('threePublicVehicleActual') ?? sumFen(items.map((t) => t.actual)))
          : sumFen(items.map((t) => t.actual)),
        budget,
        share: c.percent(g.share),
        prior: c.dataset.priorYear?.[g.prior],
        count: counts[g.count],
      },
    ];
  });
}

/** "公务用车购置及运行维护费支出12.40万元，占77.50%（其中公务用车运行维护费12.40万元），公务用车保有量3辆". */
function groupPhrase(g: Group, c: FinalAccountsContext): string {
  const { unit } = c;
  const budget = g.budget === null ? '' : `预算${money(g.budget, unit)}，`;
  const detail =
    g.items.length > 1 ? `（其中${g.items.map((t) => `${t.label}${money(t.actual, unit)}`).join('，')}）` : '';
  const prior = g.prior === undefined ? '' : `，较上年${changePhrase((g.actual - g.prior) as Fen, null, unit)}`;
  const share = g.share === null ? '' : `，占${rate(g.share)}`;
  return `${g.label}${budget}支出${money(g.actual, unit)}${share}${detail}${prior}${g.count === '' ? '' : `，${g.count}`}`;
}

/** "2021年度“三公”经费预算18.00万元，支出决算16.00万元，完成预算的88.89%。" and the comparison with last year. */
function totalSentences(c: FinalAccountsContext): string {
  const { unit, dataset } = c;
  const actual = c.amount('threePublicActual');
  if (actual === null) return '';
  const budget = c.amount('threePublicBudget');
  const executed = c.percent('threePublicExecutionRate');
  const onlyTotal =
    c.figures.threePublic.some((t) => !t.budgetStated) && budget !== null ? '（预算只列合计，未分项列示）' : '';
  const head =
    budget === null
      ? `${dataset.fiscalYear}年度“三公”经费支出决算${money(actual, unit)}。`
      : `${dataset.fiscalYear}年度“三公”经费预算${money(budget, unit)}${onlyTotal}，支出决算${money(actual, unit)}${executed === null ? '' : `，完成预算的${rate(executed)}`}。`;
  const prior = dataset.priorYear;
  const parts: string[] = [];
  const change = c.amount('threePublicChange');
  if (change !== null && prior?.threePublicActual !== undefined)
    parts.push(
      `支出${changePhrase(change, c.percent('threePublicChangeRate'), unit)}（上年${money(prior.threePublicActual, unit)}）`,
    );
  const budgetRate = c.percent('threePublicBudgetChangeRate');
  if (budget !== null && prior?.threePublicBudget !== undefined)
    parts.push(
      `预算${changePhrase((budget - prior.threePublicBudget) as Fen, budgetRate, unit)}（上年预算${money(prior.threePublicBudget, unit)}）`,
    );
  return `${head}${parts.length === 0 ? '' : `与上年相比，“三公”经费${parts.join('；')}。`}`;
}

/** “三公”经费支出决算表: 预算数 only where stated (a total-only budget fills just the 合计 row). */
function threePublicTable(c: FinalAccountsContext, list: readonly Group[]): ReportTable {
  const { unit } = c;
  const actual = c.amount('threePublicActual');
  const rows = list.flatMap((g) => [
    [g.label, moneyCell(g.budget, unit), moneyCell(g.actual, unit), rateCell(g.share)],
    ...(g.items.length > 1
      ? g.items.map((t, i) => [
          `${i === 0 ? '其中：' : '　　　'}${t.label}`,
          t.budgetStated ? moneyCell(t.budget, unit) : '—',
          moneyCell(t.actual, unit),
          '—',
        ])
      : []),
  ]);
  return {
    caption: `“三公”经费支出决算表（单位：${unit}）`,
    header: ['项目', '预算数', '决算数', '占“三公”经费支出比例'],
    rows,
    totalRow: [
      '合计',
      moneyCell(c.amount('threePublicBudget'), unit),
      moneyCell(actual, unit),
      rateCell(actual === null ? null : ratio(actual, actual)),
    ],
    numericColumns: [1, 2, 3],
    widths: [5, 2, 2, 3],
  };
}

/** “三公”经费支出决算情况: totals, execution, comparison, each group with its share and counts, then the table. */
export function threePublicBlocks(c: FinalAccountsContext): Block[] {
  const head = totalSentences(c);
  const list = groups(c);
  if (head === '' || list.length === 0) return [];
  return [
    { kind: 'paragraph', text: head },
    { kind: 'paragraph', text: `其中：${list.map((g) => groupPhrase(g, c)).join('；')}。` },
    { kind: 'table', table: threePublicTable(c, list) },
  ];
}
