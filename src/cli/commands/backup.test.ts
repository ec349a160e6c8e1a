import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../app/backup.js';
import { importDataset } from '../../app/import-export.js';
import { openStore } from '../../store/connect.js';
import { jixiao, jixiaoWith, REPO_ROOT, SEED, tempDir } from '../testing/run-cli.js';

/** One command run per test (each is a process start); the database and its backup are made in-process. */
describe('jixiao backup and restore', () => {
  let dir = '';
  let db = '';
  beforeAll(async () => {
    dir = await tempDir();
    db = join(dir, 'live.sqlite');
    const store = await openStore({ dialect: 'sqlite', file: db });
    const content = await readFile(join(REPO_ROOT, SEED), 'utf8');
    const actor = { kind: 'system', label: '测试' } as const;
    const imported = await importDataset(
      { store, now: () => new Date() },
      { format: 'yaml', content, fileName: SEED, actor },
    );
    await store.close();
    if (!imported.ok) throw new Error(imported.error.message);
    const backup = await backupDatabase({ dialect: 'sqlite', file: db }, join(dir, 'made-in-process.sqlite'));
    if (!backup.ok) throw new Error(backup.error.message);
  });

  it('backs up the database and says what the backup holds', async () => {
    const out = join(dir, 'backup.sqlite');
    const { code, stdout, stderr } = await jixiao('backup', out, '--db', db);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^已备份：${out}（1 个数据集，1 个版本，\\d+ 条审计记录；0\\.\\d MB）\\n$`));
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to restore over a database with data without --force (exit 2, one line)', async () => {
    const { code, stdout, stderr } = await jixiao('restore', join(dir, 'made-in-process.sqlite'), '--db', db);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      new RegExp(
        `^目标数据库不是空的：${db}（1 个数据集，1 个版本，\\d+ 条审计记录）；确认要用备份覆盖它，请加 --force\\n$`,
      ),
    );
  });

  it('names pg_dump for a PostgreSQL database (DATABASE_URL)', async () => {
    const { code, stderr } = await jixiaoWith(
      { DATABASE_URL: 'postgres://localhost/jixiao' },
      'backup',
      join(dir, 'x.dump'),
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'PostgreSQL 数据库请用 pg_dump 备份：pg_dump --format=custom --file=jixiao.dump "$DATABASE_URL"（见 docs/operations.md）\n',
    );
  });
});
