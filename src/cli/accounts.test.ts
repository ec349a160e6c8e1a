import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/context.js';
import { seedIfEmpty } from '../app/seed.js';
import { login } from '../app/sessions.js';
import { openStore, type Store } from '../store/connect.js';
import { addUser, changePassword, logVerdict, userLines } from './accounts.js';
import { REPO_ROOT, tempDir } from './testing/run-cli.js';

const NOW = new Date('2021-03-01T08:00:00.000Z');

describe('jixiao user and jixiao log (in-process)', () => {
  let store: Store;
  let ctx: AppContext;
  beforeAll(async () => {
    store = await openStore({ dialect: 'sqlite', file: join(await tempDir(), 'accounts.sqlite') });
    ctx = { store, now: () => NOW };
    await seedIfEmpty(ctx, 'examples/yuhua-2020.yaml');
  });
  afterAll(() => store.close());

  it('adds accounts with their departments by code, and refuses what cannot be', async () => {
    const code = '长沙市雨花区行政审批服务局';
    expect(
      await addUser(ctx, 'yuhua', { role: 'editor', department: [code], displayName: '雨花填报' }, 'a-long-password'),
    ).toEqual({
      ok: true,
      value: '已创建账号：yuhua（部门填报人，长沙市雨花区行政审批服务局）\n',
    });
    expect(await addUser(ctx, 'boss', { role: 'admin', department: [] }, 'another-long-one')).toMatchObject({
      ok: true,
    });
    const unknown = await addUser(ctx, 'x1', { role: 'editor', department: ['没有这个部门'] }, 'a-long-password');
    expect(unknown.ok || unknown.error.message).toBe('部门不存在：没有这个部门');
    const weak = await addUser(ctx, 'x2', { role: 'reviewer', department: [] }, 'short');
    expect(weak.ok || weak.error.message).toBe('密码至少 10 个字符');
    const twice = await addUser(ctx, 'boss', { role: 'admin', department: [] }, 'another-long-one');
    expect(twice.ok || twice.error.message).toBe('用户名已存在：boss');
    expect(await userLines(ctx)).toEqual({
      ok: true,
      value: 'boss\tboss\t系统管理员\nyuhua\t雨花填报\t部门填报人\t长沙市雨花区行政审批服务局\n',
    });
  });

  it('resets a password: the old one stops working, the new one signs in', async () => {
    expect(await changePassword(ctx, 'yuhua', 'a-new-long-password')).toEqual({
      ok: true,
      value: '已重设密码：yuhua（其已有会话全部失效）\n',
    });
    expect((await login(ctx, { name: 'yuhua', password: 'a-long-password', address: 'cli' })).ok).toBe(false);
    expect((await login(ctx, { name: 'yuhua', password: 'a-new-long-password', address: 'cli' })).ok).toBe(true);
    const missing = await changePassword(ctx, 'nobody', 'a-new-long-password');
    expect(missing.ok || missing.error.message).toBe('用户不存在：nobody');
  });

  it('verifies the audit log and names an edited entry', async () => {
    const intact = await logVerdict(ctx);
    expect(intact.intact).toBe(true);
    expect(intact.text).toMatch(/^操作日志完整：\d+ 条记录的校验链无误；0 次发布的内容与校验值相符。\n$/);
    await sql`update audit_log set detail = '{}' where id = 2`.execute(store.db);
    expect(await logVerdict(ctx)).toEqual({
      intact: false,
      text: expect.stringMatching(
        /^操作日志被改动（共 \d+ 条记录，发现 1 处问题）：\n {2}第 2 条：内容被修改（校验值不符）\n$/,
      ) as unknown,
    });
  });
});

/** The real binary once: a password piped on stdin, and `log verify`'s exit code. */
describe('jixiao user add | log verify (binary)', () => {
  const run = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['bin/jixiao.js', ...args],
        { cwd: REPO_ROOT },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr }),
      );
      child.stdin?.end(input ?? '');
    });

  it('creates the first account from a piped password and verifies the log', { timeout: 120_000 }, async () => {
    const db = join(await tempDir(), 'first.sqlite');
    const added = await run(['user', 'add', 'root-admin', '--role', '管理员', '--db', db], 'first-admin-password\n');
    expect(added).toMatchObject({ code: 0, stdout: '已创建账号：root-admin（系统管理员）\n' });
    const verified = await run(['log', 'verify', '--db', db]);
    expect(verified).toMatchObject({
      code: 0,
      stdout: '操作日志完整：1 条记录的校验链无误；0 次发布的内容与校验值相符。\n',
    });
  });
});
