// Source: standards.md §3: 支出进度 lagging the 序时进度 at a checkpoint (the seed: 4.6 % vs 25 %, 30.02 % vs 50 %,
// 45.08 % vs 75 %). Stated percentages are taken as stated; amounts are divided by the progress base.
import { formatPercent } from '../money/index.js';
import { pctFigure, pctText, type ProblemDraft, type ProblemContext } from './problem.js';

const SCOPE_LABEL = { project: '项目支出', basic: '基本支出', total: '部门预算' } as const;

/** "第一季度末" for quarter ends, "11月末" otherwise. */
export function checkpointLabel(month: number): string {
  const quarters: Readonly<Record<number, string>> = { 3: '第一季度末', 6: '第二季度末', 9: '第三季度末', 12: '年末' };
  return quarters[month] ?? `${month}月末`;
}

export function detectPaymentLags({ dataset, figures }: ProblemContext): ProblemDraft[] {
  const progress = figures.paymentProgress;
  if (progress === null) return [];
  const scope = SCOPE_LABEL[progress.scope];
  return progress.points.flatMap((point, i): ProblemDraft[] => {
    // The figures carry the schedule they were computed under (the pack's, via selfEvaluate): one 序时进度 everywhere.
    if (!point.behind || point.progress === null || point.lag === null) return [];
    const { schedule: due, lag } = point;
    const pointIndex = dataset.paymentProgress?.points.findIndex((p) => p.month === point.month) ?? i;
    return [
      {
        code: 'PAYMENT_PROGRESS_BEHIND',
        message: `截至${checkpointLabel(point.month)}，${scope}累计支付进度为${pctText(point.progress)}，低于序时进度${pctText(due)}，落后${formatPercent(lag, { trimZeros: true })}个百分点。`,
        figures: {
          month: String(point.month),
          progress: pctFigure(point.progress),
          schedule: pctFigure(due),
          lag: pctFigure(lag),
        },
        path: ['paymentProgress', 'points', pointIndex],
      },
    ];
  });
}
