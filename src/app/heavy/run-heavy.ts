import type { AppContext, AppError } from '../context.js';
import type { HeavyOutcome } from './pool.js';
import { runHeavyTask, type HeavyResult, type HeavyTask } from './tasks.js';

/** What a use case shows for a task that did not finish. */
function failureError(outcome: Extract<HeavyOutcome, { ok: false }>, what: string): AppError {
  switch (outcome.failure) {
    case 'timeout':
      return { kind: 'BUSY', message: `${what}用时超过限度（${outcome.message}），已停止，请稍后重试` };
    case 'memory':
      return { kind: 'TOO_LARGE', message: `${what}所需内存超过限度，内容过大，无法处理` };
    case 'busy':
      return { kind: 'BUSY', message: `服务器繁忙（${outcome.message}），请稍后重试` };
    case 'crashed':
      return { kind: 'BUSY', message: `${what}失败，已记录，请稍后重试` };
  }
}

/** Runs a heavy task in the context's worker pool (inline without one): its result, or the error to answer. */
export async function runHeavy(
  ctx: AppContext,
  task: HeavyTask,
  what: string,
): Promise<{ ok: true; result: HeavyResult } | { ok: false; error: AppError }> {
  if (ctx.heavy === undefined) return { ok: true, result: await runHeavyTask(task) };
  const outcome = await ctx.heavy.run(task);
  if (outcome.ok) return outcome;
  if (outcome.failure === 'crashed') ctx.log?.error({ task: task.kind, reason: outcome.message }, 'heavy task failed');
  return { ok: false, error: failureError(outcome, what) };
}
