import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiaoSpawned as jixiao, REPO_ROOT, SEED } from './testing/run-cli.js';

// The real binary (bin/jixiao.js in a child process), end to end; the other CLI tests run the program in-process.

describe('jixiao compute', () => {
  it('prints the seed figures as JSON with amounts as 2-decimal strings', async () => {
    const { code, stdout } = await jixiao('compute', SEED, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { amounts: Record<string, string>; percents: Record<string, string> };
    expect(json.amounts['incomeTotal']).toBe('929.65');
    expect(json.percents['projectExecutionRate']).toBe('81.57');
  });

  it('prints a Chinese table by default', async () => {
    const { stdout } = await jixiao('compute', SEED);
    expect(stdout).toMatch(/项目预算执行率（年初预算口径）\s+81\.57%/);
  });
});

describe('jixiao check', () => {
  it('lists the seed findings with file:line and exits 0 when there is no error', async () => {
    const { code, stdout } = await jixiao('check', SEED);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\[提示\] TOTAL_MISMATCH {2}examples\/yuhua-2020\.yaml:\d+:\d+ {2}\$\.declared\.basicLinesTotal/,
    );
    expect(stdout).toContain('错误 0');
  });

  it('exits 1 when the dataset has an error finding', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const file = join(dir, 'd.json');
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const seed = parse(await readFile(join(REPO_ROOT, SEED), 'utf8')) as { declared: Record<string, string> };
    seed.declared['incomeTotal'] = '930.65';
    await writeFile(file, JSON.stringify(seed));
    const { code, stdout } = await jixiao('check', file, '--json');
    expect(code).toBe(1);
    expect(stdout).toContain('"code": "TOTAL_MISMATCH"');
  });

  it('exits 2 with located Chinese errors and no stack trace for invalid input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'fiscalYear: 2020\nunit: 美元\n');
    const { code, stderr } = await jixiao('check', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:2:7  $.unit`);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
