// The body of `jixiao serve`, loaded only when that command runs: the other commands need neither the server nor
// the store.
import { openAppContext } from '../../app/open-context.js';
import { seedIfEmpty, seedDemoAccounts } from '../../app/seed.js';
import { buildServer } from '../../server/build-server.js';
import { createWorkerPool } from '../../app/heavy/pool.js';

export type ServeOptions = { port: number; host: string; db?: string; seed: boolean };

/** The example loaded into an empty database. */
const SEED_FILE = 'examples/yuhua-2020.yaml';

export async function serve(options: ServeOptions): Promise<void> {
  const ctx = await openAppContext(options.db);
  if (options.seed && (await seedIfEmpty(ctx, SEED_FILE)) === 'seeded') {
    process.stdout.write(`已载入示例数据：${SEED_FILE}\n`);
    const accounts = await seedDemoAccounts(ctx);
    if (accounts.length > 0)
      process.stdout.write(
        `演示账号（仅用于演示）：\n${accounts.map((a) => `  ${a.displayName}：用户名 ${a.name}，密码 ${a.password}`).join('\n')}\n`,
      );
  }
  // Reports and workbooks render in worker threads within a time and heap budget: the HTTP loop stays free.
  const workers = Number(process.env['JIXIAO_WORKERS'] ?? '');
  ctx.heavy = createWorkerPool(Number.isInteger(workers) && workers > 0 ? { size: workers } : {});
  const app = await buildServer(ctx, {
    webDir: 'web/dist',
    logger: process.env['JIXIAO_LOG'] === '1',
    warmOverview: true,
  });
  const address = await app.listen({ host: options.host, port: options.port });
  process.stdout.write(`Jixiao 已启动：${address}\n  API 文档：${address}/api/docs\n  数据库：${ctx.store.dialect}\n`);
  const stop = () => void app.close().then(() => Promise.all([ctx.heavy?.close(), ctx.store.close()]));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
