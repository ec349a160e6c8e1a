import type { LedgerCurvePoint, LedgerProgress, LedgerProgressRow } from '../domain/ledger/progress.js';
import { formatAmount, percentToWire, ratio, type Fen, type Percent } from '../domain/money/index.js';
import { findBuiltinPack } from '../domain/scoring/packs/builtin-packs.js';
import type { PaymentScheduleRule } from '../domain/scoring/rule-pack.js';
import { dayOfYear, daysInMonth } from '../ingest/ledger/ledger-fields.js';
import { findDepartment } from '../store/departments-repo.js';
import { ledgerDepartmentBudgets, ledgerPaidByDay } from '../store/ledger-queries.js';
import { departmentScope, type Actor } from './actor.js';
import { invalid, ok, type AppContext, type AppResult } from './context.js';
import { parseCalendarDate, scheduleAtMonthEnd, scheduleOn, type CalendarDate } from './ledger-schedule.js';

export type { LedgerCurvePoint, LedgerProgress, LedgerProgressRow };

const yuan = (amount: Fen) => formatAmount(amount, '元', 2).replaceAll(',', '');
const wire = (value: Percent) => percentToWire(value) ?? '';

/** The department codes an actor is limited to, or undefined for every department. */
async function codesFor(ctx: AppContext, actor: Actor): Promise<readonly string[] | undefined> {
  const scope = departmentScope(actor);
  if (scope === undefined) return undefined;
  const departments = await Promise.all(scope.map((id) => findDepartment(ctx.store.db, id)));
  return departments.flatMap((d) => (d === undefined ? [] : [d.code]));
}

function curveOf(
  paidByDay: { day: number; amount: Fen }[],
  budget: Fen,
  asOf: CalendarDate,
  rule: PaymentScheduleRule,
) {
  const points: LedgerCurvePoint[] = [];
  let cumulative = 0n;
  let next = 0;
  for (let month = 1; month <= asOf.month; month++) {
    const end = month === asOf.month ? asOf.day : daysInMonth(asOf.year, month);
    const through = dayOfYear(asOf.year, month, end);
    while (next < paidByDay.length && paidByDay[next]!.day <= through) cumulative += paidByDay[next++]!.amount;
    const schedule = month === asOf.month ? scheduleOn(asOf, rule) : scheduleAtMonthEnd(asOf.year, month, rule);
    const progress = ratio(cumulative, budget);
    points.push({
      month,
      cumulativePaid: yuan(cumulative as Fen),
      progress: percentToWire(progress),
      schedule: wire(schedule),
    });
  }
  return { points, paid: cumulative as Fen };
}

/** Lagging first, the most behind first; then by code. */
function byLag(a: LedgerProgressRow, b: LedgerProgressRow): number {
  if (a.lagging !== b.lagging) return a.lagging ? -1 : 1;
  const lag = (row: LedgerProgressRow) => (row.lag === null ? -Infinity : Number(row.lag));
  return lag(b) - lag(a) || a.departmentCode.localeCompare(b.departmentCode);
}

/**
 * 双监控: every department's cumulative payments up to `asOf` against its 全年预算 and 序时进度 (linear, or the
 * checkpoints of `pack`). An editor sees only its own departments.
 */
export async function ledgerProgress(
  ctx: AppContext,
  actor: Actor,
  input: { asOf: string; pack?: string },
): Promise<AppResult<LedgerProgress>> {
  const asOf = parseCalendarDate(input.asOf);
  const issue = (code: string, message: string, option: string) =>
    invalid(message, [{ severity: 'error', code, message, path: [], pathText: option }]);
  if (asOf === null) return issue('LEDGER_BAD_AS_OF', `日期无效：${input.asOf}（应为 YYYY-MM-DD）`, 'asOf');
  const pack = input.pack === undefined ? null : findBuiltinPack(input.pack);
  if (input.pack !== undefined && pack === null) return issue('UNKNOWN_PACK', `未知规则包：${input.pack}`, 'pack');
  const rule: PaymentScheduleRule = pack?.problems.paymentSchedule ?? { kind: 'linear' };
  const codes = await codesFor(ctx, actor);
  const budgets = await ledgerDepartmentBudgets(ctx.store, asOf.year, codes);
  const days = await ledgerPaidByDay(ctx.store, asOf.year, dayOfYear(asOf.year, asOf.month, asOf.day), codes);
  const byDepartment = new Map<string, { day: number; amount: Fen }[]>();
  for (const d of days) {
    const list = byDepartment.get(d.departmentCode);
    if (list === undefined) byDepartment.set(d.departmentCode, [d]);
    else list.push(d);
  }
  const schedule = scheduleOn(asOf, rule);
  const departments = budgets.map((budget): LedgerProgressRow => {
    const fullYear = (budget.yearStartBudget + budget.adjustments) as Fen;
    const { points, paid } = curveOf(byDepartment.get(budget.departmentCode) ?? [], fullYear, asOf, rule);
    const progress = ratio(paid, fullYear);
    const lag = progress === null ? null : ((schedule - progress) as Percent);
    return {
      departmentCode: budget.departmentCode,
      departmentName: budget.departmentName,
      fullYearBudget: yuan(fullYear),
      paid: yuan(paid),
      progress: percentToWire(progress),
      schedule: wire(schedule),
      lag: lag === null ? null : wire(lag),
      lagging: lag !== null && lag > 0n,
      curve: points,
    };
  });
  departments.sort(byLag);
  return ok({
    asOf: input.asOf,
    year: asOf.year,
    scheduleKind: rule.kind,
    pack: pack?.name ?? null,
    laggingCount: departments.filter((d) => d.lagging).length,
    departments,
  });
}
