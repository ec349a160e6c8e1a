import type { Command } from 'commander';
import { EXIT_INVALID_INPUT } from '../fail.js';

type AddOptions = { role: string; department: string[]; displayName?: string; db?: string; generate?: boolean };
type DbOptions = { db?: string; generate?: boolean };

type Role = 'editor' | 'reviewer' | 'admin';
/** Roles by code or by their Chinese names. */
const ROLE_NAMES: Readonly<Record<string, Role>> = {
  editor: 'editor',
  reviewer: 'reviewer',
  admin: 'admin',
  部门填报人: 'editor',
  填报人: 'editor',
  财政局审核人: 'reviewer',
  审核人: 'reviewer',
  系统管理员: 'admin',
  管理员: 'admin',
};

const collect = (value: string, previous: string[]) => [...previous, value];

/** Printed once the account exists, never before (a refused command shows no password). */
const showGenerated = (password: string) =>
  process.stdout.write(`密码：${password}\n（请妥善转交本人，登录后在“修改密码”中更改）\n`);

/** The password to set: generated (`--generate`, printed after success), piped on stdin, or typed twice. */
async function passwordFor(generate: boolean | undefined): Promise<string> {
  const { generatePassword } = await import('../accounts.js');
  if (generate === true) return generatePassword();
  const { readNewPassword } = await import('../password-input.js');
  const password = await readNewPassword();
  if (password === null) {
    process.stderr.write('两次输入的密码不一致，未修改\n');
    process.exit(EXIT_INVALID_INPUT);
  }
  return password;
}

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
    .action(async (name: string, options: AddOptions) => {
      const role = ROLE_NAMES[options.role];
      if (role === undefined)
        program.error(`选项 --role 应为 editor、reviewer 或 admin（收到 ${options.role}）`, {
          exitCode: EXIT_INVALID_INPUT,
        });
      const password = await passwordFor(options.generate);
      const [{ addUser }, { runWithStore }] = await Promise.all([import('../accounts.js'), import('../store-run.js')]);
      const rest = options.displayName === undefined ? {} : { displayName: options.displayName };
      await runWithStore(options.db, (ctx) =>
        addUser(ctx, name, { role, department: options.department, ...rest }, password),
      );
    });
  user
    .command('passwd')
    .description('重设账号密码（其已有会话全部失效）；密码从标准输入读取，或在终端输入两次')
    .argument('<name>', '登录名')
    .option('--generate', '随机生成密码并显示')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (name: string, options: DbOptions) => {
      const password = await passwordFor(options.generate);
      const [{ changePassword }, { runWithStore }] = await Promise.all([
        import('../accounts.js'),
        import('../store-run.js'),
      ]);
      await runWithStore(options.db, (ctx) => changePassword(ctx, name, password));
      if (options.generate === true) showGenerated(password);
    });
  user
    .command('list')
    .description('列出账号')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (options: DbOptions) => {
      const [{ userLines }, { runWithStore }] = await Promise.all([
        import('../accounts.js'),
        import('../store-run.js'),
      ]);
      await runWithStore(options.db, (ctx) => userLines(ctx));
    });
}

export function registerLog(program: Command): void {
  program
    .command('log')
    .description('操作日志')
    .command('verify')
    .description('核验操作日志的校验链与已公开内容的校验值；有改动时退出码 1')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (options: DbOptions) => {
      const [{ logVerdict }, { openAppContext }] = await Promise.all([
        import('../accounts.js'),
        import('../../app/open-context.js'),
      ]);
      const ctx = await openAppContext(options.db);
      try {
        const verdict = await logVerdict(ctx);
        process.stdout.write(verdict.text);
        process.exitCode = verdict.intact ? 0 : 1;
      } finally {
        await ctx.store.close();
      }
    });
}
