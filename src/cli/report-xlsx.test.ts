import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jixiao } from './testing/run-cli.js';

// Each test spawns the real binary (tsx when a source changed since the last build: 15 s on a busy machine).
describe('jixiao report -f xlsx and -o -', { timeout: 120_000 }, () => {
  it('writes a 项目自评表 dataset as the printed form, one sheet, and exits 0', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'jixiao-xlsx-')), '自评表.xlsx');
    const { code, stdout } = await jixiao('report', '-f', 'xlsx', 'examples/mof-project-form-2020.yaml', '-o', file);
    expect(code).toBe(0);
    expect(stdout).toContain(`已生成 XLSX：${file}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(file)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['项目支出绩效自评表']);
  });

  it('writes a workbook that jixiao audit reads back with the year of its title row (（2020年度）)', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'jixiao-xlsx-')), 'x.xlsx');
    expect((await jixiao('report', '-f', 'xlsx', 'examples/mof-project-form-2020.yaml', '-o', file)).code).toBe(0);
    const audit = await jixiao('audit', file, '--json');
    const answer = JSON.parse(audit.stdout) as { fiscalYear?: number; kind: string; unit: string };
    expect(answer).toMatchObject({ fiscalYear: 2020, kind: 'projectForm', unit: '万元' });
  });

  it('writes one format to standard output with -o -, and no file named -', async () => {
    const { code, stdout } = await jixiao('report', '-f', 'md', 'examples/mof-project-form-2020.yaml', '-o', '-');
    expect(code).toBe(0);
    expect(stdout).toContain('99.64');
    expect(stdout).not.toContain('已生成');
  });

  it('refuses --all with -o - (several files cannot go to standard output), exit 2', async () => {
    const { code, stderr } = await jixiao('report', '--all', 'examples/mof-project-form-2020.yaml', '-o', '-');
    expect(code).toBe(2);
    expect(stderr).toContain('--all 生成多个文件，不能写到标准输出');
  });

  it('names xlsx among the formats when one is unknown', async () => {
    const { code, stderr } = await jixiao('report', '-f', 'xls', 'examples/mof-project-form-2020.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('不支持的格式：xls（可选：docx、pdf、html、md、xlsx）');
  });
});
