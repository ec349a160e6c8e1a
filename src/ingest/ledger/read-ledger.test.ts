import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBudgets, type BudgetIndex } from './read-budgets.js';
import { readLedger, type LedgerReject, type LedgerReadSummary } from './read-ledger.js';
import { VoucherSet } from './voucher-set.js';
import { writeSyntheticBudgets, writeSyntheticLedger } from './generate-ledger.js';

const EXAMPLES = new URL('../../../examples/ledger/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-'));

async function budgets(path = join(EXAMPLES, 'budgets-2020.csv')): Promise<BudgetIndex> {
  const read = await readBudgets(path);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.budgets;
}

async function read(path: string, index: BudgetIndex, vouchers = new VoucherSet(), chunkBytes?: number) {
  const rejects: LedgerReject[] = [];
  const result = await readLedger(path, {
    budgets: index,
    vouchers,
    onReject: (r) => rejects.push(r),
    ...(chunkBytes === undefined ? {} : { chunkBytes }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issue));
  return { summary: result.summary, rejects };
}

const byDepartment = (summary: LedgerReadSummary) => {
  const sums = new Map<string, bigint>();
  for (const cell of summary.aggregates.cells()) {
    sums.set(cell.departmentCode, (sums.get(cell.departmentCode) ?? 0n) + cell.amount);
  }
  return Object.fromEntries(sums);
};

describe('readLedger', () => {
  it('reads the example: 12 lines, 1,017,605.50 元, split by department and month', async () => {
    const { summary, rejects } = await read(join(EXAMPLES, 'ledger-2020.csv'), await budgets());
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ encoding: 'UTF-8', year: 2020, linesRead: 12, accepted: 12, rejected: 0 });
    expect(summary.acceptedTotal).toBe(101_760_550n);
    expect(byDepartment(summary)).toEqual({ '430111009': 82_593_883n, '430111010': 19_166_667n });
    const march = [...summary.aggregates.cells()].filter((c) => c.month === 3 && c.departmentCode === '430111009');
    expect(march.map((c) => [c.projectCode, c.economicCode, c.amount])).toEqual(
      expect.arrayContaining([
        ['', '30101', 5_820_000n],
        ['430111009002', '30201', 1_250_050n],
        ['', '30201', 873_000n],
      ]),
    );
  });

  it('reads the same ledger saved as GBK to the same totals', async () => {
    const { summary } = await read(join(EXAMPLES, 'ledger-2020-gbk.csv'), await budgets());
    expect(summary.encoding).toBe('GB18030');
    expect(summary.accepted).toBe(12);
    expect(summary.acceptedTotal).toBe(101_760_550n);
  });

  it('rejects every kind of bad line with its line number and code, and reconciles', async () => {
    const file = join(dir, 'bad.csv');
    const good = readFileSync(join(EXAMPLES, 'ledger-2020.csv'), 'utf8').trimEnd().split('\n');
    const bad = [
      'X1,2020-04-01,430111009,,30101,100.00',
      'X2,2020-04-01,430111009,,30101,100.00,a,b',
      'X 3,2020-04-01,430111009,,30101,100.00,a',
      'X4,2020-02-30,430111009,,30101,100.00,a',
      'X5,2021-01-01,430111009,,30101,100.00,a',
      'X6,2020-04-01,430111009,,30101,100.001,a',
      'X7,2020-04-01,430111009,,30101,1e3,a',
      'X8,2020-04-01,999999999,,30101,100.00,a',
      'X9,2020-04-01,430111009,430111010001,30227,100.00,a',
      'X10,2020-04-01,430111009,,39999,100.00,a',
      'GK2020000001,2020-04-01,430111009,,30101,100.00,a',
      'X11,2020-04-01,430111009,,30101,"100.00,a',
      'X12,2020-04-01,430111009,,30101,-0.5,冲销',
    ];
    writeFileSync(file, `${[...good, ...bad].join('\r\n')}\r\n`);
    const { summary, rejects } = await read(file, await budgets());
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [14, 'LEDGER_COLUMN_COUNT'],
      [15, 'LEDGER_COLUMN_COUNT'],
      [16, 'LEDGER_BAD_VOUCHER'],
      [17, 'LEDGER_BAD_DATE'],
      [18, 'LEDGER_DATE_OUT_OF_YEAR'],
      [19, 'LEDGER_BAD_AMOUNT'],
      [20, 'LEDGER_BAD_AMOUNT'],
      [21, 'LEDGER_UNKNOWN_DEPARTMENT'],
      [22, 'LEDGER_UNKNOWN_PROJECT'],
      [23, 'LEDGER_UNKNOWN_ECONOMIC_CODE'],
      [24, 'LEDGER_DUPLICATE_VOUCHER'],
      [25, 'LEDGER_COLUMN_COUNT'],
    ]);
    expect(rejects[0]!.text).toBe(bad[0]);
    expect(rejects[0]!.message).toContain('列数不是 7');
    expect(summary.linesRead).toBe(25);
    expect(summary.accepted + summary.rejected).toBe(summary.linesRead);
    expect(summary.accepted).toBe(13);
    expect(summary.acceptedTotal).toBe(101_760_550n - 50n);
  });

  it('counts a voucher once across imports: a later file repeating vouchers adds only the new ones', async () => {
    const index = await budgets();
    const vouchers = new VoucherSet();
    await read(join(EXAMPLES, 'ledger-2020.csv'), index, vouchers);
    const again = await read(join(EXAMPLES, 'ledger-2020.csv'), index, vouchers);
    expect(again.summary).toMatchObject({
      accepted: 0,
      rejected: 12,
      rejectedByCode: { LEDGER_DUPLICATE_VOUCHER: 12 },
    });
    const later = join(dir, 'later.csv');
    const lines = readFileSync(join(EXAMPLES, 'ledger-2020.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(later, [...lines, 'GK2020000013,2020-04-10,430111010,,30101,41666.67,职工工资专户'].join('\n'));
    const third = await read(later, index, vouchers);
    expect(third.summary).toMatchObject({ accepted: 1, rejected: 12 });
    expect(third.summary.acceptedTotal).toBe(4_166_667n);
  });

  it('refuses a file without the header, naming line 1', async () => {
    const file = join(dir, 'noheader.csv');
    writeFileSync(file, 'GK1,2020-01-01,430111009,,30101,1.00,a\n');
    const result = await readLedger(file, { budgets: await budgets(), vouchers: new VoucherSet() });
    expect(result).toMatchObject({ ok: false, issue: { line: 1, code: 'LEDGER_HEADER' } });
  });

  it('aggregates a synthetic ledger exactly as a straightforward string-keyed computation does', async () => {
    const ledger = join(dir, 'synthetic.csv');
    const budgetFile = join(dir, 'synthetic-budgets.csv');
    writeSyntheticBudgets(budgetFile, { rows: 0, departments: 20, projectsPerDepartment: 3 });
    const generated = writeSyntheticLedger(ledger, {
      rows: 20_000,
      departments: 20,
      projectsPerDepartment: 3,
      seed: 7,
    });
    // Small chunks: lines cut across chunk boundaries many times.
    const { summary } = await read(ledger, await budgets(budgetFile), new VoucherSet(16), 4096);
    const reference = new Map<string, bigint>();
    for (const line of readFileSync(ledger, 'utf8').trimEnd().split('\n').slice(1)) {
      const [, date, department, project, economic, amount] = line.split(',');
      const key = `${department}|${project}|${economic}|${Number(date!.slice(5, 7))}`;
      reference.set(key, (reference.get(key) ?? 0n) + BigInt(amount!.replace('.', '')));
    }
    const ours = new Map<string, bigint>();
    for (const c of summary.aggregates.cells()) {
      ours.set(`${c.departmentCode}|${c.projectCode}|${c.economicCode}|${c.month}`, c.amount);
    }
    expect(ours).toEqual(reference);
    expect(summary.accepted).toBe(20_000);
    expect(summary.acceptedTotal).toBe(generated.totalFen);
  });
  it('rejects repeated vouchers among other bad lines in line order, counting each first occurrence (batched inserts)', async () => {
    const ledger = join(dir, 'repeats.csv');
    const budgetFile = join(dir, 'repeats-budgets.csv');
    writeSyntheticBudgets(budgetFile, { rows: 0, departments: 20, projectsPerDepartment: 3 });
    writeSyntheticLedger(ledger, { rows: 3000, departments: 20, projectsPerDepartment: 3, seed: 3 });
    const lines = readFileSync(ledger, 'utf8').trimEnd().split('\n');
    const fieldsOf = (i: number) => lines[i]!.split(',');
    for (let i = 1; i < lines.length; i++) {
      const fields = fieldsOf(i);
      // Repeats within one batch of inserts (3 lines back) and across batches (400 back), and bad amounts.
      if (i % 7 === 0) fields[0] = fieldsOf(i - 3)[0]!;
      if (i % 50 === 0 && i > 400) fields[0] = fieldsOf(i - 400)[0]!;
      if (i % 11 === 0) fields[5] = '1.234';
      lines[i] = fields.join(',');
    }
    writeFileSync(ledger, `${lines.join('\n')}\n`);
    const seen = new Set<string>();
    const expected: [number, string][] = [];
    let total = 0n;
    for (let i = 1; i < lines.length; i++) {
      const [voucher, , , , , amount] = fieldsOf(i);
      if (amount === '1.234') expected.push([i + 1, 'LEDGER_BAD_AMOUNT']);
      else if (seen.has(voucher!)) expected.push([i + 1, 'LEDGER_DUPLICATE_VOUCHER']);
      else {
        seen.add(voucher!);
        total += BigInt(amount!.replace('.', ''));
      }
    }
    const { summary, rejects } = await read(ledger, await budgets(budgetFile), new VoucherSet(16), 1 << 14);
    expect(rejects.map((r) => [r.line, r.code])).toEqual(expected);
    expect(rejects.find((r) => r.code === 'LEDGER_DUPLICATE_VOUCHER')!.text).toBe(lines[7]);
    expect(expected.filter(([, code]) => code === 'LEDGER_DUPLICATE_VOUCHER').length).toBeGreaterThan(350);
    expect(summary.accepted).toBe(seen.size);
    expect(summary.acceptedTotal).toBe(total);
  });
});
