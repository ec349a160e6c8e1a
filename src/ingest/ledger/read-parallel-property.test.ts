import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBudgets } from './read-budgets.js';
import { readLedger, type LedgerReadOptions, type LedgerReject } from './read-ledger.js';
import { WITH_TAIL } from './testing/with-tail.js';
import { hashVoucher, VoucherSet } from './voucher-set.js';
import { writeSyntheticBudgets, writeSyntheticLedger } from './generate-ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-property-'));
const budgetFile = join(dir, 'budgets.csv');
writeSyntheticBudgets(budgetFile, { rows: 0, departments: 20, projectsPerDepartment: 3 });
const ROWS = 2000;
const basePath = join(dir, 'base.csv');
writeSyntheticLedger(basePath, { rows: ROWS, departments: 20, projectsPerDepartment: 3, seed: 5 });
const baseLines = readFileSync(basePath, 'utf8').trimEnd().split('\n');

/** One change to a line of the ledger (index 1 … ROWS; 0 is the header). */
type Edit = { kind: 'repeat' | 'amount' | 'date'; at: number; from: number };

function apply(edits: Edit[]): string[] {
  const lines = [...baseLines];
  for (const { kind, at, from } of edits) {
    const fields = lines[at]!.split(',');
    // A voucher of another line (often one in the other half), with this line's own amount.
    if (kind === 'repeat') fields[0] = lines[from]!.split(',')[0]!;
    if (kind === 'amount') fields[5] = '12.345';
    if (kind === 'date') fields[1] = '2020-02-30';
    lines[at] = fields.join(',');
  }
  return lines;
}

async function readWith(path: string, threads: number, vouchers: VoucherSet, options: Partial<LedgerReadOptions> = {}) {
  const read = await readBudgets(budgetFile);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const rejects: LedgerReject[] = [];
  const result = await readLedger(path, {
    budgets: read.budgets,
    vouchers,
    threads,
    parallelMinBytes: 0,
    chunkBytes: 1 << 14,
    ...options,
    onReject: (r) => rejects.push(r),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issue));
  const { aggregates, ...counts } = result.summary;
  // The hashes to store, in any order (the slots they sit in depend on the set's capacity).
  const stored = [...vouchers.chunks()].flatMap((chunk) => Buffer.from(chunk).toString('hex').match(/.{16}/g)!).sort();
  // workerParts: 1 when the worker's part was merged (2 with a tail), 0 when the main thread read them again; the
  // same either way.
  return {
    counts: { ...counts, workerParts: 0, workerEndTaken: false },
    cells: [...aggregates.cells()],
    days: [...aggregates.days()],
    rejects,
    stored,
  };
}

// Two threads per case: 6 s on a 2-core machine at load 10.
describe('readLedger on two threads, against one thread', { timeout: 90_000 }, () => {
  it('gives the same result for ledgers with vouchers repeated within and across the halves and bad lines', async () => {
    const line = fc.integer({ min: 1, max: ROWS });
    const edit = fc.record({ kind: fc.constantFrom('repeat', 'repeat', 'amount', 'date'), at: line, from: line });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 12 }), fc.boolean(), async (edits, earlier) => {
        const path = join(dir, `case-${run++}.csv`);
        writeFileSync(path, `${apply(edits).join('\n')}\n`);
        // Sometimes a part of the vouchers was counted by an earlier import.
        const stored = () => {
          const set = new VoucherSet();
          if (earlier) for (const id of ['V2020000000010', 'V2020000001990']) set.addChunk(hashChunk(id));
          return set;
        };
        const one = await readWith(path, 1, stored());
        const two = await readWith(path, 2, stored());
        expect(two).toEqual(one);
        // The worker also taking the end of the main thread's part; the main thread taking the end of the worker's.
        expect(await readWith(path, 2, stored(), WITH_TAIL)).toEqual(one);
        expect(await readWith(path, 2, stored(), { mainShare: 0.05, minTailBytes: 1 })).toEqual(one);
      }),
      { numRuns: 5 },
    );
  }, 90_000);
});

/** A stored chunk of one voucher id's hash (as VoucherSet.chunks writes it). */
function hashChunk(id: string): Uint8Array {
  const set = new VoucherSet();
  const hash = new Uint32Array(2);
  const bytes = Buffer.from(id);
  hashVoucher(bytes, 0, bytes.length, hash);
  set.add(hash[0]!, hash[1]!);
  return [...set.chunks()][0]!;
}
