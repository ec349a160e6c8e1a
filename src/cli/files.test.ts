import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jixiao, SEED } from './testing/run-cli.js';

describe('jixiao template, export and import', () => {
  it('writes a template workbook with the eight sheets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-files-'));
    const file = join(dir, '模板.xlsx');
    expect((await jixiao('template', '-o', file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const names = workbook.worksheets.map((w) => w.name);
    for (const sheet of ['基本情况', '收入', '基本支出明细', '三公经费', '项目', '支付进度', '绩效指标', '文字部分']) {
      expect(names).toContain(sheet);
    }
  });

  it('exports the seed to a workbook and imports it back to the same figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-files-'));
    const xlsx = join(dir, 'seed.xlsx');
    const yaml = join(dir, 'back.yaml');
    expect((await jixiao('export', SEED, '-o', xlsx)).code).toBe(0);
    expect((await jixiao('import', xlsx, '-o', yaml)).code).toBe(0);
    const [original, back] = await Promise.all([jixiao('compute', SEED, '--json'), jixiao('compute', yaml, '--json')]);
    expect(back.stdout).toBe(original.stdout);
  });

  it('names the sheet and cell of a bad amount, exits 2 and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-files-'));
    const xlsx = join(dir, 'seed.xlsx');
    const out = join(dir, 'out.yaml');
    await jixiao('export', SEED, '-o', xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('项目');
    if (sheet === undefined) throw new Error('no 项目 sheet');
    const header = sheet.getRow(1).values as unknown[];
    const column = header.findIndex((v) => typeof v === 'string' && v.startsWith('实际支出'));
    sheet.getRow(2).getCell(column).value = 'abc';
    await workbook.xlsx.writeFile(xlsx);
    const { code, stderr } = await jixiao('import', xlsx, '-o', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/项目!\w+2/);
    expect(stderr).toContain('abc');
    await expect(readFile(out)).rejects.toThrow();
  });
});
