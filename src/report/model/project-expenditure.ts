import type { Dataset } from '../../domain/dataset/schema.js';
import type { Figures } from '../../domain/figures/compute.js';
import type { ProjectFigures } from '../../domain/figures/projects.js';
import type { MoneyUnit, Percent } from '../../domain/money/index.js';
import { linesTable } from './basic-expenditure.js';
import { amountPhrase, percentPhrase } from './format.js';
import type { PrintedFigures } from '../../domain/figures/printed-figures.js';
import type { Block } from './types.js';

/** "年初预算数为300万元，实际收入数为333.61万元，占收入总额35.89%。实际支出数为244.71万元，占总支出的29.11%，年末结余88.91万元。" */
export function projectTotalsSentence(printed: PrintedFigures, unit: MoneyUnit): string {
  const a = (key: Parameters<PrintedFigures['amount']>[0]) => amountPhrase(printed.amount(key), unit);
  const p = (key: Parameters<PrintedFigures['percent']>[0]) => percentPhrase(printed.percent(key));
  const balance = printed.amount('projectYearEndBalance');
  const tail = balance === 0n ? '年末无结余' : `年末结余${a('projectYearEndBalance')}`;
  return (
    `年初预算数为${a('projectYearStartBudget')}，实际收入数为${a('incomeProject')}，占收入总额${p('incomeProjectShare')}。` +
    `实际支出数为${a('expenditureProject')}，占总支出的${p('expenditureProjectShare')}，${tail}。`
  );
}

/** "其中X为年度内新增专项，Y为本年度追加的专项费用。" or null when no project is new or supplementary-only. */
export function newProjectsSentence(projects: readonly ProjectFigures[]): string | null {
  const news = projects.filter((p) => p.isNew).map((p) => `${p.name}为年度内新增专项`);
  const added = projects.filter((p) => p.isSupplementaryOnly).map((p) => `${p.name}为本年度追加的专项费用`);
  const parts = [...news, ...added];
  return parts.length === 0 ? null : `其中${parts.join('，')}。`;
}

/** The execution-rate clause; a project with supplementary money states which budget the rate is measured on. */
function rateClause(project: ProjectFigures, yearStartRate: Percent | null): string {
  if (project.supplementary === 0n) return `执行率为${percentPhrase(yearStartRate)}`;
  return `执行率（按全年预算）为${percentPhrase(project.executionRate)}`;
}

/**
 * One project line as the seed writes it: "1、“12345”市民服务热线工作经费年初预算23.5万元，实际支出18.21万元，
 * 执行率为77.49%，剩余5.29万元上缴财政，年末无结余。" A project funded only by a supplementary appropriation
 * states the 追加金额 instead, and its note (why it was not spent) stands for the year-end clause.
 */
export function projectSentence(
  project: ProjectFigures,
  note: string | undefined,
  rate: Percent | null,
  unit: MoneyUnit,
) {
  const a = (value: Parameters<typeof amountPhrase>[0]) => amountPhrase(value, unit);
  const clauses: string[] = [];
  const opening = `${project.index + 1}、${project.name}`;
  if (project.isSupplementaryOnly) {
    clauses.push(`${opening}为本年度追加的专项费用`, `追加金额为${a(project.supplementary)}`);
    if (project.actual !== 0n) clauses.push(`实际支出${a(project.actual)}`, rateClause(project, rate));
  } else {
    const budget = `年初预算${a(project.yearStartBudget)}`;
    const supplementary = project.supplementary === 0n ? '' : `，追加${a(project.supplementary)}`;
    if (project.isNew) clauses.push(`${opening}为本年度新增专项`, `${budget}${supplementary}`);
    else clauses.push(`${opening}${budget}${supplementary}`);
    clauses.push(`实际支出${a(project.actual)}`, rateClause(project, rate));
  }
  if (project.returnedToTreasury !== 0n) clauses.push(`剩余${a(project.returnedToTreasury)}上缴财政`);
  const trimmedNote = note?.replace(/[。；，\s]+$/, '');
  if (project.carriedForward !== 0n) clauses.push(trimmedNote ?? `结转结余${a(project.carriedForward)}`);
  else {
    clauses.push('年末无结余');
    if (trimmedNote !== undefined) clauses.push(trimmedNote);
  }
  return `${clauses.join('，')}。`;
}

/** （二）项目支出情况: overview, totals, each project, detail table. */
export function projectExpenditureBlocks(dataset: Dataset, figures: Figures, printed: PrintedFigures): Block[] {
  const unit = dataset.unit;
  const overview = dataset.narrative.projectOverview.filter((p) => p.trim() !== '').join('');
  const newOnes = newProjectsSentence(figures.projects);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '（二）项目支出情况' },
    {
      kind: 'paragraph',
      text: `${overview}${projectTotalsSentence(printed, unit)}${newOnes ?? ''}${figures.projects.length > 0 ? '具体专项如下：' : ''}`,
    },
    ...figures.projects.map((p): Block => ({
      kind: 'paragraph',
      text: projectSentence(p, dataset.projects[p.index]?.note, printed.projectRate(p.index), unit),
    })),
  ];
  const lines = dataset.projectExpenditure;
  if (lines !== undefined && lines.lines.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: '具体支出资金明细见下表：' },
      { kind: 'table', table: linesTable(lines.lines, printed.amount('projectLinesTotal'), unit, lines.linesNote) },
    );
  }
  return blocks;
}
