import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/dataset/schema.js';
import { findBuiltinPack, nationalPack } from '../domain/scoring/packs/builtin-packs.js';
import { formatPoints } from '../domain/scoring/points.js';
import { selfEvaluate, type SelfEvaluation } from '../domain/self-evaluation-table/self-evaluate.js';
import { selfEvaluationToJson } from '../domain/self-evaluation-table/to-json.js';
import { readDatasetFile } from './read-dataset.js';
import { readRulePackFile, resolveRulePack } from './read-rule-pack.js';
import { SEED_EXAMPLE_PATH } from './seed-example.js';

// End to end on the seed: examples/yuhua-2020.yaml scored under the national and the Hunan-style pack.
let dataset: Dataset;
let national: SelfEvaluation;

beforeAll(async () => {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  dataset = read.dataset;
  national = selfEvaluate(dataset, nationalPack());
});

describe('the seed scored under the national pack', () => {
  it('scores execution at 10 × 84.87 % = 8.49 and totals 98.49 (优)', () => {
    const json = selfEvaluationToJson(national, dataset.unit);
    expect(json.execution.rate).toBe('84.87');
    expect(json.execution.score).toBe('8.49');
    expect(json.total).toBe('98.49');
    expect(json.grade).toBe('优');
  });

  it('holds 23 indicators whose weights add up to 50 / 30 / 10, all targets marked as assumed', () => {
    expect(national.score.indicators).toHaveLength(23);
    expect(national.score.levels.map((l) => [l.level1, formatPoints(l.indicatorWeight)])).toEqual([
      ['产出', '50.00'],
      ['效益', '30.00'],
      ['满意度', '10.00'],
    ]);
    expect(dataset.indicators.every((i) => i.targetAssumed)).toBe(true);
    expect(national.score.findings.map((f) => f.code)).not.toContain('LEVEL_WEIGHTS_MISMATCH');
  });

  it('explains every score line', () => {
    const json = selfEvaluationToJson(national, dataset.unit);
    for (const line of json.indicators) {
      expect(line.explanation).toMatch(/得分 = .*= \d+\.\d\d 分；规则包 national/);
      expect(line.score).toMatch(/^\d+\.\d\d$/);
    }
    expect(json.execution.explanation).toContain('执行率 84.87%');
    expect(json.totalExplanation).toContain('= 98.49 分');
  });

  it('finds the problems the seed report lists by hand', () => {
    const found = national.problems.map((p) => [
      p.code,
      p.figures['rate'] ?? p.figures['progress'],
      p.figures['schedule'],
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['PROJECTS_EXECUTION_RATE_LOW', '81.57', undefined],
        ['PROJECT_EXECUTION_RATE_LOW', '77.49', undefined],
        ['PAYMENT_PROGRESS_BEHIND', '4.60', '25.00'],
        ['PAYMENT_PROGRESS_BEHIND', '30.02', '50.00'],
        ['PAYMENT_PROGRESS_BEHIND', '45.08', '75.00'],
      ]),
    );
    const projects = national.problems.find((p) => p.code === 'PROJECTS_EXECUTION_RATE_LOW');
    expect(projects?.message).toBe(
      '项目支出预算执行率（年初预算口径）为81.57%（实际支出244.71万元 ÷ 年初预算300万元），低于90%，预算数与决算数存在较大差距。',
    );
    const hotline = national.problems.find((p) => p.figures['rate'] === '77.49');
    expect(hotline?.message).toContain('“12345”市民服务热线工作经费预算执行率为77.49%');
    const q1 = national.problems.find((p) => p.figures['month'] === '3');
    expect(q1?.message).toBe('截至第一季度末，项目支出累计支付进度为4.6%，低于序时进度25%，落后20.4个百分点。');
  });

  it('finds the late supplementary appropriation and the money returned to treasury', () => {
    const late = national.problems.find((p) => p.code === 'SUPPLEMENTARY_TOO_LATE');
    expect(late?.figures).toMatchObject({ supplementary: '88.91', carriedForward: '88.91' });
    const returned = national.problems.find((p) => p.code === 'RETURNED_TO_TREASURY');
    expect(returned?.figures['returnedToTreasury']).toBe('55.29');
  });

  it('builds the 自评表 funds block: total / basic / project', () => {
    const rows = selfEvaluationToJson(national, dataset.unit).table.funds.rows;
    expect(
      rows.map((r) => [r.key, r.yearStartBudget, r.fullYearBudget, r.executed, r.rate, r.weight, r.score]),
    ).toEqual([
      ['total', '901.68', '990.59', '840.75', '84.87', '10.00', '8.49'],
      ['basic', '601.68', '601.68', '596.04', '99.06', null, null],
      ['project', '300.00', '388.91', '244.71', '62.92', null, null],
    ]);
  });
});

describe('the seed under the Hunan-style pack', () => {
  it('scores execution on the year-start budget (93.24 % → 9.32) and qualitative indicators at mid-band', () => {
    const hunan = findBuiltinPack('hunan');
    if (hunan === null) throw new Error('no hunan pack');
    const local = selfEvaluate(dataset, hunan);
    const json = selfEvaluationToJson(local, dataset.unit);
    expect(json.execution.rate).toBe('93.24');
    expect(json.execution.score).toBe('9.32');
    const qualitative = json.indicators.filter((i) => i.direction === '定性').map((i) => i.score);
    expect(qualitative).toEqual(['3.60', '3.60']);
    expect(json.total).toBe('98.52');
    // Checkpoints 45 % by June, 80 % by November: only the half-year lag remains.
    const lags = local.problems.filter((p) => p.code === 'PAYMENT_PROGRESS_BEHIND').map((p) => p.figures['schedule']);
    expect(lags).toEqual(['45.00']);
  });
});

describe('rule packs from files', () => {
  it('reads a pack file and reports a bad one with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-pack-'));
    const good = join(dir, 'strict.yaml');
    await writeFile(
      good,
      [
        'name: strict',
        'title: 严格示例',
        'jurisdiction: 示例市',
        'year: 2020',
        'source: 示例文件',
        'weights: { execution: 20, 产出: 40, 效益: 30, 满意度: 10 }',
        'qualitative: { bands: { 达成: [80, 100], 部分达成: [60, 80], 未达成: [0, 60] } }',
        'grades: [{ grade: 优, min: 90 }, { grade: 良, min: 80 }, { grade: 中, min: 60 }, { grade: 差, min: 0 }]',
      ].join('\n'),
    );
    const read = await resolveRulePack(good, 'national', SEED_EXAMPLE_PATH);
    expect(read.ok && read.pack.name).toBe('strict');
    if (!read.ok) return;
    const strict = selfEvaluate(dataset, read.pack);
    expect(formatPoints(strict.score.execution.score)).toBe('16.97');
    expect(strict.score.findings.map((f) => f.code)).toContain('LEVEL_WEIGHTS_MISMATCH');

    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'name: bad\ntitle: 坏\njurisdiction: x\nyear: 2020\nsource: x\nweights: { execution: abc }\n');
    const failed = await readRulePackFile(bad);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.errors[0]?.code).toBe('RULE_PACK_INVALID');
    expect(failed.errors.some((e) => e.location?.line === 6)).toBe(true);
  });

  it('refuses an unknown pack name in Chinese', async () => {
    const read = await resolveRulePack('nope', undefined, SEED_EXAMPLE_PATH);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]?.message).toContain('未知的评分规则包：nope');
  });
});
