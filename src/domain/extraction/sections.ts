import type { DocumentBlock, ReportDocument } from './document.js';

/** 报告部分: the seven sections of a self-evaluation report, with the sub-parts of 二, and what precedes 一. */
export type SectionKey =
  | 'cover'
  | 'basics'
  | 'budget'
  | 'budgetBasic'
  | 'budgetProject'
  | 'fundManagement'
  | 'performance'
  | 'problems'
  | 'measures'
  | 'resultsUse'
  | 'other'
  | 'annex';

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  cover: '标题',
  basics: '一、部门（单位）基本情况',
  budget: '二、部门整体预算支出情况',
  budgetBasic: '二、（一）基本支出情况',
  budgetProject: '二、（二）项目支出情况',
  fundManagement: '二、（三）资金管理情况',
  performance: '三、部门整体支出绩效情况',
  problems: '四、存在的问题及原因分析',
  measures: '五、下一步改进措施',
  resultsUse: '六、绩效自评结果拟应用和公开情况',
  other: '七、其他需要说明的情况',
  annex: '附件（自评表）',
};

/** A block with the section it is in and, inside 三, the sub-headings above it. */
export type PlacedBlock = { block: DocumentBlock; section: SectionKey; heading: boolean };

/** "一、", "（一）", "(一)", "1、", "1." before a heading. */
export const NUMBERING =
  /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*(?:、|[.．](?!\d)))\s*/u;

const PATTERNS: readonly (readonly [SectionKey, RegExp])[] = [
  ['basics', /^(部门|单位)[、（(]?(单位|部门)?[）)]?(基本情况|概况)|^基本情况$/u],
  ['problems', /存在的?(主要)?问题/u],
  ['measures', /改进(措施|意见|建议)|整改措施|下一步/u],
  ['resultsUse', /结果.{0,6}(应用|公开)/u],
  ['other', /其他需要?说明/u],
  // A form's own title ("（2020年度）项目支出绩效自评表") names the form, not section 三 (支出绩效).
  ['annex', /自评表$/u],
  ['performance', /绩效(情况|分析|目标)|支出绩效/u],
  ['budgetBasic', /^基本支出(情况|执行情况)?$/u],
  ['budgetProject', /^(项目|专项)(支出|资金)(情况|执行情况)?$/u],
  ['fundManagement', /^(资金|预算|财务)管理(情况)?$/u],
  ['budget', /(整体|部门)?(预算)?(收支|支出)(情况|概况)$|预算(收支|执行)情况$/u],
  ['annex', /^附件/u],
];

/** The section a heading opens, or null when the text is no heading Jixiao knows. */
export function sectionOfHeading(text: string): SectionKey | null {
  // The title ("…绩效自评报告") names the whole document, not a section.
  if (text.length > 40 || /[。；]$|报告$/u.test(text)) return null;
  const bare = text.replace(NUMBERING, '').trim();
  for (const [key, pattern] of PATTERNS) if (pattern.test(bare)) return key;
  return null;
}

/** Sections come in this order; a heading that would go back (a "预算执行情况" sub-heading inside 三) is no section. */
const ORDER: Readonly<Record<SectionKey, number>> = {
  cover: 0,
  basics: 1,
  budget: 2,
  budgetBasic: 3,
  budgetProject: 3,
  fundManagement: 3,
  performance: 4,
  problems: 5,
  measures: 6,
  resultsUse: 7,
  other: 8,
  annex: 9,
};

/** Assigns every block its section, by the headings met so far. */
export function placeBlocks(document: ReportDocument): PlacedBlock[] {
  let section: SectionKey = 'cover';
  return document.blocks.map((block) => {
    if (block.type === 'table') return { block, section, heading: false };
    const key = sectionOfHeading(block.text);
    const budgetPart = key === 'budgetBasic' || key === 'budgetProject' || key === 'fundManagement';
    const allowed =
      key !== null &&
      key !== section &&
      (budgetPart ? ORDER[section] === 2 || ORDER[section] === 3 : ORDER[key] > ORDER[section]);
    if (key === null || !allowed) return { block, section, heading: block.type === 'heading' || key === section };
    section = key;
    return { block, section, heading: true };
  });
}
