import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../read-dataset.js';
import { readWorkbook } from './read-workbook.js';
import { datasetToWorkbook, templateWorkbook } from './write-workbook.js';

async function seed() {
  const read = await readDatasetFile('examples/yuhua-2020.yaml');
  if (!read.ok) throw new Error('seed unreadable');
  return read.dataset;
}

describe('Excel round trip', () => {
  it('gives back the same dataset: export → import (seed example)', async () => {
    const dataset = await seed();
    const result = await readWorkbook(await datasetToWorkbook(dataset));
    expect(result).toEqual({ ok: true, dataset });
  });

  it.each(readdirSync('examples').filter((f) => f.endsWith('.yaml')))(
    'gives back every example of every kind: %s (carry-over, prior year, 三公 totals and counts, forms)',
    async (name) => {
      const read = await readDatasetFile(`examples/${name}`);
      if (!read.ok) throw new Error(`${name} unreadable`);
      expect(await readWorkbook(await datasetToWorkbook(read.dataset))).toEqual({ ok: true, dataset: read.dataset });
    },
  );

  it('reads a dataset with adjustments, indicators and several supplements per project', async () => {
    const dataset = await seed();
    const richer = {
      ...dataset,
      income: {
        ...dataset.income!,
        adjustments: [
          { part: 'basic' as const, amount: dataset.basicExpenditure!.actual, date: '2020-06-30', note: '追加' },
        ],
      },
      projects: dataset.projects.map((p, i) =>
        i === 5
          ? {
              ...p,
              supplementaryAppropriations: [
                ...p.supplementaryAppropriations,
                { ...p.supplementaryAppropriations[0]!, date: '2020-12-31' },
              ],
            }
          : p,
      ),
      narrative: {
        ...dataset.narrative,
        problemReviews: [
          {
            key: 'PAYMENT_PROGRESS_BEHIND:$.paymentProgress.points[0]',
            decision: 'edited' as const,
            text: '一季度支付进度偏慢。',
          },
          { key: 'RETURNED_TO_TREASURY:$.projects', decision: 'rejected' as const },
        ],
      },
      selfEvaluation: {
        annualTargets: [{ target: '热线按时办结率 100%', actual: '按时办结率100%' }],
        executionExplanation: '年末追加的指标未能支付',
        declaredTotal: '92.5',
        declaredGrade: '优' as const,
      },
      indicators: [
        {
          level1: '产出' as const,
          level2: '数量',
          name: '签收工单',
          direction: '≥' as const,
          target: '60000',
          unit: '件',
          actual: '63475',
          weight: '10',
          targetAssumed: false,
        },
        {
          level1: '满意度' as const,
          level2: '服务对象满意度',
          name: '回访满意度',
          direction: '定性' as const,
          achievement: '达成' as const,
          weight: '10.5',
          targetAssumed: true,
        },
      ],
    };
    expect(await readWorkbook(await datasetToWorkbook(richer))).toEqual({ ok: true, dataset: richer });
  });
});

describe('template', () => {
  it('has the sheets, frozen headers, dropdowns and notes a finance officer needs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateWorkbook()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '基本情况',
      '收入',
      '基本支出明细',
      '三公经费',
      '项目',
      '项目支出明细',
      '支付进度',
      '绩效指标',
      '文字部分',
      '报告陈述数',
      '项目自评表',
      '代码表',
    ]);
    const lines = book.getWorksheet('基本支出明细')!;
    expect(lines.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(lines.getCell('A2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['代码表!$A$2:$A$' + String(book.getWorksheet('代码表')!.rowCount)],
    });
    expect(book.getWorksheet('绩效指标')!.getCell('E5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"≥,≤,=,定性"'],
    });
    expect(lines.getCell('A1').note).toBeDefined();
    expect(book.getWorksheet('项目')!.getColumn(2).numFmt).toBe('#,##0.00####');
  });

  it('a blank template reads as "missing" errors, not a crash', async () => {
    const result = await readWorkbook(await templateWorkbook());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.find((e) => e.cell === '基本情况!B2')?.message).toBe('未填写“预算年度”');
  });
});
