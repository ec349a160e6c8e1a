// The bodies of `jixiao user add|passwd|list`, loaded only when one of them runs. Each step imports what it needs
// when it gets there, so a refused role or mismatched password never opens the store.
import type { Command } from 'commander';
import { EXIT_INVALID_INPUT } from '../fail.js';

export type AddOptions = { role: string; department: string[]; displayName?: string; db?: string; generate?: boolean };
export type DbOptions = { db?: string; generate?: boolean };

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

export async function userAdd(program: Command, name: string, options: AddOptions): Promise<void> {
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
  if (options.generate === true) showGenerated(password);
}

export async function userPasswd(name: string, options: DbOptions): Promise<void> {
  const password = await passwordFor(options.generate);
  const [{ changePassword }, { runWithStore }] = await Promise.all([
    import('../accounts.js'),
    import('../store-run.js'),
  ]);
  await runWithStore(options.db, (ctx) => changePassword(ctx, name, password));
  if (options.generate === true) showGenerated(password);
}

export async function userList(options: DbOptions): Promise<void> {
  const [{ userLines }, { runWithStore }] = await Promise.all([import('../accounts.js'), import('../store-run.js')]);
  await runWithStore(options.db, (ctx) => userLines(ctx));
}
