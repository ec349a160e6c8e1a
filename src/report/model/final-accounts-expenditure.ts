import { linesTable } from './basic-expenditure.js';
import { money, moneyCell, rate, rateCell, type FinalAccountsContext } from './final-accounts-format.js';
import type { Block, ReportTable } from './types.js';

/** "本年支出合计1160.10万元，其中：基本支出828.60万元，占71.42%；项目支出331.50万元，占28.58%。" */
function totalSentence(c: FinalAccountsContext): string {
  const { unit } = c;
  const total = c.amount('expenditureTotal');
  if (total === null) return '';
  const part = (
    label: string,
    key: 'expenditureBasic' | 'expenditureProject',
    share: 'expenditureBasicShare' | 'expenditureProjectShare',
  ) => {
    const value = c.amount(key);
    const p = c.percent(share);
    return value === null ? [] : [`${label}${money(value, unit)}${p === null ? '' : `，占${rate(p)}`}`];
  };
  const parts = [
    ...(c.dataset.basicExpenditure === undefined ? [] : part('基本支出', 'expenditureBasic', 'expenditureBasicShare')),
    ...(c.dataset.projects.length === 0 ? [] : part('项目支出', 'expenditureProject', 'expenditureProjectShare')),
  ];
  return `本年支出合计${money(total, unit)}${parts.length === 0 ? '' : `，其中：${parts.join('；')}`}。`;
}

/** （一）基本支出: 人员经费 and 日常公用经费 with their shares, then the lines by economic classification. */
function basicBlocks(c: FinalAccountsContext): Block[] {
  const basic = c.dataset.basicExpenditure;
  const actual = c.amount('expenditureBasic');
  if (basic === undefined || actual === null) return [];
  const { unit } = c;
  const lines = basic.lines.length > 0;
  const personnel = c.amount('personnel');
  const publicUse = c.amount('publicUse');
  const classes =
    lines && personnel !== null && publicUse !== null
      ? `，其中人员经费${money(personnel, unit)}，占${rateCell(c.percent('personnelShare'))}；日常公用经费${money(publicUse, unit)}，占${rateCell(c.percent('publicUseShare'))}`
      : '';
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '（一）基本支出' },
    { kind: 'paragraph', text: `基本支出${money(actual, unit)}${classes}。` },
  ];
  if (lines) {
    const table = linesTable(basic.lines, c.printed.amount('basicLinesTotal'), unit, basic.linesNote);
    blocks.push({ kind: 'table', table: { ...table, caption: `基本支出决算明细表（单位：${unit}）` } });
  }
  return blocks;
}

/** 项目支出决算表: 年初预算, 本年追加, 全年预算, 实际支出, 执行率（全年预算口径）, 结转结余 as stated. */
function projectsTable(c: FinalAccountsContext): ReportTable {
  const { unit, dataset } = c;
  return {
    caption: `项目支出决算表（单位：${unit}）`,
    header: ['项目名称', '年初预算数', '本年追加', '全年预算数', '实际支出', '执行率', '结转结余'],
    rows: c.figures.projects.map((p) => [
      p.name,
      moneyCell(p.yearStartBudget, unit),
      // A project that lists no supplementary appropriation states none: "—", not an invented 0.00.
      dataset.projects[p.index]?.supplementaryAppropriations.length === 0 ? '—' : moneyCell(p.supplementary, unit),
      moneyCell(p.fullYearBudget, unit),
      moneyCell(p.actual, unit),
      rateCell(p.executionRate),
      moneyCell(dataset.projects[p.index]?.carriedForward, unit),
    ]),
    totalRow: [
      '合计',
      moneyCell(c.amount('projectYearStartBudget'), unit),
      moneyCell(c.amount('supplementaryTotal'), unit),
      moneyCell(c.amount('projectFullYearBudget'), unit),
      moneyCell(c.amount('expenditureProject'), unit),
      rateCell(c.percent('projectExecutionRateFullYear')),
      dataset.projects.some((p) => p.carriedForward !== undefined)
        ? moneyCell(c.amount('projectYearEndBalance'), unit)
        : '—',
    ],
    numericColumns: [1, 2, 3, 4, 5, 6],
    widths: [4, 2, 2, 2, 2, 2, 2],
  };
}

/** （二）项目支出: the projects' totals and execution rate against the full-year budget, then each project. */
function projectBlocks(c: FinalAccountsContext): Block[] {
  const { unit } = c;
  const actual = c.amount('expenditureProject');
  const fullYear = c.amount('projectFullYearBudget');
  const yearStart = c.amount('projectYearStartBudget');
  if (c.figures.projects.length === 0 || actual === null || fullYear === null || yearStart === null) return [];
  const supplementary = c.amount('supplementaryTotal');
  const added = supplementary === null || supplementary === 0n ? '' : `，本年追加${money(supplementary, unit)}`;
  const executed = c.percent('projectExecutionRateFullYear');
  return [
    { kind: 'heading', level: 2, text: '（二）项目支出' },
    {
      kind: 'paragraph',
      text:
        `项目支出${money(actual, unit)}，共${c.figures.projects.length}个项目，年初预算${money(yearStart, unit)}${added}，` +
        `全年预算${money(fullYear, unit)}${executed === null ? '' : `，执行率${rate(executed)}（全年预算口径）`}。`,
    },
    { kind: 'table', table: projectsTable(c) },
  ];
}

/** 支出决算情况: the total by use, then basic and project expenditure. */
export function expenditureBlocks(c: FinalAccountsContext): Block[] {
  const sentence = totalSentence(c);
  if (sentence === '') return [];
  return [
    { kind: 'paragraph', text: sentence },
    ...c.dataset.narrative.projectOverview.map((text): Block => ({ kind: 'paragraph', text })),
    ...basicBlocks(c),
    ...projectBlocks(c),
  ];
}
