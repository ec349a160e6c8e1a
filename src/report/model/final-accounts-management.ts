import type { PercentFigureKey } from '../../domain/figures/catalog.js';
import { PERCENT_FIGURES } from '../../domain/figures/catalog.js';
import type { Percent } from '../../domain/money/index.js';
import { money, rate, type FinalAccountsContext } from './final-accounts-format.js';
import type { Block, ReportTable } from './types.js';

type Ratio = { key: PercentFigureKey; basis: string };

/** Whether the document states any budget adjustment (a supplementary appropriation or an income adjustment). */
function adjustmentStated(c: FinalAccountsContext): boolean {
  const { dataset } = c;
  return (
    dataset.projects.some((p) => p.supplementaryAppropriations.length > 0) ||
    (dataset.income?.adjustments ?? []).length > 0 ||
    dataset.declared.budgetAdjustmentRate !== undefined
  );
}

/** Each management ratio the document's facts give, with its formula written out in its own figures. */
function ratios(c: FinalAccountsContext): Ratio[] {
  const { unit, dataset, figures } = c;
  const m = (key: Parameters<FinalAccountsContext['amount']>[0]) => {
    const value = c.amount(key);
    return value === null ? '' : money(value, unit);
  };
  const available = `可用预算${m('availableBudgetTotal')}（年初结转和结余、年初预算与本年追加之和）`;
  const out: Ratio[] = [{ key: 'budgetCompletionRate', basis: `本年支出合计${m('expenditureTotal')} ÷ ${available}` }];
  if (adjustmentStated(c))
    out.push({
      key: 'budgetAdjustmentRate',
      basis: `本年追加（调整）预算${m('supplementaryTotal')} ÷ 年初预算${m('yearStartBudgetTotal')}`,
    });
  out.push({
    key: 'carryForwardRate',
    basis: `年末结转和结余${m('carriedForwardTotal')} ÷ 可用预算${m('availableBudgetTotal')}`,
  });
  const publicUseBudget = dataset.basicExpenditure?.publicUseBudget;
  if (publicUseBudget !== undefined)
    out.push({
      key: 'publicUseControlRate',
      basis: `日常公用经费${m('publicUse')} ÷ 公用经费预算${money(publicUseBudget, unit)}`,
    });
  const procurement = dataset.management;
  if (procurement?.procurementBudget !== undefined && procurement.procurementActual !== undefined)
    out.push({
      key: 'procurementExecutionRate',
      basis: `政府采购实际支出${money(procurement.procurementActual, unit)} ÷ 政府采购预算${money(procurement.procurementBudget, unit)}`,
    });
  const staffing = figures.staffing;
  if (staffing !== null)
    out.push({ key: 'inPostControlRate', basis: `在职人数${staffing.inPost}人 ÷ 编制数${staffing.authorizedTotal}人` });
  // A rate whose raw facts the document does not state is unavailable (null), and so is never printed.
  return out.filter((r) => c.percent(r.key) !== null);
}

/** 预算管理指标情况: 预算完成率, 预算调整率, 结转结余率, 公用经费控制率, 政府采购执行率, 在职人员控制率 — those stated. */
export function managementBlocks(c: FinalAccountsContext): Block[] {
  const list = ratios(c).map((r) => ({ ...r, value: c.percent(r.key) as Percent }));
  if (list.length === 0) return [];
  const table: ReportTable = {
    caption: '预算管理指标表',
    header: ['指标', '计算方法', '指标值'],
    rows: list.map((r) => [PERCENT_FIGURES[r.key].replace(/（可用预算口径）$/, ''), r.basis, rate(r.value)]),
    numericColumns: [2],
    widths: [3, 7, 2],
  };
  const sentence = list
    .map((r) => `${PERCENT_FIGURES[r.key].replace(/（可用预算口径）$/, '')}${rate(r.value)}`)
    .join('，');
  return [
    { kind: 'paragraph', text: `${c.dataset.fiscalYear}年度${sentence}。` },
    { kind: 'table', table },
  ];
}
