import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../domain/checks/run-checks.js';
import type { Finding } from '../domain/findings/finding.js';
import { readDatasetFile } from './read-dataset.js';
import { SEED_EXAMPLE_PATH } from './seed-example.js';

let findings: Finding[];

beforeAll(async () => {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  findings = runChecks(read.dataset);
});

const at = (path: string) => findings.find((f) => f.path.join('.') === path);

describe('checks on the seed', () => {
  it('finds the basic detail lines 596.06 against the stated 596.04 (a rounding difference)', () => {
    expect(at('declared.basicLinesTotal')).toMatchObject({
      severity: 'info',
      code: 'TOTAL_MISMATCH',
      figures: { declared: '596.04万元', computed: '596.06万元', difference: '0.02万元' },
    });
  });

  it('finds the personnel lines 549.69 against the stated 549.67', () => {
    expect(at('declared.personnel')).toMatchObject({
      code: 'TOTAL_MISMATCH',
      figures: { declared: '549.67万元', computed: '549.69万元', difference: '0.02万元' },
    });
  });

  it('finds basic 596.04 + project 244.71 = 840.75 against the stated 840.74', () => {
    const finding = at('declared.expenditureTotal');
    expect(finding).toMatchObject({
      code: 'TOTAL_MISMATCH',
      figures: { declared: '840.74万元', computed: '840.75万元' },
    });
    expect(finding?.message).toContain('840.74万元');
    expect(finding?.message).toContain('840.75万元');
    expect(finding?.message).toContain('相差 0.01万元');
  });

  it('has no errors: every other stated share, rate and total agrees', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.code === 'RATE_MISMATCH')).toEqual([]);
  });
});
