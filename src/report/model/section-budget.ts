import type { Dataset } from '../../domain/dataset/schema.js';
import type { Figures } from '../../domain/figures/compute.js';
import { amountPhrase, percentPhrase } from './format.js';
import { incomeSourceLabel } from './final-accounts-format.js';
import { basicExpenditureBlocks } from './basic-expenditure.js';
import { basicByClassChart, incomeChart, progressChart, projectsChart } from './chart-specs.js';
import type { PrintedFigures } from '../../domain/figures/printed-figures.js';
import { projectExpenditureBlocks } from './project-expenditure.js';
import type { Block, ReportSection } from './types.js';

const paragraphs = (texts: readonly string[]): Block[] =>
  texts.filter((t) => t.trim() !== '').map((text): Block => ({ kind: 'paragraph', text }));

/** "均为财政拨款收入" for one source; otherwise each source with its amount. */
function sourcesClause(dataset: Dataset): string {
  const sources = dataset.income?.sources ?? [];
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only !== undefined) return `均为${incomeSourceLabel(only.source)}`;
  // A source already named …收入 (其他收入, 事业收入) is not given a second 收入.
  const parts = sources.map(
    (s) => `${incomeSourceLabel(s.source)}${amountPhrase((s.basic + s.project) as typeof s.basic, dataset.unit)}`,
  );
  return `按来源分，${parts.join('，')}`;
}

/**
 * "2020年度年初预算为901.68万元，实际预算收入929.65万元，均为财政拨款收入。其中基本支出拨款收入596.04万元，占64.11%；
 * 项目支出拨款收入333.61万元，占35.89%。支出决算数为840.74万元，其中…年末结余88.91万元。"
 */
export function incomeExpenditureParagraph(dataset: Dataset, printed: PrintedFigures): string {
  const a = (key: Parameters<PrintedFigures['amount']>[0]) => amountPhrase(printed.amount(key), dataset.unit);
  const p = (key: Parameters<PrintedFigures['percent']>[0]) => percentPhrase(printed.percent(key));
  return (
    `${dataset.fiscalYear}年度年初预算为${a('yearStartBudgetTotal')}，实际预算收入${a('incomeTotal')}，${sourcesClause(dataset)}。` +
    `其中基本支出拨款收入${a('incomeBasic')}，占${p('incomeBasicShare')}；项目支出拨款收入${a('incomeProject')}，占${p('incomeProjectShare')}。` +
    `支出决算数为${a('expenditureTotal')}，其中基本支出决算数${a('expenditureBasic')}，占${p('expenditureBasicShare')}；` +
    `项目支出决算数${a('expenditureProject')}，占${p('expenditureProjectShare')}。年末结余${a('yearEndBalance')}。`
  );
}

/** 二、部门整体预算支出情况: overview, income and expenditure, basic and project expenditure, fund management. */
export function budgetSection(dataset: Dataset, figures: Figures, printed: PrintedFigures): ReportSection {
  const progress = progressChart(figures);
  const blocks: Block[] = [
    ...paragraphs(dataset.narrative.budgetOverview),
    { kind: 'paragraph', text: incomeExpenditureParagraph(dataset, printed) },
    { kind: 'chart', chart: incomeChart(dataset, printed) },
    ...basicExpenditureBlocks(dataset, figures, printed),
    { kind: 'chart', chart: basicByClassChart(dataset, printed) },
    ...projectExpenditureBlocks(dataset, figures, printed),
  ];
  if (figures.projects.length > 0) blocks.push({ kind: 'chart', chart: projectsChart(dataset, figures, printed) });
  if (progress !== null) blocks.push({ kind: 'chart', chart: progress });
  const management = paragraphs(dataset.narrative.fundManagement);
  if (management.length > 0) blocks.push({ kind: 'heading', level: 2, text: '（三）资金管理情况' }, ...management);
  return { id: 'budget', heading: '二、部门整体预算支出情况', blocks };
}
