// Each form convention a shipped rule pack uses, shown through the example dataset that names that pack: the pack's
// basis, weights, levels, 0 ÷ 0 and qualitative point as data (src/domain/scoring/packs), and the same dataset under
// another pack giving other figures, so the convention and not the code decides them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset/schema.js';
import type { FormEvaluation } from '../src/domain/forms/evaluate-forms.js';
import { formatAmount, formatPercent } from '../src/domain/money/index.js';
import { findBuiltinPack, packForDataset } from '../src/domain/scoring/packs/builtin-packs.js';
import { formatPoints } from '../src/domain/scoring/points.js';
import type { RulePack } from '../src/domain/scoring/rule-pack.js';
import { selfEvaluate } from '../src/domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));

async function read(name: string): Promise<Dataset> {
  const result = await readDatasetFile(`${DIR}${name}`);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.dataset;
}

function builtin(name: string): RulePack {
  const pack = findBuiltinPack(name);
  if (pack === null) throw new Error(`no pack ${name}`);
  return pack;
}

/** The dataset's first form under `packName`, or under the pack the dataset names. */
async function form(file: string, packName?: string): Promise<{ form: FormEvaluation; pack: RulePack }> {
  const dataset = await read(file);
  const pack = packName === undefined ? packForDataset(dataset.rulePack) : builtin(packName);
  if (pack === null) throw new Error(`${file}: unknown pack`);
  const first = selfEvaluate(dataset, pack).forms[0];
  if (first === undefined) throw new Error(`${file}: no form`);
  return { form: first, pack };
}

const pct = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : formatPercent(value as never);
const pts = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : formatPoints(value as never);
const amount = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : formatAmount(value as never, '万元');
const levels = (f: FormEvaluation) =>
  f.score.levels.map((l) => [l.name, pts(l.packWeight), pts(l.indicatorWeight), pts(l.score)]);
const serious = (f: FormEvaluation) => f.findings.filter((x) => x.severity !== 'info').map((x) => x.code);

describe('national (MoF 2020 项目表) through mof-project-form-2020.yaml', () => {
  it('全年预算数 basis, 10 points × rate, 0 ÷ 0 printed 0.00 %, levels 产出 50 / 效益 30 / 满意度 10', async () => {
    const { form: f, pack } = await form('mof-project-form-2020.yaml');
    expect(pack.name).toBe('national');
    expect(f.score.convention.funds).toMatchObject({ basis: 'fullYearBudget', weight: 1000n, zeroOverZero: 'zero' });
    const rows = f.score.funds?.rows ?? [];
    expect(rows.map((r) => [r.source, pct(r.rate), r.zeroOverZero])).toEqual([
      ['当年财政拨款', '95.88', false], // 498.60 ÷ 520
      ['上年结转资金', '100.00', false], // 80 ÷ 80
      ['其他资金', '0.00', true], // 0 ÷ 0
    ]);
    expect([pct(f.score.funds?.total.rate), pts(f.score.funds?.score)]).toEqual(['96.43', '9.64']);
    expect(levels(f)).toEqual([
      ['产出', '50.00', '50.00', '50.00'],
      ['效益', '30.00', '30.00', '30.00'],
      ['满意度', '10.00', '10.00', '10.00'],
    ]);
  });

  it('each funding source’s share of the 578.60 万元 spent: 86.17 % + 13.83 % + 0.00 %', async () => {
    const { form: f } = await form('mof-project-form-2020.yaml');
    expect(f.score.funds?.rows.map((r) => pct(r.share))).toEqual(['86.17', '13.83', '0.00']);
  });
});

describe('guizhou (部门整体表, 年初预算数 only) through guizhou-department-form-2021.yaml', () => {
  it('divides by 年初预算数: 1,939.03 ÷ 2,110.00 = 91.90 % → 9.19; shares 63.77 % and 36.23 %', async () => {
    const { form: f, pack } = await form('guizhou-department-form-2021.yaml');
    expect(pack.name).toBe('guizhou');
    expect(f.score.funds?.columns).toEqual({ yearStartBudget: true, fullYearBudget: false, actual: true });
    expect(f.score.funds?.total.basis).toBe('yearStartBudget');
    expect([pct(f.score.funds?.total.rate), pts(f.score.funds?.score), pts(f.score.total)]).toEqual([
      '91.90',
      '9.19',
      '99.19',
    ]);
    // 1,236.58 ÷ 1,939.03 = 63.773…; 702.45 ÷ 1,939.03 = 36.226…
    expect(f.score.funds?.rows.map((r) => pct(r.share))).toEqual(['63.77', '36.23']);
  });

  it('under national (全年预算数) the same form has no rate: nothing is assumed for a column it does not print', async () => {
    const { form: f } = await form('guizhou-department-form-2021.yaml', 'national');
    expect([f.score.funds?.total.rate, f.score.funds?.score, f.score.complete]).toEqual([null, null, false]);
  });
});

describe('hubei (项目表, execution 20 points) through hubei-project-form-2021.yaml', () => {
  it('20 × 95.17 % = 19.03 and levels 产出 40 / 效益 30 / 满意度 10; national gives 9.52 and flags the weights', async () => {
    const { form: f, pack } = await form('hubei-project-form-2021.yaml');
    expect(pack.name).toBe('hubei');
    expect([pct(f.score.funds?.total.rate), pts(f.score.funds?.score), pts(f.score.total)]).toEqual([
      '95.17',
      '19.03',
      '99.03',
    ]);
    expect(levels(f)).toEqual([
      ['产出', '40.00', '40.00', '40.00'],
      ['效益', '30.00', '30.00', '30.00'],
      ['满意度', '10.00', '10.00', '10.00'],
    ]);
    const { form: national } = await form('hubei-project-form-2021.yaml', 'national');
    expect(pts(national.score.funds?.score)).toBe('9.52');
    expect(serious(national)).toContain('FORM_WEIGHT_MISMATCH');
  });
});

describe('sichuan (预算执行数 / 调整后预算数) through sichuan-project-form-2021.yaml', () => {
  it('divides by the 全年预算数 column: 336.42 ÷ 350 = 96.12 % (年初 300 would give 112.14 %)', async () => {
    const { form: f, pack } = await form('sichuan-project-form-2021.yaml');
    expect(pack.name).toBe('sichuan');
    expect(f.score.convention.title).toBe('部门预算项目支出绩效自评表');
    expect([amount(f.score.funds?.total.budget), pct(f.score.funds?.total.rate)]).toEqual(['350.00', '96.12']);
    const { form: guizhou } = await form('sichuan-project-form-2021.yaml', 'guizhou');
    expect(pct(guizhou.score.funds?.total.rate)).toBe('112.14');
  });
});

describe('hunan (可用预算, qualitative at the middle of its band) through hunan-department-form-2021.yaml', () => {
  it('预算完成率 = 1,241.46 ÷ (45.20 + 1,262.50) = 94.93 % → 9.49; national’s 全年预算数 gives 98.33 %', async () => {
    const { form: f, pack } = await form('hunan-department-form-2021.yaml');
    expect(pack.name).toBe('hunan');
    expect(f.score.funds?.total.basis).toBe('availableBudget');
    expect(amount(f.score.funds?.total.budget)).toBe('1307.70');
    expect([pct(f.score.funds?.total.rate), pts(f.score.funds?.score), pts(f.score.total)]).toEqual([
      '94.93',
      '9.49',
      '95.49',
    ]);
    // 40.10 ÷ 1,241.46 = 3.230…; 1,201.36 ÷ 1,241.46 = 96.769…
    expect(f.score.funds?.rows.map((r) => pct(r.share))).toEqual(['3.23', '96.77']);
    expect(serious(f)).toEqual([]);
  });

  it('an undeclared qualitative score is taken at the middle of its band: 达成 of 30 → 27.00 (national: 30.00)', async () => {
    const dataset = await read('hunan-department-form-2021.yaml');
    const [table] = dataset.forms;
    if (table === undefined) throw new Error('no form');
    const undeclared = table.indicators.map((ind) =>
      ind.name === '统计信息服务社会' ? { ...ind, declaredScore: undefined } : ind,
    );
    const edited: Dataset = { ...dataset, forms: [{ ...table, indicators: undeclared }] };
    const scoreUnder = (name: string) =>
      pts(
        selfEvaluate(edited, builtin(name)).forms[0]?.score.indicators.find(
          (s) => s.indicator.name === '统计信息服务社会',
        )?.score,
      );
    expect([scoreUnder('hunan'), scoreUnder('national')]).toEqual(['27.00', '30.00']);
  });
});
