import type { Command } from 'commander';
import type { ServeOptions } from '../actions/serve.js';
import { positiveInteger } from '../options.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动 HTTP API（及已构建的网页端 web/dist）；数据库不存在时创建并迁移，空库时载入示例数据')
    .option('-p, --port <port>', '端口', positiveInteger(program, '--port', 65535), 8080)
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--db <file>', 'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时用 PostgreSQL）')
    .option('--no-seed', '空库时不载入示例数据')
    // The server and the store load only when this command runs.
    .action(async (options: ServeOptions) => (await import('../actions/serve.js')).serve(options));
}
