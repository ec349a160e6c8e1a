import { ratio, sumFen, type Fen } from '../../domain/money/index.js';
import {
  changeCell,
  changePhrase,
  incomeSourceLabel,
  money,
  moneyCell,
  rate,
  rateCell,
  type FinalAccountsContext,
} from './final-accounts-format.js';
import type { Block, ReportTable } from './types.js';

/** 年初结转和结余, only where the document states carry-over. */
function carryOver(c: FinalAccountsContext): Fen | null {
  return c.dataset.income?.carryOver === undefined ? null : c.amount('carryOverTotal');
}

/** 年末结转和结余, only where every part states what it carries forward (`unavailableFigures`). */
function yearEndBalance(c: FinalAccountsContext): Fen | null {
  return c.amount('yearEndBalance');
}

/** Which row the income 增减 belongs to: 本年收入合计, or 收入总计 when the form's base includes carry-over. */
function incomeBase(c: FinalAccountsContext): {
  row: 'incomeTotal' | 'incomeGrandTotal';
  label: string;
  prior: Fen | undefined;
} {
  const prior = c.dataset.priorYear;
  return prior?.changeRateBase === 'incomeGrandTotal'
    ? { row: 'incomeGrandTotal', label: '收入总计（含年初结转和结余）', prior: prior.incomeGrandTotal }
    : { row: 'incomeTotal', label: '本年收入合计', prior: prior?.incomeTotal };
}

/** "2021年度收入总计1172.80万元，其中本年收入合计1116.60万元，年初结转和结余56.20万元；本年支出合计…". */
function totalsSentence(c: FinalAccountsContext): string {
  const { unit } = c;
  const incomeTotal = c.amount('incomeTotal');
  const carry = carryOver(c);
  const grand = carry === null ? null : c.amount('incomeGrandTotal');
  const parts: string[] = [];
  if (grand !== null && incomeTotal !== null && carry !== null)
    parts.push(
      `收入总计${money(grand, unit)}，其中本年收入合计${money(incomeTotal, unit)}，年初结转和结余${money(carry, unit)}`,
    );
  else if (incomeTotal !== null) parts.push(`本年收入合计${money(incomeTotal, unit)}`);
  const expenditure = c.amount('expenditureTotal');
  const balance = yearEndBalance(c);
  if (expenditure !== null)
    parts.push(
      `本年支出合计${money(expenditure, unit)}${balance === null ? '' : `，年末结转和结余${money(balance, unit)}`}`,
    );
  return parts.length === 0 ? '' : `${c.dataset.fiscalYear}年度${parts.join('；')}。`;
}

/** "与上年相比，本年收入合计增加66.60万元，增长6.34%（以上年本年收入合计1050.00万元为基数）；…". */
function priorSentence(c: FinalAccountsContext): string {
  const { unit } = c;
  const base = incomeBase(c);
  const parts: string[] = [];
  const incomeChange = c.amount('incomeChange');
  if (incomeChange !== null && base.prior !== undefined)
    parts.push(
      `${base.label}${changePhrase(incomeChange, c.percent('incomeChangeRate'), unit)}（以上年${base.label}${money(base.prior, unit)}为基数）`,
    );
  const expenditureChange = c.amount('expenditureChange');
  const priorExpenditure = c.dataset.priorYear?.expenditureTotal;
  if (expenditureChange !== null && priorExpenditure !== undefined)
    parts.push(
      `本年支出合计${changePhrase(expenditureChange, c.percent('expenditureChangeRate'), unit)}（上年${money(priorExpenditure, unit)}）`,
    );
  return parts.length === 0 ? '' : `与上年相比，${parts.join('；')}。`;
}

/** 收入支出决算总体情况表: 本年数, 上年数, 增减额, 增减率 — each cell only where the document states it. */
function totalsTable(c: FinalAccountsContext): ReportTable | null {
  const { unit, dataset } = c;
  const prior = dataset.priorYear;
  const base = incomeBase(c);
  const change = (row: string) =>
    row === base.row
      ? [changeCell(c.amount('incomeChange'), unit), rateCell(c.percent('incomeChangeRate'))]
      : ['—', '—'];
  const carry = carryOver(c);
  const rows: string[][] = [];
  const incomeTotal = c.amount('incomeTotal');
  if (incomeTotal !== null)
    rows.push([
      '本年收入合计',
      moneyCell(incomeTotal, unit),
      moneyCell(prior?.incomeTotal, unit),
      ...change('incomeTotal'),
    ]);
  if (carry !== null) {
    rows.push(['年初结转和结余', moneyCell(carry, unit), '—', '—', '—']);
    const grand = c.amount('incomeGrandTotal');
    rows.push([
      '收入总计',
      moneyCell(grand, unit),
      moneyCell(prior?.incomeGrandTotal, unit),
      ...change('incomeGrandTotal'),
    ]);
  }
  const expenditure = c.amount('expenditureTotal');
  if (expenditure !== null)
    rows.push([
      '本年支出合计',
      moneyCell(expenditure, unit),
      moneyCell(prior?.expenditureTotal, unit),
      changeCell(c.amount('expenditureChange'), unit),
      rateCell(c.percent('expenditureChangeRate')),
    ]);
  const balance = yearEndBalance(c);
  if (balance !== null) rows.push(['年末结转和结余', moneyCell(balance, unit), '—', '—', '—']);
  if (rows.length === 0) return null;
  return {
    caption: `收入支出决算总体情况表（单位：${unit}）`,
    header: ['项目', '本年数', '上年数', '增减额', '增减率'],
    rows,
    numericColumns: [1, 2, 3, 4],
    widths: [3, 2, 2, 2, 2],
  };
}

/** 收入支出决算总体情况: totals with 年初结转, then the comparison with last year and its base. */
export function totalsBlocks(c: FinalAccountsContext): Block[] {
  const table = totalsTable(c);
  const blocks: Block[] = [
    ...[...c.dataset.narrative.budgetOverview, totalsSentence(c), priorSentence(c)]
      .filter((text) => text.trim() !== '')
      .map((text): Block => ({ kind: 'paragraph', text })),
  ];
  if (table !== null) blocks.push({ kind: 'table', table });
  return blocks;
}

/** "年初结转和结余56.20万元，全部为项目支出结转。" — the parts the document states, zero parts left out. */
function carryOverSentence(c: FinalAccountsContext): string {
  const carry = c.dataset.income?.carryOver;
  const total = carryOver(c);
  if (carry === undefined || total === null) return '';
  const stated: { label: string; value: Fen | undefined }[] = [
    { label: '基本支出结转', value: carry.basic },
    { label: '项目支出结转', value: carry.project },
  ];
  const parts = stated.flatMap((p) =>
    p.value === undefined || p.value === 0n ? [] : [{ label: p.label, value: p.value }],
  );
  const [only] = parts;
  const detail =
    parts.length === 1 && only !== undefined
      ? `，全部为${only.label}`
      : parts.length > 1
        ? `，其中${parts.map((p) => `${p.label}${money(p.value, c.unit)}`).join('，')}`
        : '';
  return `年初结转和结余${money(total, c.unit)}${detail}。`;
}

/** 收入决算情况: 本年收入合计 by source (each with its share) and by use, then 年初结转. */
export function incomeBlocks(c: FinalAccountsContext): Block[] {
  const income = c.dataset.income;
  const incomeTotal = c.amount('incomeTotal');
  if (income === undefined || incomeTotal === null) return [];
  const { unit } = c;
  const whole = c.figures.amounts.incomeTotal.value;
  const sources = income.sources.map((s) => {
    const total = sumFen([s.basic, s.project]);
    return {
      label: incomeSourceLabel(s.source),
      basic: s.basic,
      project: s.project,
      total,
      share: ratio(total, whole),
    };
  });
  const bySource = sources.map(
    (s) => `${s.label}${money(s.total, unit)}${s.share === null ? '' : `，占${rate(s.share)}`}`,
  );
  const basic = c.amount('incomeBasic');
  const project = c.amount('incomeProject');
  const byUse =
    basic === null || project === null
      ? ''
      : `按支出用途分，基本支出收入${money(basic, unit)}，占${rateCell(c.percent('incomeBasicShare'))}；项目支出收入${money(project, unit)}，占${rateCell(c.percent('incomeProjectShare'))}。`;
  const table: ReportTable = {
    caption: `收入决算表（单位：${unit}）`,
    header: ['收入来源', '基本支出', '项目支出', '合计', '占本年收入比例'],
    rows: sources.map((s) => [
      s.label,
      moneyCell(s.basic, unit),
      moneyCell(s.project, unit),
      moneyCell(s.total, unit),
      rateCell(s.share),
    ]),
    totalRow: [
      '本年收入合计',
      moneyCell(basic, unit),
      moneyCell(project, unit),
      moneyCell(incomeTotal, unit),
      rateCell(ratio(whole, whole)),
    ],
    numericColumns: [1, 2, 3, 4],
    widths: [3, 2, 2, 2, 2],
  };
  const blocks: Block[] = [
    { kind: 'paragraph', text: `本年收入合计${money(incomeTotal, unit)}，其中：${bySource.join('；')}。${byUse}` },
  ];
  if (sources.length > 0) blocks.push({ kind: 'table', table });
  const carried = carryOverSentence(c);
  if (carried !== '') blocks.push({ kind: 'paragraph', text: carried });
  return blocks;
}
