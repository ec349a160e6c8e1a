// Every example of a kind other than the narrative report, read as a user's file is read, evaluated under the pack
// it names: a complete, consistent document gives no error and no warning, and the figures it prints are
// reproduced exactly.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent } from '../src/domain/money/index.js';
import { formatPoints } from '../src/domain/scoring/points.js';
import { packForDataset } from '../src/domain/scoring/packs/builtin-packs.js';
import { selfEvaluate, type SelfEvaluation } from '../src/domain/self-evaluation-table/self-evaluate.js';
import type { Dataset } from '../src/domain/dataset/schema.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));

async function evaluate(name: string): Promise<{ dataset: Dataset; evaluation: SelfEvaluation }> {
  const read = await readDatasetFile(`${DIR}${name}`);
  if (!read.ok) throw new Error(`${name}: ${JSON.stringify(read)}`);
  const pack = packForDataset(read.dataset.rulePack);
  if (pack === null) throw new Error(`${name}: unknown pack`);
  return { dataset: read.dataset, evaluation: selfEvaluate(read.dataset, pack) };
}

const pct = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : formatPercent(value as never);
const pts = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : formatPoints(value as never);

/** What a form prints: the funds rate and score, each row's rate, the total and the grade. */
function printed(evaluation: SelfEvaluation, index = 0) {
  const form = evaluation.forms[index];
  if (form === undefined) throw new Error('no form');
  const funds = form.score.funds;
  return {
    rows: funds?.rows.map((r) => pct(r.rate)) ?? [],
    rate: pct(funds?.total.rate),
    funds: pts(funds?.score),
    total: pts(form.score.total),
    grade: form.score.grade,
  };
}

const EXAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('examples of every kind', () => {
  it('has at least four documents besides the narrative report', () => {
    expect(EXAMPLES.filter((f) => f !== 'yuhua-2020.yaml').length).toBeGreaterThanOrEqual(4);
  });

  // The seed is the real report: its four unexplained low execution rates are warnings (its own golden tests).
  it.each(EXAMPLES.filter((f) => f !== 'yuhua-2020.yaml'))(
    '%s: no error and no warning under its own pack',
    async (name) => {
      const { evaluation } = await evaluate(name);
      const blocking = evaluation.findings.filter((f) => f.severity !== 'info');
      expect(blocking.map((f) => `${f.code} ${f.message}`)).toEqual([]);
    },
  );

  it('MoF 项目表 (national): 578.60 ÷ 600.00 = 96.43 % → 9.64; 其他资金 0 ÷ 0 printed 0.00 %', async () => {
    const { dataset, evaluation } = await evaluate('mof-project-form-2020.yaml');
    expect(dataset.kind).toBe('projectForm');
    expect(printed(evaluation)).toEqual({
      rows: ['95.88', '100.00', '0.00'],
      rate: '96.43',
      funds: '9.64',
      total: '99.64',
      grade: '优',
    });
  });

  it('Hubei 项目表: 20-point execution, 171.30 ÷ 180.00 = 95.17 % → 19.03', async () => {
    const { evaluation } = await evaluate('hubei-project-form-2021.yaml');
    expect(printed(evaluation)).toMatchObject({ rate: '95.17', funds: '19.03', total: '99.03' });
  });

  it('Guizhou 部门整体表: only 年初预算数, 1,939.03 ÷ 2,110.00 = 91.90 % → 9.19', async () => {
    const { dataset, evaluation } = await evaluate('guizhou-department-form-2021.yaml');
    expect(dataset.kind).toBe('departmentForm');
    expect(printed(evaluation)).toMatchObject({ rows: ['98.93', '81.68'], rate: '91.90', funds: '9.19' });
  });

  it('Sichuan 项目表: 336.42 ÷ 调整后预算 350.00 = 96.12 % → 9.61; total 98.78', async () => {
    const { evaluation } = await evaluate('sichuan-project-form-2021.yaml');
    expect(printed(evaluation)).toMatchObject({ rate: '96.12', funds: '9.61', total: '98.78' });
  });

  it('Hunan 部门整体表: 预算完成率 1,241.46 ÷ (45.20 + 1,262.50) = 94.93 % → 9.49', async () => {
    const { evaluation } = await evaluate('hunan-department-form-2021.yaml');
    expect(printed(evaluation)).toMatchObject({ rate: '94.93', funds: '9.49' });
  });

  it('Hunan 决算说明: carry-over, prior year, 三公 budget as a total, management ratios', async () => {
    const { dataset, evaluation } = await evaluate('hunan-final-accounts-2021.yaml');
    const { amounts, percents, unavailable } = evaluation.figures;
    const amount = (key: keyof typeof amounts) => formatAmount(amounts[key].value, dataset.unit);
    expect([amount('incomeTotal'), amount('carryOverTotal'), amount('incomeGrandTotal')]).toEqual([
      '1116.60',
      '56.20',
      '1172.80',
    ]);
    expect([amount('availableBudgetTotal'), amount('expenditureTotal'), amount('yearEndBalance')]).toEqual([
      '1229.00',
      '1160.10',
      '12.70',
    ]);
    expect(pct(percents.budgetCompletionRate)).toBe('94.39'); // 1,160.10 ÷ (56.20 + 1,142.80 + 30)
    expect(pct(percents.budgetAdjustmentRate)).toBe('2.63'); // 30 ÷ 1,142.80
    expect(pct(percents.carryForwardRate)).toBe('1.03'); // 12.70 ÷ 1,229.00
    expect(pct(percents.publicUseControlRate)).toBe('93.64'); // 103 ÷ 110
    expect(pct(percents.procurementExecutionRate)).toBe('94.20');
    expect(pct(percents.inPostControlRate)).toBe('94.29'); // 33 ÷ 35
    expect([amount('incomeChange'), pct(percents.incomeChangeRate)]).toEqual(['66.60', '6.34']);
    expect([amount('threePublicChange'), pct(percents.threePublicChangeRate)]).toEqual(['-1.50', '-8.57']);
    expect(pct(percents.threePublicBudgetChangeRate)).toBe('-10.00');
    expect([pct(percents.vehicleShare), pct(percents.receptionShare)]).toEqual(['77.50', '22.50']);
    // The 三公 budget is printed only as a total: no item has a budget, so the vehicle budget is not a figure.
    expect(unavailable.has('threePublicVehicleBudget')).toBe(true);
    expect(evaluation.figures.threePublic.every((item) => item.executionRate === null)).toBe(true);
  });
});
