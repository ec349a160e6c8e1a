// The store side of `jixiao user` and `jixiao log`: loaded on demand by those commands only, and testable
// in-process (every function takes the context and returns the lines to print).
import { randomBytes } from 'node:crypto';
import { CLI_ACTOR, ROLE_LABELS, type Role } from '../app/actor.js';
import { verifyLog } from '../app/audit.js';
import type { AppContext, AppResult } from '../app/context.js';
import { invalid, ok } from '../app/context.js';
import { createUser, departmentIdOf, listUsers, resetPassword } from '../app/users.js';

/** A password nobody chose: 18 random bytes, 24 characters of base64url. */
export const generatePassword = () => randomBytes(18).toString('base64url');

export type AddUserOptions = { role: Role; department: string[]; displayName?: string };

/** `jixiao user add NAME`: departments by code or id; the line to print. */
export async function addUser(
  ctx: AppContext,
  name: string,
  options: AddUserOptions,
  password: string,
): Promise<AppResult<string>> {
  const departmentIds: number[] = [];
  for (const key of options.department) {
    const id = await departmentIdOf(ctx, key);
    if (id === undefined)
      return invalid(`部门不存在：${key}`, [
        {
          severity: 'error',
          code: 'DEPARTMENT_UNKNOWN',
          message: `部门不存在：${key}`,
          path: ['--department'],
          pathText: '--department',
        },
      ]);
    departmentIds.push(id);
  }
  const fields = { name, displayName: options.displayName ?? name, role: options.role, departmentIds, password };
  const created = await createUser(ctx, fields, CLI_ACTOR);
  if (!created.ok) return created;
  const where = created.value.departments.map((d) => d.name).join('、');
  return ok(`已创建账号：${name}（${ROLE_LABELS[options.role]}${where === '' ? '' : `，${where}`}）\n`);
}

/** `jixiao user passwd NAME`. */
export async function changePassword(ctx: AppContext, name: string, password: string): Promise<AppResult<string>> {
  const changed = await resetPassword(ctx, name, password, CLI_ACTOR);
  return changed.ok ? ok(`已重设密码：${name}（其已有会话全部失效）\n`) : changed;
}

/** `jixiao user list`: one line per account. */
export async function userLines(ctx: AppContext): Promise<AppResult<string>> {
  const users = await listUsers(ctx);
  if (!users.ok) return users;
  const lines = users.value.map((u) => {
    const departments = u.departments.map((d) => d.name).join('、');
    return `${u.name}\t${u.displayName}\t${u.roleLabel}${departments === '' ? '' : `\t${departments}`}${u.disabled ? '\t（已停用）' : ''}`;
  });
  return ok(lines.length === 0 ? '（没有账号）\n' : `${lines.join('\n')}\n`);
}

/** `jixiao log verify`: the verdict as text and whether the log is intact. */
export async function logVerdict(ctx: AppContext): Promise<{ intact: boolean; text: string }> {
  const verdict = await verifyLog(ctx);
  if (!verdict.ok) return { intact: false, text: `${verdict.error.message}\n` };
  const { entries, problems, publications } = verdict.value;
  if (problems.length === 0)
    return {
      intact: true,
      text: `操作日志完整：${entries} 条记录的校验链无误；${publications} 次发布的内容与校验值相符。\n`,
    };
  const lines = problems.map((p) => (p.id === null ? `  ${p.message}` : `  第 ${p.id} 条：${p.message}`));
  return {
    intact: false,
    text: `操作日志被改动（共 ${entries} 条记录，发现 ${problems.length} 处问题）：\n${lines.join('\n')}\n`,
  };
}
