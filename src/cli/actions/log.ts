// The body of `jixiao log verify`, loaded only when it runs (the store is heavy).
import { logVerdict } from '../accounts.js';
import { openAppContext } from '../../app/open-context.js';

export async function logVerify(options: { db?: string }): Promise<void> {
  const ctx = await openAppContext(options.db);
  try {
    const verdict = await logVerdict(ctx);
    process.stdout.write(verdict.text);
    process.exitCode = verdict.intact ? 0 : 1;
  } finally {
    await ctx.store.close();
  }
}
