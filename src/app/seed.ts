import { readFile } from 'node:fs/promises';
import { countDatasets } from '../store/datasets-repo.js';
import type { AppContext } from './context.js';
import { countUsers } from '../store/users-repo.js';
import { listDepartments } from '../store/departments-repo.js';
import type { Actor } from './actor.js';
import { importDataset } from './import-export.js';
import { createUser } from './users.js';

const SEED_ACTOR: Actor = { kind: 'system', label: '系统（示例数据）' };

/** Loads the seed example into an empty database, so that a first `jixiao serve` has something to show. */
export async function seedIfEmpty(ctx: AppContext, file: string): Promise<'seeded' | 'not-empty'> {
  if ((await countDatasets(ctx.store.db)) > 0) return 'not-empty';
  const content = await readFile(file, 'utf8');
  const result = await importDataset(ctx, {
    format: 'yaml',
    content,
    fileName: file,
    actor: { kind: 'system', label: '系统（示例数据）' },
  });
  if (!result.ok) throw new Error(`示例数据无法导入：${result.error.message}`);
  return 'seeded';
}

/** 演示账号: one of each role, created with the demo database only (never on a database that has accounts). */
export const DEMO_ACCOUNTS = [
  { name: 'admin', displayName: '系统管理员', role: 'admin', password: 'jixiao-admin-demo' },
  { name: 'reviewer', displayName: '财政局审核员', role: 'reviewer', password: 'jixiao-reviewer-demo' },
  { name: 'yuhua', displayName: '雨花区行政审批服务局填报员', role: 'editor', password: 'jixiao-yuhua-demo' },
] as const;

/** Creates the demo accounts on a database without accounts; the editor gets every department (the seed's one). */
export async function seedDemoAccounts(ctx: AppContext): Promise<typeof DEMO_ACCOUNTS | []> {
  if ((await countUsers(ctx.store.db)) > 0) return [];
  const departmentIds = (await listDepartments(ctx.store.db)).map((d) => d.id);
  for (const account of DEMO_ACCOUNTS) {
    const created = await createUser(
      ctx,
      { ...account, departmentIds: account.role === 'editor' ? departmentIds : [] },
      SEED_ACTOR,
    );
    if (!created.ok) throw new Error(`演示账号无法创建：${created.error.message}`);
  }
  return DEMO_ACCOUNTS;
}
