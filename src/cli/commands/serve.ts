import type { Command } from 'commander';
import { positiveInteger } from '../options.js';

type ServeOptions = { port: number; host: string; db?: string; seed: boolean };

/** The example loaded into an empty database. */
const SEED_FILE = 'examples/yuhua-2020.yaml';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动 HTTP API（及已构建的网页端 web/dist）；数据库不存在时创建并迁移，空库时载入示例数据')
    .option('-p, --port <port>', '端口', positiveInteger(program, '--port', 65535), 8080)
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--db <file>', 'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时用 PostgreSQL）')
    .option('--no-seed', '空库时不载入示例数据')
    .action(async (options: ServeOptions) => {
      // Loaded here, not at the top: the other commands need neither the server nor the store (faster start).
      const [{ openAppContext }, { seedIfEmpty, seedDemoAccounts }, { buildServer }, { createWorkerPool }] =
        await Promise.all([
          import('../../app/open-context.js'),
          import('../../app/seed.js'),
          import('../../server/build-server.js'),
          import('../../app/heavy/pool.js'),
        ]);
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
      const app = await buildServer(ctx, { webDir: 'web/dist', logger: process.env['JIXIAO_LOG'] === '1' });
      const address = await app.listen({ host: options.host, port: options.port });
      process.stdout.write(
        `Jixiao 已启动：${address}\n  API 文档：${address}/api/docs\n  数据库：${ctx.store.dialect}\n`,
      );
      const stop = () => void app.close().then(() => Promise.all([ctx.heavy?.close(), ctx.store.close()]));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
