// Source: the figure sentences of 二、部门整体预算支出情况 as reports word them (the seed; 湖南、湖北、贵州 samples):
// "年初预算为901.68万元", "其中基本支出拨款收入596.04万元，占64.11%", "实际支出数为244.71万元，占总支出的29.11%".
import type { FieldPath } from '../findings/finding.js';
import type { FigureSink } from './figure-sink.js';
import { amountsIn, clausesOf, percentsIn } from './numbers.js';
import type { SectionKey } from './sections.js';
import type { FigureSource } from './source.js';

/** A phrase: the words before an amount, where it goes, and where a share stated with it goes. */
type Rule = { label: string; before: RegExp; path: FieldPath; share?: FieldPath; shareLabel?: string };

const INCOME_BASIC: FieldPath = ['income', 'sources', 0, 'basic'];
const INCOME_PROJECT: FieldPath = ['income', 'sources', 0, 'project'];
const declared = (key: string): FieldPath => ['declared', key];

/** Rules in order: the first whose words match the text before the amount places it. */
const RULES: Readonly<Partial<Record<SectionKey, readonly Rule[]>>> = {
  budget: [
    { label: '年初预算数', before: /年初预算(数|总额)?(为|是)?$/u, path: declared('yearStartBudgetTotal') },
    { label: '全年预算数', before: /(全年|调整后)预算(数)?(为|是)?$/u, path: declared('fullYearBudgetTotal') },
    {
      label: '基本支出拨款收入',
      before: /基本支出(拨款)?收入(数)?(为)?$/u,
      path: INCOME_BASIC,
      share: declared('incomeBasicShare'),
      shareLabel: '基本支出收入占比',
    },
    {
      label: '项目支出拨款收入',
      before: /(项目|专项)支出(拨款)?收入(数)?(为)?$/u,
      path: INCOME_PROJECT,
      share: declared('incomeProjectShare'),
      shareLabel: '项目支出收入占比',
    },
    {
      label: '实际预算收入',
      before: /(实际|本年)?(预算)?收入(合计|总额|总计|数)?(为|是)?$/u,
      path: declared('incomeTotal'),
    },
    {
      label: '基本支出决算数',
      before: /基本支出(决算|实际支出|支出)?(数)?(为)?$/u,
      path: ['basicExpenditure', 'actual'],
      share: declared('expenditureBasicShare'),
      shareLabel: '基本支出占比',
    },
    {
      label: '项目支出决算数',
      before: /(项目|专项)支出(决算|实际支出|支出)?(数)?(为)?$/u,
      path: declared('expenditureProject'),
      share: declared('expenditureProjectShare'),
      shareLabel: '项目支出占比',
    },
    {
      label: '支出决算数',
      before: /(支出决算|决算支出|实际支出|总支出|支出合计|支出总额)(数)?(为|是)?$/u,
      path: declared('expenditureTotal'),
    },
    { label: '年末结余', before: /年末(结转)?(和)?结余(资金)?(数)?(为)?$/u, path: declared('yearEndBalance') },
  ],
  budgetBasic: [
    { label: '基本支出年初预算数', before: /年初预算(数)?(为|是)?$/u, path: ['basicExpenditure', 'yearStartBudget'] },
    {
      label: '基本支出拨款收入',
      before: /(实际)?(拨款)?收入(数)?(为|是)?$/u,
      path: INCOME_BASIC,
      share: declared('incomeBasicShare'),
      shareLabel: '基本支出收入占比',
    },
    {
      label: '人员经费',
      before: /人员经费(支出)?(为)?$/u,
      path: declared('personnel'),
      share: declared('personnelShare'),
      shareLabel: '人员经费占比',
    },
    {
      label: '日常公用经费',
      before: /公用经费(支出)?(为)?$/u,
      path: declared('publicUse'),
      share: declared('publicUseShare'),
      shareLabel: '日常公用经费占比',
    },
    {
      label: '基本支出决算数',
      before: /(实际支出|支出|决算)(数)?(为|是)?$/u,
      path: ['basicExpenditure', 'actual'],
      share: declared('expenditureBasicShare'),
      shareLabel: '基本支出占比',
    },
    {
      label: '基本支出结转结余',
      before: /(年末)?(结转)?结余(数)?(为)?$/u,
      path: ['basicExpenditure', 'carriedForward'],
    },
  ],
  budgetProject: [
    { label: '项目支出年初预算数', before: /年初预算(数)?(为|是)?$/u, path: declared('projectYearStartBudget') },
    {
      label: '项目支出拨款收入',
      before: /(实际)?(拨款)?收入(数)?(为|是)?$/u,
      path: INCOME_PROJECT,
      share: declared('incomeProjectShare'),
      shareLabel: '项目支出收入占比',
    },
    {
      label: '项目支出决算数',
      before: /(实际支出|支出|决算)(数)?(为|是)?$/u,
      path: declared('expenditureProject'),
      share: declared('expenditureProjectShare'),
      shareLabel: '项目支出占比',
    },
    {
      label: '项目支出年末结余',
      before: /(年末)?(结转)?(和)?结余(数|资金)?(为)?$/u,
      path: declared('projectYearEndBalance'),
    },
    { label: '上缴财政合计', before: /上缴(财政|国库)(资金)?(为)?$/u, path: declared('returnedToTreasuryTotal') },
  ],
};

/** The words between the previous figure (or the clause start) and this amount, without 其中/共/合计 fillers. */
function wordsBefore(clause: string, at: number): string {
  return clause
    .slice(0, at)
    .replace(/[约共计合]+$/u, '')
    .trim();
}

/**
 * The summary figures of a paragraph of 二 and its sub-parts. A share is taken from "占…N%" in the same clause after
 * the amount, or from the next clause when that clause is only "占…N%".
 */
export function budgetFigures(
  sink: FigureSink,
  section: SectionKey,
  text: string,
  base: Omit<FigureSource, 'quote'>,
): void {
  const rules = RULES[section];
  if (rules === undefined) return;
  const clauses = clausesOf(text);
  clauses.forEach((clause, i) => {
    const amounts = amountsIn(clause.text);
    amounts.forEach((amount, k) => {
      const from = k === 0 ? 0 : (amounts[k - 1]?.end ?? 0);
      const words = wordsBefore(clause.text.slice(from), amount.at - from);
      const rule = rules.find((r) => r.before.test(words));
      if (rule === undefined) return;
      const source = { ...base, quote: clause.text };
      sink.amount(rule.path, rule.label, amount.text, amount.unit, source);
      if (rule.share === undefined) return;
      const share = shareAfter(clause.text, amount.end, clauses[i + 1]?.text);
      if (share !== null)
        sink.percent(rule.share, rule.shareLabel ?? rule.label, share.text, { ...base, quote: share.quote });
    });
  });
}

function shareAfter(clause: string, end: number, next: string | undefined): { text: string; quote: string } | null {
  const rest = clause.slice(end);
  const same = /占[^%％\d]{0,12}$/u.test(rest.replace(/\d+(\.\d+)?[%％].*$/u, '')) ? percentsIn(rest)[0] : undefined;
  if (same !== undefined) return { text: same.text, quote: clause };
  if (next !== undefined && /^\s*占/u.test(next) && amountsIn(next).length === 0) {
    const pct = percentsIn(next)[0];
    if (pct !== undefined) return { text: pct.text, quote: next };
  }
  return null;
}
