import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRulePackFile } from './read-rule-pack.js';

const HEAD = [
  'name: over',
  'title: 分值超出',
  'jurisdiction: 示例市',
  'year: 2020',
  'source: 示例文件',
  'weights: { execution: 20, 产出: 50, 效益: 30, 满意度: 10 }',
  'qualitative: { bands: { 达成: [80, 100], 部分达成: [60, 80], 未达成: [0, 60] } }',
  'grades: [{ grade: 优, min: 90 }, { grade: 良, min: 80 }, { grade: 中, min: 60 }, { grade: 差, min: 0 }]',
];

describe('reading a rule pack file', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-pack-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses weights of 110 against the default total of 100, located at the weights line', async () => {
    const file = join(dir, 'over.yaml');
    await writeFile(file, HEAD.join('\n'));
    const read = await readRulePackFile(file);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]?.code).toBe('RULE_PACK_WEIGHTS_TOTAL');
    expect(read.errors[0]?.message).toContain('评分分值合计 110.00 分');
    expect(read.errors[0]?.location).toMatchObject({ file, line: 6 });
  });

  it('reads the same weights when the pack declares a total of 110', async () => {
    const file = join(dir, 'declared.yaml');
    await writeFile(file, [...HEAD, 'total: 110'].join('\n'));
    const read = await readRulePackFile(file);
    expect(read.ok && read.pack.total).toBe(11_000n);
  });
});
