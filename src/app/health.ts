import { sql } from 'kysely';
import type { AppContext } from './context.js';

/** 健康检查: the database answers. */
export async function health(ctx: AppContext) {
  await sql`select 1`.execute(ctx.store.db);
  return { status: 'ok' as const, database: ctx.store.dialect, time: ctx.now().toISOString() };
}
