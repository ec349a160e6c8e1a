import type { Command } from 'commander';
import type { AddOptions, DbOptions } from '../actions/user.js';

const collect = (value: string, previous: string[]) => [...previous, value];

// Each action loads its body (and through it the store) only when it runs.
export function registerUser(program: Command): void {
  const user = program.command('user').description('账号：新建、重设密码、列表（在服务器上由管理员运行）');
  user
    .command('add')
    .description('新建账号；密码从标准输入读取（或在终端输入两次），--generate 则随机生成并显示')
    .argument('<name>', '登录名（字母、数字、点、下划线、连字符）')
    .requiredOption('--role <role>', '角色：editor 部门填报人 | reviewer 财政局审核人 | admin 系统管理员')
    .option('--department <code>', '所属部门（编码或编号；部门填报人必填，可多次给出）', collect, [])
    .option('--display-name <name>', '显示名称（缺省同登录名）')
    .option('--generate', '随机生成密码并显示')
    .option('--db <file>', 'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时用 PostgreSQL）')
    .action(async (name: string, options: AddOptions) =>
      (await import('../actions/user.js')).userAdd(program, name, options),
    );
  user
    .command('passwd')
    .description('重设账号密码（其已有会话全部失效）；密码从标准输入读取，或在终端输入两次')
    .argument('<name>', '登录名')
    .option('--generate', '随机生成密码并显示')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (name: string, options: DbOptions) => (await import('../actions/user.js')).userPasswd(name, options));
  user
    .command('list')
    .description('列出账号')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (options: DbOptions) => (await import('../actions/user.js')).userList(options));
}

export function registerLog(program: Command): void {
  program
    .command('log')
    .description('操作日志')
    .command('verify')
    .description('核验操作日志的校验链与已公开内容的校验值；有改动时退出码 1')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (options: { db?: string }) => (await import('../actions/log.js')).logVerify(options));
}
