import { describe, expect, it } from 'vitest';
import { findBuiltinPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { SEED_EXAMPLE_PATH } from '../../ingest/seed-example.js';
import { buildReportModel } from './build-report.js';
import { reportInputFor } from './report-input.js';
import type { Block, ChartSpec, ReportModel, ReportTable } from './types.js';

async function seedModel(): Promise<ReportModel> {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error('seed unreadable');
  const pack = findBuiltinPack('national');
  if (pack === null) throw new Error('no national pack');
  return buildReportModel(reportInputFor(read.dataset, pack));
}

const blocksOf = (model: ReportModel): Block[] => [...model.sections, ...model.annexes].flatMap((s) => s.blocks);
const body = (model: ReportModel): string =>
  model.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
    .join('\n');
const tables = (model: ReportModel): ReportTable[] =>
  blocksOf(model).flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const charts = (model: ReportModel): ChartSpec[] =>
  blocksOf(model).flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
const chart = <K extends ChartSpec['kind']>(model: ReportModel, kind: K) => {
  const found = charts(model).find((c): c is Extract<ChartSpec, { kind: K }> => c.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} chart`);
  return found;
};
/** Sums plotted values to the fen, as a reader adds up the printed labels. */
const sum = (values: readonly number[]) => (values.reduce((a, v) => a + Math.round(v * 100), 0) / 100).toFixed(2);

describe('one figure per fact in the seed’s report', async () => {
  const model = await seedModel();
  const text = body(model);
  const annex = tables(model).find((t) => t.rows.some((r) => r[1] === '年度资金总额'));
  const fundsRow = (label: string) => annex?.rows.find((r) => r[1] === label)?.slice(4, 7);

  it('the 自评表 annex prints the body’s budget and expenditure figures (840.74, not 840.75)', () => {
    expect(text).toContain('年初预算为901.68万元');
    expect(text).toContain('支出决算数为840.74万元');
    expect(text).toContain('基本支出决算数596.04万元');
    expect(text).toContain('项目支出决算数244.71万元');
    expect(fundsRow('年度资金总额')).toEqual(['901.68', '990.59', '840.74']);
    expect(fundsRow('其中：基本支出')).toEqual(['601.68', '601.68', '596.04']);
    expect(fundsRow('项目支出')).toEqual(['300.00', '388.91', '244.71']);
    const cells = tables(model).flatMap((t) => [...t.rows.flat(), ...(t.totalRow ?? [])]);
    expect(cells).not.toContain('840.75');
  });

  it('the income chart prints the body’s income figures', () => {
    const pie = chart(model, 'pie');
    expect(pie.slices.map((s) => s.text)).toEqual([
      '基本支出拨款收入\n596.04（64.11%）',
      '项目支出拨款收入\n333.61（35.89%）',
    ]);
    expect(text).toContain('基本支出拨款收入596.04万元，占64.11%');
    expect(text).toContain('项目支出拨款收入333.61万元，占35.89%');
  });

  it('the basic-expenditure bars add up to the 合计 of the table above them (596.04)', () => {
    const basicTable = tables(model).find((t) => t.header[0] === '明细支出内容');
    expect(basicTable?.totalRow?.[1]).toBe('596.04');
    expect(sum(chart(model, 'bar').values)).toBe('596.04');
  });

  it('the project chart prints each project’s actual and rate as its sentence states them', () => {
    const projects = chart(model, 'budget-actual');
    projects.categories.forEach((name, i) => {
      const sentence = text.split('\n').find((p) => p.includes(`、${name}`)) ?? '';
      // A project funded only late in the year states no spending: nothing to contradict.
      if (!sentence.includes('实际支出')) return;
      expect(sentence).toContain(`实际支出${String(projects.actual[i])}万元`);
      expect(sentence).toContain(`${projects.rates[i]}`);
    });
    expect(sum(projects.actual)).toBe('244.71');
  });
});
