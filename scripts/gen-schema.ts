// Writes schema/dataset.schema.json and the field table of docs/dataset.md from the zod schema (the one definition).
import { readFile, writeFile } from 'node:fs/promises';
import { datasetJsonSchema, fieldRows } from './dataset-schema.js';

const BEGIN = '<!-- fields:begin -->';
const END = '<!-- fields:end -->';

const schema = datasetJsonSchema();
await writeFile('schema/dataset.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
const doc = await readFile('docs/dataset.md', 'utf8');
const table = [
  '| 字段 field | 类型 type | 必填 required | 说明 description |',
  '| --- | --- | --- | --- |',
  ...fieldRows(schema),
].join('\n');
const start = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (start < 0 || end < 0) throw new Error('docs/dataset.md lacks the fields markers');
await writeFile('docs/dataset.md', `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
process.stdout.write('wrote schema/dataset.schema.json and docs/dataset.md\n');
