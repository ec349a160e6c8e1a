import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, seedCopy } from './testing/run-cli.js';

type Json = { counts?: Record<string, number>; findings: { code: string; severity: string }[] };

describe('check, score and report use the same findings', () => {
  it('an indicator weight error fails check and appears in score and in the report annex', async () => {
    const file = await seedCopy((seed) => {
      const indicators = seed['indicators'] as { weight: string }[];
      if (indicators[0] !== undefined) indicators[0].weight = '6';
    });
    const check = await jixiao('check', file, '--json');
    expect(check.code).toBe(1);
    const checked = JSON.parse(check.stdout) as Json;
    expect(checked.findings.map((f) => f.code)).toContain('LEVEL_WEIGHTS_MISMATCH');

    const score = JSON.parse((await jixiao('score', file, '--json')).stdout) as Json;
    expect(score.findings.map((f) => f.code)).toEqual(checked.findings.map((f) => f.code));

    const md = join(dirname(file), 'report.md');
    expect((await jixiao('report', file, '-f', 'md', '-o', md)).code).toBe(0);
    const report = await readFile(md, 'utf8');
    expect(report).toContain('附：数据核对提示');
    expect(report).toContain('产出指标分值合计 51.00 分');
  });
});
