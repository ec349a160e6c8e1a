import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema, fieldRows } from './dataset-schema.js';

describe('committed schema and docs', () => {
  it('schema/dataset.schema.json is what the zod schema generates (run npm run schema)', async () => {
    const committed: unknown = JSON.parse(await readFile('schema/dataset.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
  });

  it('docs/dataset.md documents every field (run npm run schema)', async () => {
    const doc = await readFile('docs/dataset.md', 'utf8');
    for (const row of fieldRows(datasetJsonSchema())) expect(doc).toContain(row);
  });
});
