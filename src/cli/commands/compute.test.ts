import { describe, expect, it } from 'vitest';
import { jixiao, SEED, seedCopy } from '../testing/run-cli.js';

type Points = { paymentProgress: { points: { month: number; schedule: string }[] } };

const scheduleAt = (stdout: string, month: number): string | undefined =>
  (JSON.parse(stdout) as Points).paymentProgress.points.find((p) => p.month === month)?.schedule;

describe('jixiao compute uses the pack’s payment schedule (序时进度) like score', () => {
  it('a dataset with rulePack: hunan gives 45 % at month 6 in compute and in score', async () => {
    const file = await seedCopy((seed) => {
      seed['rulePack'] = 'hunan';
    });
    const compute = await jixiao('compute', file, '--json');
    expect(compute.code).toBe(0);
    expect(scheduleAt(compute.stdout, 6)).toBe('45.00');
    expect((await jixiao('compute', file)).stdout).toMatch(/6 月末\s+30\.02%\s+45\.00%/);
    expect((await jixiao('score', file)).stdout).toContain('项目支出累计支付进度为30.02%，低于序时进度45%');
  });

  it('--pack overrides the dataset; the seed defaults to national (50 % at month 6)', async () => {
    expect(scheduleAt((await jixiao('compute', SEED, '--json')).stdout, 6)).toBe('50.00');
    expect(scheduleAt((await jixiao('compute', SEED, '--json', '--pack', 'hunan')).stdout, 6)).toBe('45.00');
    const bad = await jixiao('compute', SEED, '--pack', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的评分规则包');
  });
});
