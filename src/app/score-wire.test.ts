import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { overviewOfDataset } from './overview-evaluate.js';
import { datasetScoreToWire } from './score-wire.js';

async function readExample(example: string) {
  const read = await readDatasetFile(fileURLToPath(new URL(`../../examples/${example}`, import.meta.url)));
  if (!read.ok) throw new Error(`${example} does not parse`);
  return read.dataset;
}

async function wireScore(example: string) {
  const dataset = await readExample(example);
  const pack = packForDataset(dataset.rulePack);
  if (pack === null) throw new Error('unknown pack');
  return datasetScoreToWire(dataset, selfEvaluate(dataset, pack));
}

describe('the API score of a dataset', () => {
  it('has nothing to score in a 决算说明: null total and grade, the reason in Chinese', async () => {
    expect(await wireScore('hunan-final-accounts-2021.yaml')).toMatchObject({
      scored: false,
      message: '本文档为部门决算说明，没有绩效自评表，无可评分的内容（不计总分与等级）。',
      total: null,
      grade: null,
      items: [],
    });
  });

  it('scores the seed from its own 自评表', async () => {
    expect(await wireScore('yuhua-2020.yaml')).toMatchObject({ scored: true, total: '98.49', grade: '优' });
  });

  it('answers a 项目自评表 document with an empty top level and the form’s own score in forms', async () => {
    const answer = await wireScore('mof-project-form-2020.yaml');
    expect(answer).toMatchObject({ scored: true, kind: 'projectForm', total: null, subtotal: null, grade: null });
    expect(answer.forms.map((f) => [f.total, f.grade])).toEqual([['99.64', '优']]);
  });

  it('shows a one-form document’s own total in the overview (99.64 优, 95.49 优), never the empty table’s 0.00 差', async () => {
    const project = overviewOfDataset(await readExample('mof-project-form-2020.yaml'), 1);
    expect(project).toMatchObject({ ok: true, score: { total: '99.64', grade: '优' } });
    const department = overviewOfDataset(await readExample('hunan-department-form-2021.yaml'), 1);
    expect(department).toMatchObject({ ok: true, score: { total: '95.49', grade: '优' } });
  });

  it('leaves the overview row of a 决算说明 without a score or grade', async () => {
    const overview = overviewOfDataset(await readExample('hunan-final-accounts-2021.yaml'), 1);
    expect(overview).toMatchObject({ ok: true, score: { total: null, grade: null } });
  });
});
