import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDataset } from '../domain/dataset/parse.js';
import { fen } from '../domain/money/index.js';
import { readDatasetFile } from './read-dataset.js';
import { datasetToDocument, datasetToJsonText, datasetToYamlText, exactAmountText } from './dataset-json.js';

describe('exactAmountText', () => {
  it.each([
    [596_040_000n, '万元', '596.04'],
    [500_000n, '万元', '0.5'],
    [300_000_000n, '万元', '300'],
    [1n, '万元', '0.000001'],
    [-12_345n, '元', '-123.45'],
    [100n, '元', '1'],
  ] as const)('writes %i fen in %s as %s', (value, unit, text) => {
    expect(exactAmountText(fen(value), unit)).toBe(text);
  });
});

describe('datasetToDocument', () => {
  it('gives back the same dataset when parsed again (seed example, JSON and YAML)', async () => {
    const read = await readDatasetFile('examples/yuhua-2020.yaml');
    if (!read.ok) throw new Error('seed unreadable');
    const again = parseDataset(datasetToDocument(read.dataset));
    expect(again).toEqual({ ok: true, dataset: read.dataset });
    expect(parseDataset(JSON.parse(datasetToJsonText(read.dataset)))).toEqual({ ok: true, dataset: read.dataset });
    expect(parseDataset(parse(datasetToYamlText(read.dataset)))).toEqual({ ok: true, dataset: read.dataset });
  });

  it('writes amounts as strings', async () => {
    const read = await readDatasetFile('examples/yuhua-2020.yaml');
    if (!read.ok) throw new Error('seed unreadable');
    const doc = datasetToDocument(read.dataset) as { basicExpenditure: { yearStartBudget: unknown } };
    expect(doc.basicExpenditure.yearStartBudget).toBe('601.68');
  });
});
