import { describe, expect, it } from 'vitest';
import { guizhouDepartmentForm, hunanDepartmentForm, mofProjectForm } from '../../domain/forms/form-fixtures.js';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { builtinPack, formDataset } from '../testing/form-dataset.js';
import { buildReportModel } from './build-report.js';
import { reportInputFor } from './report-input.js';
import { tableGrid } from './table-grid.js';
import type { ReportTable } from './types.js';

const modelOf = (kind: 'projectForm' | 'departmentForm', pack: string, forms: Parameters<typeof formDataset>[2]) =>
  buildReportModel(reportInputFor(formDataset(kind, pack, forms), builtinPack(pack)));

const onlyTable = (model: ReturnType<typeof buildReportModel>): ReportTable => {
  const block = model.sections[0]?.blocks[0];
  if (block?.kind !== 'table') throw new Error('no table');
  return block.table;
};

/** The drawn cells of a row (covered ones left out), as text. */
const drawn = (table: ReportTable, row: number) => {
  const cells = tableGrid(table)[row]?.cells ?? [];
  return cells.filter((c) => !c.covered).map((c) => c.text);
};
const rowOf = (table: ReportTable, first: string) => table.rows.findIndex((r) => r.includes(first));

describe('a 项目自评表 dataset as a report', () => {
  const model = modelOf('projectForm', 'national', [mofProjectForm()]);
  const table = onlyTable(model);

  it('is the form itself: its title, no narrative sections, no heading of its own', () => {
    expect(model.title).toBe('（2020年度）项目支出绩效自评表');
    expect(model.sections).toHaveLength(1);
    expect(model.sections[0]?.heading).toBe('');
    expect(model.annexes).toEqual([]);
    expect(table.header).toEqual([]);
    expect(table.caption).toBeUndefined();
  });

  it('prints the header block and the funds block with the columns the form has, values as printed', () => {
    expect(drawn(table, 0)).toEqual(['项目名称', '农村饮水安全巩固提升工程']);
    expect(drawn(table, 1)).toEqual(['主管部门', '某县水利局', '实施单位', '某县农村供水管理站']);
    expect(drawn(table, 2)).toEqual([
      '项目资金（万元）',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
    ]);
    expect(drawn(table, 3)).toEqual(['年度资金总额', '500.00', '600.00', '578.60', '10', '96.43%', '9.64']);
    expect(drawn(table, 4)).toEqual(['其中：当年财政拨款', '500.00', '520.00', '498.60', '—', '95.88%', '—']);
    expect(drawn(table, 5)).toEqual(['上年结转资金', '', '80.00', '80.00', '—', '100.00%', '—']);
    expect(table.spans).toContainEqual({ row: 2, column: 0, rowSpan: 5, colSpan: 1 });
    expect(table.labelRows).toContain(2);
  });

  it('prints a 占比 column only when a source row states its share, filling a blank one with the computed share', () => {
    const form = mofProjectForm();
    const rows = form.funds!.rows!.map((r, i) => (i === 0 ? { ...r, declaredShare: '86.17' } : r));
    const shared = onlyTable(modelOf('projectForm', 'national', [{ ...form, funds: { ...form.funds, rows } }]));
    expect(drawn(shared, 2)).toEqual([
      '项目资金（万元）',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
      '占比',
    ]);
    expect(drawn(shared, 3)).toEqual(['年度资金总额', '500.00', '600.00', '578.60', '10', '96.43%', '9.64', '100.00%']);
    expect(drawn(shared, 4)).toEqual([
      '其中：当年财政拨款',
      '500.00',
      '520.00',
      '498.60',
      '—',
      '95.88%',
      '—',
      '86.17%',
    ]);
    expect(drawn(shared, 5)).toEqual(['上年结转资金', '', '80.00', '80.00', '—', '100.00%', '—', '13.83%']);
    expect(shared.rows.every((r) => r.length === 10)).toBe(true);
    expect(table.rows.flat()).not.toContain('占比');
  });

  it('puts targets beside their results and merges 一级 and 二级 cells of the indicator grid', () => {
    const targets = rowOf(table, '预期目标');
    expect(drawn(table, targets)).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
    expect(drawn(table, targets + 1)).toEqual([
      '新建供水管网 120 公里，水质达标率 95% 以上。',
      '新建供水管网 126 公里，水质达标率 97.5%。',
    ]);
    const grid = rowOf(table, '一级指标');
    expect(drawn(table, grid)?.slice(0, 4)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标']);
    expect(table.spans).toContainEqual({ row: grid, column: 0, rowSpan: 8, colSpan: 1 });
    expect(table.spans).toContainEqual({ row: grid + 1, column: 1, rowSpan: 4, colSpan: 1 });
    expect(table.spans).toContainEqual({ row: grid + 5, column: 1, rowSpan: 2, colSpan: 1 });
    expect(drawn(table, grid + 1)).toEqual(['产出', '数量', '新建供水管网长度', '≥120公里', '126公里', '15', '15', '']);
    expect(drawn(table, grid + 2)).toEqual(['质量', '水质达标率', '≥95%', '97.5%', '15', '15', '']);
    expect(
      tableGrid(table)
        .at(-1)
        ?.cells.filter((c) => !c.covered)
        .map((c) => c.text),
    ).toEqual(['总分', '100', '99.64', '自评等级', '优']);
  });

  it('never prints a formula, a pack name or a code', () => {
    const text = JSON.stringify(model);
    expect(text).not.toMatch(/national|规则包|=|[A-Z]{3,}/);
  });
});

describe('a 部门整体自评表 without some columns', () => {
  it('leaves out the 全年预算数 column and fills what the form left blank with computed figures', () => {
    const form = guizhouDepartmentForm();
    const table = onlyTable(modelOf('departmentForm', 'guizhou', [form]));
    expect(drawn(table, 0)).toEqual(['部门（单位）名称', '某县农业农村局']);
    expect(drawn(table, 1)).toEqual(['部门资金（万元）', '', '年初预算数', '全年执行数', '分值', '执行率', '得分']);
    const hunan = { ...hunanDepartmentForm(), declaredTotal: undefined, declaredGrade: undefined };
    const total = tableGrid(onlyTable(modelOf('departmentForm', 'hunan', [hunan]))).at(-1);
    expect(total?.cells.filter((c) => !c.covered).map((c) => c.text)).toEqual([
      '总分',
      '100',
      '95.49',
      '自评等级',
      '优',
    ]);
  });

  it('numbers several forms by name, each with its captioned table', () => {
    const model = modelOf('projectForm', 'national', [mofProjectForm(), { ...mofProjectForm(), name: '第二个项目' }]);
    expect(model.sections.map((s) => s.heading)).toEqual(['一、农村饮水安全巩固提升工程', '二、第二个项目']);
    expect(onlyTable(model).caption).toBe('（2020年度）项目支出绩效自评表');
  });
});

describe('a narrative report with forms', () => {
  it('adds them as 附件2、附件3 after its own 自评表 (附件1)', async () => {
    const read = await readDatasetFile('examples/yuhua-2020.yaml');
    if (!read.ok) throw new Error('seed unreadable');
    const dataset = { ...read.dataset, forms: formDataset('projectForm', 'national', [mofProjectForm()]).forms };
    const pack = builtinPack('national');
    expect(selfEvaluate(dataset, pack).forms).toHaveLength(1);
    const model = buildReportModel(reportInputFor(dataset, pack));
    expect(model.sections).toHaveLength(7);
    expect(model.annexes.map((a) => a.heading).slice(0, 2)).toEqual([
      '附件1：2020年度部门整体支出绩效自评表',
      '附件2：农村饮水安全巩固提升工程项目支出绩效自评表',
    ]);
  });
});
