import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { mofProjectForm } from '../../domain/forms/form-fixtures.js';
import { jixiao, SEED, tempDir } from '../testing/run-cli.js';

describe('jixiao score', () => {
  it('prints the seed score as JSON with total, grade, execution, indicators and problems', async () => {
    const { code, stdout } = await jixiao('score', SEED, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      total: string;
      grade: string;
      execution: { rate: string; score: string };
      indicators: { name: string; weight: string; score: string; explanation: string }[];
      problems: { code: string; message: string; figures: Record<string, string> }[];
    };
    expect([json.total, json.grade, json.execution.rate, json.execution.score]).toEqual([
      '98.49',
      '优',
      '84.87',
      '8.49',
    ]);
    expect(json.indicators[0]).toMatchObject({ name: '“12345”热线工单签收量', weight: '5.00', score: '5.00' });
    expect(json.problems.some((p) => p.figures['rate'] === '81.57')).toBe(true);
  });

  it('prints the 自评表 in Chinese and takes --pack', async () => {
    const { code, stdout } = await jixiao('score', SEED, '--pack', 'hunan');
    expect(code).toBe(0);
    expect(stdout).toContain('部门整体支出绩效自评表');
    expect(stdout).toContain('总分 98.52    等级 优');
  });

  it('exits with 2 and a Chinese message for an unknown pack or a missing file', async () => {
    const pack = await jixiao('score', SEED, '--pack', 'nope');
    expect(pack.code).toBe(2);
    expect(pack.stderr).toContain('未知的评分规则包');
    const missing = await jixiao('score', 'no-such-file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
  });
});

describe('jixiao score of a 项目自评表', () => {
  it('prints the form instead of the narrative 自评表, and adds forms to --json', async () => {
    const file = join(await tempDir(), 'form.yaml');
    await writeFile(
      file,
      stringify({
        kind: 'projectForm',
        fiscalYear: 2020,
        rulePack: 'national',
        department: { name: '某县水利局' },
        forms: [mofProjectForm()],
      }),
    );
    const text = await jixiao('score', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('（2020年度）项目支出绩效自评表');
    expect(text.stdout).not.toContain('2020年度部门整体支出绩效自评表');
    const json = await jixiao('score', file, '--json');
    const parsed = JSON.parse(json.stdout) as {
      scored: boolean;
      total: string | null;
      grade: string | null;
      forms: { total: string; grade: string }[];
    };
    expect(parsed.forms).toMatchObject([{ total: '99.64', grade: '优' }]);
    // No table of its own: the top level is empty, never the empty table's "0.00 差".
    expect([parsed.scored, parsed.total, parsed.grade]).toEqual([true, null, null]);
  });
});

describe('jixiao score of a 决算说明', () => {
  const FINAL_ACCOUNTS = 'examples/hunan-final-accounts-2021.yaml';

  it('says there is nothing to score instead of an invented 10.00 差, and exits 0', async () => {
    const { code, stdout } = await jixiao('score', FINAL_ACCOUNTS);
    expect(code).toBe(0);
    expect(stdout).toContain('本文档为部门决算说明，没有绩效自评表，无可评分的内容');
    expect(stdout).not.toMatch(/10\.00|总分 \d|等级 [优良中差]/);
  });

  it('gives a null score in --json', async () => {
    const { code, stdout } = await jixiao('score', FINAL_ACCOUNTS, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      kind: 'finalAccounts',
      scored: false,
      total: null,
      grade: null,
    });
  });
});
