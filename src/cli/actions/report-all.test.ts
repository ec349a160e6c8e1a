import { readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../app/import-export.js';
import { openStore } from '../../store/connect.js';
import { docxText } from '../../report/testing/extract-text.js';
import { reportAll, type BulkReportOptions } from './report-all.js';

const seed = readFileSync('examples/yuhua-2020.yaml', 'utf8');
const NAMES = ['长沙市雨花区行政审批服务局', '批量甲局', '批量乙局'];

/** A SQLite file with three departments' 2020 datasets (the seed under three names). */
async function storeOfThree(dir: string): Promise<string> {
  const file = join(dir, 'bulk.sqlite');
  const store = await openStore({ dialect: 'sqlite', file });
  const ctx = { store, now: () => new Date('2021-03-01T08:00:00Z') };
  try {
    for (const name of NAMES) {
      const content = seed.replace('长沙市雨花区行政审批服务局', name);
      const imported = await importDataset(ctx, { format: 'yaml', content, actor: { kind: 'system', label: '测试' } });
      if (!imported.ok) throw new Error(imported.error.message);
    }
  } finally {
    await store.close();
  }
  return file;
}

/** Runs the action in this process (rendering inline: workers 0), capturing what it prints. */
async function run(options: BulkReportOptions) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    const code = await reportAll(options);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

// Renders six reports inline; a report takes up to a few seconds on a busy machine.
describe('jixiao report --all --year', { timeout: 180_000 }, () => {
  let dir = '';
  let db = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-bulk-'));
    db = await storeOfThree(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one file per department and format, and a summary line', async () => {
    const output = join(dir, 'out');
    const result = await run({ year: 2020, output, formats: ['docx', 'md'], published: false, db, workers: 0 });
    expect(result.code).toBe(0);
    const files = (await readdir(output)).sort();
    expect(files).toEqual(NAMES.flatMap((n) => [`${n}-2020.docx`, `${n}-2020.md`]).sort());
    expect(await docxText(await readFile(join(output, '批量甲局-2020.docx')))).toContain('批量甲局');
    expect(result.stdout).toMatch(/^2020 年度：已生成 3 个部门的最新报告（DOCX、MD，共 6 个文件）到 .*，用时/);
  });

  it('writes nothing under --published when nothing is published, and says so', async () => {
    const output = join(dir, 'published');
    const result = await run({ year: 2020, output, formats: ['md'], published: true, db, workers: 0 });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('2020 年度没有已公开的数据集');
    await expect(lstat(output)).rejects.toThrow();
  });

  it('fails only the department whose target is a symbolic link (exit 1, listed), writing the others', async () => {
    const output = join(dir, 'linked');
    await mkdir(output);
    await symlink(join(dir, 'elsewhere.md'), join(output, '批量乙局-2020.md'));
    const result = await run({ year: 2020, output, formats: ['md'], published: false, db, workers: 0 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('已生成 2 个部门的最新报告');
    expect(result.stderr).toContain('批量乙局：文件无法写入');
    expect(result.stderr).toContain('符号链接');
    expect((await lstat(join(output, '批量乙局-2020.md'))).isSymbolicLink()).toBe(true);
    expect((await readdir(output)).sort()).toEqual([
      '批量乙局-2020.md',
      '批量甲局-2020.md',
      '长沙市雨花区行政审批服务局-2020.md',
    ]);
  });
});
