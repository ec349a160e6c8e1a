import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBudgets, type BudgetIndex } from './read-budgets.js';
import { readLedger, startLedgerWorker, type LedgerReadOptions, type LedgerReject } from './read-ledger.js';
import { VoucherSet } from './voucher-set.js';
import { WITH_TAIL } from './testing/with-tail.js';
import { writeSyntheticBudgets, writeSyntheticLedger } from './generate-ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-parallel-'));
const budgetFile = join(dir, 'budgets.csv');
writeSyntheticBudgets(budgetFile, { rows: 0, departments: 20, projectsPerDepartment: 3 });

async function budgets(): Promise<BudgetIndex> {
  const read = await readBudgets(budgetFile);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.budgets;
}

/** Reads with one thread and with two (the file split in the middle), returning both for comparison. */
async function both(
  path: string,
  vouchers: () => VoucherSet = () => new VoucherSet(),
  ahead = false,
  options: Partial<LedgerReadOptions> = {},
) {
  const index = await budgets();
  const run = async (threads: number) => {
    const rejects: LedgerReject[] = [];
    const result = await readLedger(path, {
      budgets: index,
      vouchers: vouchers(),
      threads,
      parallelMinBytes: 0,
      // A worker started ahead: used with two threads, ended unused with one.
      ...(ahead ? { worker: startLedgerWorker() } : {}),
      ...(threads === 2 ? options : {}),
      onReject: (r) => rejects.push(r),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issue));
    const { aggregates, workerParts, workerEndTaken, ...counts } = result.summary;
    const cells = [...aggregates.cells()];
    return { counts, cells, days: [...aggregates.days()], rejects, workerParts, workerEndTaken };
  };
  const [one, two] = [await run(1), await run(2)];
  // The comparison below must be with the worker's part really merged, not with a fallback to one thread.
  const paths = { workerParts: undefined, workerEndTaken: undefined };
  return { one: { ...one, ...paths }, two: { ...two, ...paths }, merged: two.workerParts, end: two.workerEndTaken };
}

function ledgerWith(name: string, edit: (lines: string[]) => void): string {
  const path = join(dir, name);
  writeSyntheticLedger(path, { rows: 4000, departments: 20, projectsPerDepartment: 3, seed: 11 });
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  edit(lines);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// Two threads each: 8 s on a 2-core machine at load 10.
describe('readLedger on two threads', { timeout: 90_000 }, () => {
  it('gives the same sums, counts and rejects, in line order, as one thread', async () => {
    const path = ledgerWith('bad.csv', (lines) => {
      lines[10] = 'X1,2020-04-01,430100001,,30101,1.234,a';
      lines[2500] = 'X2,2020-02-30,430100001,,30101,1.00,a';
      lines[3000] = lines[3001]!; // a voucher twice within the second half
      lines[3500] = 'X3,2020-04-01,999,,30101,1.00,"长沙,某公司"';
    });
    const { one, two, merged } = await both(path);
    expect(merged).toBe(1);
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([
      [11, 'LEDGER_BAD_AMOUNT'],
      [2501, 'LEDGER_BAD_DATE'],
      [3002, 'LEDGER_DUPLICATE_VOUCHER'],
      [3501, 'LEDGER_UNKNOWN_DEPARTMENT'],
    ]);
    expect(two.rejects[3]!.text).toContain('长沙,某公司');
  });

  it('gives the worker the end of the main thread’s part once its own is done: the same result', async () => {
    const path = ledgerWith('tail.csv', (lines) => {
      lines[10] = 'X1,2020-04-01,430100001,,30101,1.234,a';
      lines[3000] = 'X2,2020-02-30,430100001,,30101,1.00,a'; // in the tail, most likely
      lines[3200] = lines[20]!; // a voucher of the main thread's part again in the tail
      lines[3300] = lines[3250]!; // twice within the tail
      lines[3900] = 'X3,2020-04-01,999,,30101,1.00,a'; // in the worker's own part
    });
    const { one, two, merged } = await both(path, undefined, false, WITH_TAIL);
    expect(merged).toBe(2);
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([
      [11, 'LEDGER_BAD_AMOUNT'],
      [3001, 'LEDGER_BAD_DATE'],
      [3201, 'LEDGER_DUPLICATE_VOUCHER'],
      [3301, 'LEDGER_DUPLICATE_VOUCHER'],
      [3901, 'LEDGER_UNKNOWN_DEPARTMENT'],
    ]);
  });

  it('reads the tail and the worker’s part again when the tail meets a voucher the worker counted', async () => {
    const path = ledgerWith('tail-conflict.csv', (lines) => {
      const fields = lines[3950]!.split(',');
      fields[5] = '1.00';
      lines[3100] = fields.join(','); // first in the tail, then in the worker's part: that one is the duplicate
    });
    const { one, two, merged } = await both(path, undefined, false, WITH_TAIL);
    expect(merged).toBe(0);
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([[3951, 'LEDGER_DUPLICATE_VOUCHER']]);
  });

  it('lets the main thread, its part done, take the end of the worker’s part: the same result', async () => {
    const path = ledgerWith('end.csv', (lines) => {
      lines[10] = 'X1,2020-04-01,430100001,,30101,1.234,a';
      lines[3300] = lines[2000]!; // a voucher of the worker's part again, most likely in the end the main thread takes
      lines[3700] = lines[3600]!; // twice within that end
      lines[3900] = 'X3,2020-04-01,999,,30101,1.00,a';
    });
    // The main thread's part is small: it is done long before the worker (a thread to start) ends its first chunk.
    const { one, two, merged, end } = await both(path, undefined, false, { mainShare: 0.05, minTailBytes: 1 });
    expect([merged, end]).toEqual([1, true]);
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([
      [11, 'LEDGER_BAD_AMOUNT'],
      [3301, 'LEDGER_DUPLICATE_VOUCHER'],
      [3701, 'LEDGER_DUPLICATE_VOUCHER'],
      [3901, 'LEDGER_UNKNOWN_DEPARTMENT'],
    ]);
  });

  it('reads everything after the main thread’s part again when the worker meets a voucher of the end it handed over', async () => {
    const path = ledgerWith('end-conflict.csv', (lines) => {
      const fields = lines[3950]!.split(',');
      fields[5] = '1.00';
      lines[1000] = fields.join(','); // in the worker's part; read later by the worker than by the main thread, likely
    });
    const { one, two } = await both(path, undefined, false, { mainShare: 0.05, minTailBytes: 1 });
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([[3951, 'LEDGER_DUPLICATE_VOUCHER']]);
  });

  it('gives the same with a worker started ahead of the read', async () => {
    const path = ledgerWith('ahead.csv', (lines) => {
      lines[2500] = 'X2,2020-02-30,430100001,,30101,1.00,a';
    });
    const { one, two, merged } = await both(path, undefined, true);
    expect(merged).toBe(1);
    expect(two).toEqual(one);
  });
  it('keeps the first occurrence of a voucher repeated across the halves, and an earlier import', async () => {
    const path = ledgerWith('across.csv', (lines) => {
      const fields = lines[5]!.split(',');
      fields[5] = '1.00';
      lines[3900] = fields.join(',');
    });
    const { one, two } = await both(path);
    expect(two).toEqual(one);
    expect(one.rejects.map((r) => [r.line, r.code])).toEqual([[3901, 'LEDGER_DUPLICATE_VOUCHER']]);
    const earlier = new VoucherSet();
    await readLedger(path, { budgets: await budgets(), vouchers: earlier, threads: 1 });
    const again = await both(path, () => {
      const copy = new VoucherSet();
      for (const chunk of earlier.chunks()) copy.addChunk(chunk);
      return copy;
    });
    expect(again.two).toEqual(again.one);
    expect(again.two.counts.accepted).toBe(0);
  });

  it('refuses a sum past the exact range at the same line as one thread, even when the second half falls back', async () => {
    // 90 payments of 999,999,999,999.99 元 in one cell in the first half; in the second half +max then −max in that
    // cell: one reader passes 2^53 fen at the +max line and refuses there; the halves' final sums alone would fit.
    const path = ledgerWith('overflow.csv', (lines) => {
      const fields = lines[1]!.split(',');
      const payment = (voucher: string, amount: string) => [voucher, ...fields.slice(1, 5), amount, ...fields.slice(6)];
      for (let i = 0; i < 90; i++) lines[100 + i] = payment(`A${i}`, '999999999999.99').join(',');
      lines[3800] = payment('B1', '999999999999.99').join(',');
      lines[3801] = payment('B2', '-999999999999.99').join(',');
    });
    const index = await budgets();
    const read = (threads: number) =>
      readLedger(path, { budgets: index, vouchers: new VoucherSet(), threads, parallelMinBytes: 0 });
    const [one, two] = [await read(1), await read(2)];
    expect(one.ok).toBe(false);
    expect(two).toEqual(one);
  });

  it('names the first line not in the file’s encoding, the same with one thread or two, whatever the chunks', async () => {
    const path = join(dir, 'encoding.csv');
    writeSyntheticLedger(path, { rows: 4000, departments: 20, projectsPerDepartment: 3, seed: 11 });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const body = lines.map((line, i) =>
      // Line 3901 ends with 长沙 in GBK bytes: not UTF-8, which the first part settled.
      i === 3900 ? Buffer.concat([Buffer.from(`${line},`), Buffer.from([0xb3, 0xa4, 0xc9, 0xb3])]) : Buffer.from(line),
    );
    writeFileSync(path, Buffer.concat(body.flatMap((b) => [b, Buffer.from('\n')])));
    const index = await budgets();
    const read = (threads: number) =>
      readLedger(path, {
        budgets: index,
        vouchers: new VoucherSet(),
        threads,
        parallelMinBytes: 0,
        chunkBytes: 1 << 14,
      });
    const [one, two] = [await read(1), await read(2)];
    expect(one).toMatchObject({ ok: false, issue: { code: 'LEDGER_ENCODING', line: 3901 } });
    expect(two).toEqual(one);
  });
});
