import { sql } from 'kysely';
import type { AppContext } from './context.js';
import { overviewWarmUpState } from './overview-warm-up.js';

/** 健康检查: the database answers; and whether the overview cache is warmed yet (off, warming, warm, failed). */
export async function health(ctx: AppContext) {
  await sql`select 1`.execute(ctx.store.db);
  const overviewCache = overviewWarmUpState(ctx.store);
  return { status: 'ok' as const, database: ctx.store.dialect, time: ctx.now().toISOString(), overviewCache };
}
