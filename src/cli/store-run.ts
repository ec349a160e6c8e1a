import type { AppContext, AppResult } from '../app/context.js';
import { openAppContext } from '../app/open-context.js';
import { exitWithAppError } from './fail.js';

/** Runs a use case that answers a text to print against the database; a refusal prints in Chinese and exits. */
export async function runWithStore(db: string | undefined, use: (ctx: AppContext) => Promise<AppResult<string>>) {
  const ctx = await openAppContext(db);
  let result: AppResult<string>;
  try {
    result = await use(ctx);
  } finally {
    await ctx.store.close();
  }
  if (!result.ok) exitWithAppError(result.error);
  process.stdout.write(result.value);
}
