import type { Dataset } from '../../domain/dataset/schema.js';
import type { Figures } from '../../domain/figures/compute.js';
import type { FormTableAnnex } from './extensions.js';
import { expenditureBlocks } from './final-accounts-expenditure.js';
import { finalAccountsContext } from './final-accounts-format.js';
import { incomeBlocks, totalsBlocks } from './final-accounts-income.js';
import { managementBlocks } from './final-accounts-management.js';
import { threePublicBlocks } from './final-accounts-three-public.js';
import { chineseCount } from './format.js';
import { formsAnnexes } from './form-report.js';
import { departmentSection } from './section-department.js';
import type { Block, ReportModel, ReportSection } from './types.js';

const paragraphs = (texts: readonly string[]): Block[] =>
  texts.filter((t) => t.trim() !== '').map((text): Block => ({ kind: 'paragraph', text }));

/**
 * 部门决算说明 (`kind: finalAccounts`): the sections a 决算公开 explanation has — 部门基本情况, 收入支出决算总体情况
 * (收入总计 = 本年收入 + 年初结转, 增减 against last year on the stated base), 收入决算情况, 支出决算情况, “三公”经费
 * (as the form prints it), 预算管理指标 and 其他需要说明的情况 — each only where the document states its facts, numbered
 * in order. A 决算说明 has no self-evaluation table: no 自评表 annex and no score; printed forms it carries and
 * data-check notes follow as annexes.
 */
export function finalAccountsReportModel(
  dataset: Dataset,
  figures: Figures,
  forms: readonly FormTableAnnex[],
  checkNotes: ReportSection | null,
): ReportModel {
  const c = finalAccountsContext(dataset, figures);
  const parts: readonly (readonly [string, string, readonly Block[]])[] = [
    ['department', '部门基本情况', departmentSection(dataset).blocks],
    ['totals', '收入支出决算总体情况', totalsBlocks(c)],
    ['income', '收入决算情况', incomeBlocks(c)],
    ['expenditure', '支出决算情况', expenditureBlocks(c)],
    ['three-public', '“三公”经费支出决算情况', threePublicBlocks(c)],
    ['management', '预算管理指标情况', managementBlocks(c)],
    ['other', '其他需要说明的情况', paragraphs([...dataset.narrative.fundManagement, ...dataset.narrative.other])],
  ];
  const sections = parts
    .filter(([, , blocks]) => blocks.length > 0)
    .map(([id, heading, blocks], i): ReportSection => ({ id, heading: `${chineseCount(i + 1)}、${heading}`, blocks }));
  const department = dataset.department;
  return {
    title: `${dataset.fiscalYear}年度${department.shortName ?? department.name}部门决算说明`,
    department: department.name,
    fiscalYear: dataset.fiscalYear,
    unit: dataset.unit,
    sections,
    annexes: [...formsAnnexes(forms, 1), ...(checkNotes === null ? [] : [checkNotes])],
  };
}
