import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../domain/dataset/parse.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import { hunanDepartmentForm, mofProjectForm, sichuanProjectForm } from '../../domain/forms/form-fixtures.js';
import { formSheetName } from './form-sheet-layout.js';
import { readWorkbook } from './read-workbook.js';
import { datasetToWorkbook, templateWorkbook } from './write-workbook.js';

function formDataset(kind: string, rulePack: string, forms: unknown[]): Dataset {
  const parsed = parseDataset({
    kind,
    fiscalYear: 2020,
    unit: '万元',
    rulePack,
    department: { name: '某县水利局' },
    forms,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.dataset;
}

async function loaded(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

describe('自评表 sheets', () => {
  it('round-trip the MoF project form exactly, with its kind', async () => {
    const dataset = formDataset('projectForm', 'national', [
      {
        ...mofProjectForm(),
        code: '52010021',
        indicators: [
          ...mofProjectForm().indicators!,
          {
            level1: '产出',
            level2: '时效',
            name: '资金执行率',
            target: '≥90%',
            actual: '96.43%',
            weight: '0',
            linksTo: 'executionRate',
            direction: '≥',
          },
        ],
      },
    ]);
    const bytes = await datasetToWorkbook(dataset);
    const book = await loaded(bytes);
    expect(book.getWorksheet('基本情况')?.getCell('B5').value).toBe('项目支出绩效自评表');
    const sheet = book.getWorksheet('农村饮水安全巩固提升工程');
    expect(sheet?.getCell('A1').value).toBe('表式');
    expect(sheet?.getCell('B1').value).toBe('项目支出绩效自评表');
    expect(await readWorkbook(bytes)).toEqual({ ok: true, dataset });
  });

  it('round-trip a Hunan department form and several project forms, each on its own sheet', async () => {
    const department = formDataset('departmentForm', 'hunan', [hunanDepartmentForm()]);
    expect(await readWorkbook(await datasetToWorkbook(department))).toEqual({ ok: true, dataset: department });
    const long = '某某县城镇老旧小区改造及配套基础设施提升工程（第一批次）二期';
    const several = formDataset('projectForm', 'sichuan', [
      sichuanProjectForm(),
      { ...sichuanProjectForm(), name: long },
      { ...sichuanProjectForm(), name: long },
    ]);
    const bytes = await datasetToWorkbook(several);
    const names = (await loaded(bytes)).worksheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('某某县'))).toEqual([
      [...long].slice(0, 31).join(''),
      `${[...long].slice(0, 28).join('')}（2）`,
    ]);
    expect(await readWorkbook(bytes)).toEqual({ ok: true, dataset: several });
  });

  it('round-trip each source row’s printed 占比 in the 占比（%） column', async () => {
    const form = mofProjectForm();
    const shares = ['86.17', '13.83', '0.00'];
    const rows = form.funds!.rows!.map((r, i) => ({ ...r, declaredShare: shares[i] }));
    const dataset = formDataset('projectForm', 'national', [{ ...form, funds: { ...form.funds, rows } }]);
    const bytes = await datasetToWorkbook(dataset);
    const sheet = (await loaded(bytes)).getWorksheet('农村饮水安全巩固提升工程')!;
    const heading = sheet.getRow(10);
    const column = (heading.values as unknown[]).indexOf('占比（%）');
    expect(column).toBeGreaterThan(0);
    const cells = [12, 13, 14].map((r) => sheet.getRow(r).getCell(column));
    expect(cells.map((c) => [c.value, c.numFmt])).toEqual([
      [86.17, '0.00'],
      [13.83, '0.00'],
      [0, '0.00'],
    ]);
    expect(sheet.getRow(11).getCell(column).value).toBeNull();
    const read = await readWorkbook(bytes);
    expect(read).toEqual({ ok: true, dataset });
    if (read.ok) expect(read.dataset.forms[0]?.funds?.rows.map((r) => r.declaredShare)).toEqual(shares);
  });

  it('names a sheet without a usable name by its kind, and never like a fixed sheet', () => {
    const used = new Set(['项目', '收入']);
    expect(formSheetName('[]', 'project', 0, used)).toBe('项目自评表1');
    expect(formSheetName('项目', 'project', 1, used)).toBe('项目（2）');
    expect(formSheetName('', 'department', 2, used)).toBe('部门自评表3');
  });

  it('locates a bad cell by sheet and cell', async () => {
    const dataset = formDataset('projectForm', 'national', [mofProjectForm()]);
    const book = await loaded(await datasetToWorkbook(dataset));
    const sheet = book.getWorksheet('农村饮水安全巩固提升工程')!;
    sheet.getCell('D12').value = '很多';
    sheet.getCell('G22').value = 'abc';
    const result = await readWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.cell).sort()).toEqual([
      '农村饮水安全巩固提升工程!D12',
      '农村饮水安全巩固提升工程!G22',
    ]);
  });
});

describe('the template', () => {
  it('has an empty 项目自评表 sheet with its headings, read as no table', async () => {
    const book = await loaded(await templateWorkbook());
    const sheet = book.getWorksheet('项目自评表')!;
    const columnA = sheet.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(columnA).toEqual([
      '表式',
      '项目名称',
      '项目编码',
      '主管部门',
      '实施单位',
      '预算调整原因',
      '表中所填总分',
      '表中所填等级',
      '资金来源',
      '年度资金总额',
      '年度总体目标',
      '一级指标',
    ]);
    expect(sheet.getRow(10).values).toContain('执行率（%）');
    expect(sheet.getRow(15).values).toContain('偏差原因分析及改进措施');
    expect(book.getWorksheet('基本情况')?.getCell('A5').value).toBe('文档类型');
  });
});
