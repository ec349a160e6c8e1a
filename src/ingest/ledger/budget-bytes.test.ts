import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBudgets } from './read-budgets.js';

const EXAMPLE = new URL('../../../examples/ledger/budgets-2020.csv', import.meta.url).pathname;

describe('budgets read from bytes', () => {
  it('gives the same lines as the reading through strings (which a BOM forces)', () => {
    const bytes = readFileSync(EXAMPLE);
    const text = bytes.toString('utf8');
    const extra = `${text.trimEnd()}\r\n430111010,,30999,"1,000.00",-5.5,,\n\n`;
    for (const file of [text, extra]) {
      const fast = parseBudgets(Buffer.from(file));
      const slow = parseBudgets(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file)]));
      expect(fast.ok).toBe(true);
      expect(fast.ok && fast.budgets.lines).toEqual(slow.ok && slow.budgets.lines);
    }
  });

  it('still lists every problem of a file that is not clean', () => {
    const text = readFileSync(EXAMPLE, 'utf8').trimEnd();
    const result = parseBudgets(Buffer.from(`${text}\n430111010,,30998,1.234,0,,\n430111010,,30997,1.00,0,x,y,z\n`));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['BUDGET_BAD_AMOUNT', 'BUDGET_COLUMN_COUNT']);
  });

  it('refuses a repeated line found on the bytes, reported with its line by the reading through strings', () => {
    const text = readFileSync(EXAMPLE, 'utf8').trimEnd();
    const first = text.split('\n')[1]!;
    const result = parseBudgets(Buffer.from(`${text}\n${first}\n`));
    const line = text.split('\n').length + 1;
    expect(!result.ok && result.issues.map((i) => [i.line, i.code])).toEqual([[line, 'BUDGET_DUPLICATE_LINE']]);
  });

  it('gives ids in order of first appearance, each department with its basic pair first', () => {
    const file = '部门编码,项目编码,经济分类编码,年初预算,调整数\n2,P1,302,1.00,\n1,,301,2.5,-0.5\n2,,301,3,0\n';
    const result = parseBudgets(Buffer.from(file));
    expect(result.ok && result.budgets.departmentCodes).toEqual(['2', '1']);
    expect(result.ok && result.budgets.economicCodes).toEqual(['302', '301']);
    expect(result.ok && result.budgets.pairs.map((p) => `${p.departmentId}:${p.projectCode}`)).toEqual([
      '0:',
      '0:P1',
      '1:',
    ]);
    expect(result.ok && result.budgets.lines.map((l) => [l.yearStartBudget, l.adjustments])).toEqual([
      [100n, 0n],
      [250n, -50n],
      [300n, 0n],
    ]);
  });
});
