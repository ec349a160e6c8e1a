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

  it('leaves the overview row of a 决算说明 without a score or grade', async () => {
    const overview = overviewOfDataset(await readExample('hunan-final-accounts-2021.yaml'), 1);
    expect(overview).toMatchObject({ ok: true, score: { total: null, grade: null } });
  });
});
