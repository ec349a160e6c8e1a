import { describe, expect, it } from 'vitest';
import { findBuiltinPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { SEED_EXAMPLE_PATH } from '../../ingest/seed-example.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import { buildReportModel } from './build-report.js';
import { reportInputFor } from './report-input.js';
import { tableGrid } from './table-grid.js';
import type { ReportModel, ReportTable } from './types.js';

async function seed(): Promise<Dataset> {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error('seed unreadable');
  return read.dataset;
}

function modelOf(dataset: Dataset): ReportModel {
  const pack = findBuiltinPack('national');
  if (pack === null) throw new Error('no national pack');
  return buildReportModel(reportInputFor(dataset, pack));
}

function annexTable(model: ReportModel): ReportTable {
  const block = model.annexes.find((a) => a.id === 'self-evaluation')?.blocks[0];
  if (block?.kind !== 'table') throw new Error('no annex table');
  return block.table;
}

const allText = (model: ReportModel, id: string): string => {
  const section = model.annexes.find((a) => a.id === id);
  return (section?.blocks ?? [])
    .map((b) =>
      b.kind === 'table'
        ? [b.table.caption ?? '', ...b.table.rows.flat(), ...(b.table.totalRow ?? [])].join('\n')
        : b.kind === 'paragraph' || b.kind === 'heading'
          ? b.text
          : '',
    )
    .join('\n');
};

describe('the narrative report’s 自评表 annex as filed', async () => {
  const dataset = await seed();
  const model = modelOf(dataset);
  const table = annexTable(model);
  const text = allText(model, 'self-evaluation');

  it('prints no assumed-target mark, formula or rule pack', () => {
    for (const word of ['推定', '规则包', 'national', 'min(', '×', '÷', '评分规则']) expect(text).not.toContain(word);
  });

  it('is one form on the ten-column grid: 部门资金, 年度总体目标, 绩效指标 in order, 满意度 after 效益', () => {
    expect(table.caption).toBeUndefined();
    const column0 = table.rows.map((r) => r[0]).filter((t) => t !== '');
    expect(column0).toEqual(['部门（单位）名称', '部门资金（万元）', '年度总体目标', '绩效指标']);
    const level1 = table.rows.map((r) => r[1]).filter((t) => ['产出', '效益', '满意度'].includes(t ?? ''));
    expect(level1).toEqual(['产出', '效益', '满意度']);
    expect(table.totalRow).toEqual(['总分', '', '', '', '', '', '100', '98.49', '自评等级', '优']);
  });

  it('merges the 一级 and 二级 cells over their rows', () => {
    const grid = tableGrid(table);
    const output = grid.find((row) => row.cells[1]?.text === '产出' && !row.cells[1].covered);
    expect(output?.cells[1]?.rowSpan).toBe(16);
    const quantity = grid.find((row) => row.cells[2]?.text === '数量' && !row.cells[2].covered);
    expect(quantity?.cells[2]?.rowSpan).toBe(8);
  });

  it('prints the 年度总体目标 block', () => {
    const first = table.rows.findIndex((r) => r[0] === '年度总体目标');
    expect(table.rows[first]?.[1]).toBe('预期目标');
    expect(table.rows[first + 1]?.[1]).toMatch(/^产出：/);
  });

  it('prints the department’s filed scores where given, Jixiao’s only where the form is blank', () => {
    const filed = modelOf({
      ...dataset,
      indicators: dataset.indicators.map((i, n) => (n === 0 ? { ...i, declaredScore: '4.5' } : i)),
      selfEvaluation: {
        ...dataset.selfEvaluation,
        declaredExecutionScore: '8.5',
        declaredTotal: '97',
        declaredGrade: '良',
      },
    });
    const t = annexTable(filed);
    expect(t.rows.find((r) => r[3] === '“12345”热线工单签收量')?.[7]).toBe('4.5');
    expect(t.rows.find((r) => r[1] === '年度资金总额')?.[9]).toBe('8.5');
    expect(t.totalRow?.slice(7)).toEqual(['97', '自评等级', '良']);
  });

  it('is where the indicators are printed: section 三 points to it instead of repeating them', () => {
    const performance = model.sections.find((s) => s.id === 'performance');
    expect(performance?.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(performance?.blocks.at(-1)).toEqual({
      kind: 'paragraph',
      text: '各项绩效指标完成情况详见附件（2020年度部门整体支出绩效自评表）。',
    });
  });
});
