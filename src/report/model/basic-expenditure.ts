import type { BasicExpenditure, Dataset, ExpenditureLine } from '../../domain/dataset/schema.js';
import type { ThreePublicItemKey } from '../../domain/figures/three-public.js';
import type { Figures } from '../../domain/figures/compute.js';
import { economicName } from '../../domain/reference/economic-classification.js';
import type { Fen, MoneyUnit } from '../../domain/money/index.js';
import { amountCell, amountPhrase, percentPhrase } from './format.js';
import type { PrintedFigures } from '../../domain/figures/printed-figures.js';
import { threePublicCountsSentence } from './three-public-counts.js';
import type { Block, ReportTable } from './types.js';

type ThreePublic = NonNullable<BasicExpenditure['threePublic']>;

/** 基本支出的定义 (standard wording of the seed). */
const BASIC_DEFINITION =
  '基本支出是指为保障单位机构运转、完成日常工作任务而发生的各项支出，包括基本工资、津贴补贴等人员经费以及办公费、印刷费、水电费、办公设备购置等日常公用经费。';

/** 三公 items in the order the seed names them (vehicles first). */
const THREE_PUBLIC_ORDER: readonly ThreePublicItemKey[] = [
  'vehicleOperation',
  'vehiclePurchase',
  'reception',
  'overseasTravel',
];

/** "年初预算数为601.68万元，实际收入数为596.04万元，占收入总额64.11%。实际支出数为596.04万元，占支出总额70.89%；其中人员经费…" */
export function basicExpenditureParagraph(printed: PrintedFigures, unit: MoneyUnit): string {
  const a = (key: Parameters<PrintedFigures['amount']>[0]) => amountPhrase(printed.amount(key), unit);
  const p = (key: Parameters<PrintedFigures['percent']>[0]) => percentPhrase(printed.percent(key));
  return (
    `${BASIC_DEFINITION}年初预算数为${a('basicYearStartBudget')}，实际收入数为${a('incomeBasic')}，占收入总额${p('incomeBasicShare')}。` +
    `实际支出数为${a('expenditureBasic')}，占支出总额${p('expenditureBasicShare')}；其中人员经费${a('personnel')}，日常公用经费${a('publicUse')}。`
  );
}

/**
 * "其中“三公”经费支出情况：公务用车运行维护费预算数0万元，决算数0万元；…" — an item's budget only where the document
 * states it; a budget printed only as a total ("预算数合计18万元") leads; then every stated count (保有量, 接待批次).
 */
export function threePublicSentence(figures: Figures, unit: MoneyUnit, threePublic?: ThreePublic): string {
  const items = THREE_PUBLIC_ORDER.flatMap((key) => figures.threePublic.filter((t) => t.key === key));
  if (items.length === 0) return '“三公”经费无预算安排，亦无支出。';
  const parts = items.map((t) =>
    t.budgetStated
      ? `${t.label}预算数${amountPhrase(t.budget, unit)}，决算数${amountPhrase(t.actual, unit)}`
      : `${t.label}决算数${amountPhrase(t.actual, unit)}`,
  );
  const onlyTotal = items.some((t) => !t.budgetStated) && threePublic?.budgetTotal !== undefined;
  const total = onlyTotal
    ? [
        `预算数合计${amountPhrase(figures.amounts.threePublicBudget.value, unit)}，决算数合计${amountPhrase(figures.amounts.threePublicActual.value, unit)}`,
      ]
    : [];
  const counts = threePublicCountsSentence(threePublic);
  return `其中“三公”经费支出情况：${[...total, ...parts, ...(counts === '' ? [] : [counts])].join('；')}。`;
}

function lineLabel(line: ExpenditureLine): string {
  return line.label ?? economicName(line.code) ?? line.code;
}

/** 明细表: 明细支出内容 / 金额（单位：万元）, its 合计 being the printed total. */
export function linesTable(
  lines: readonly ExpenditureLine[],
  total: Fen,
  unit: MoneyUnit,
  note: string | undefined,
): ReportTable {
  return {
    header: ['明细支出内容', `金额（单位：${unit}）`],
    rows: lines.map((line) => [lineLabel(line), amountCell(line.amount, unit)]),
    totalRow: ['合计', amountCell(total, unit)],
    numericColumns: [1],
    widths: [3, 2],
    ...(note === undefined ? {} : { note }),
  };
}

/** （一）基本支出情况: paragraph, 三公 sentence, detail table. */
export function basicExpenditureBlocks(dataset: Dataset, figures: Figures, printed: PrintedFigures): Block[] {
  const unit = dataset.unit;
  const basic = dataset.basicExpenditure;
  if (basic === undefined) return [];
  return [
    { kind: 'heading', level: 2, text: '（一）基本支出情况' },
    { kind: 'paragraph', text: basicExpenditureParagraph(printed, unit) },
    { kind: 'paragraph', text: threePublicSentence(figures, unit, basic.threePublic) },
    { kind: 'paragraph', text: '具体支出资金明细见下表：' },
    {
      kind: 'table',
      table: linesTable(basic.lines, printed.amount('basicLinesTotal'), unit, basic.linesNote),
    },
  ];
}
