import { sql } from 'kysely';
import type { BudgetLine, LedgerCell, LedgerDay } from '../domain/ledger/ledger-records.js';
import type { Fen } from '../domain/money/index.js';
import type { Store } from './connect.js';
import { appendAudit, type NewAuditEntry } from './audit-repo.js';
import { isUniqueViolation } from './executor.js';
import { fenToDb } from './fen-codec.js';
import { ledgerDb, type LedgerExecutor } from './ledger-tables.js';

/** What one import writes, all in one transaction (see `saveLedgerImport`). */
export type LedgerImportWrite = {
  year: number;
  /** The number of committed imports of the year when its voucher set was read. */
  expectedImports: number;
  run: {
    fileName: string;
    fileSha256: string;
    budgetsSha256: string;
    encoding: string;
    bytes: number;
    linesRead: number;
    accepted: number;
    rejected: number;
    rejectedByCode: Record<string, number>;
    acceptedTotal: Fen;
    actor: string;
    importedAt: string;
  };
  cells: Iterable<LedgerCell>;
  days: Iterable<LedgerDay>;
  budgets: readonly BudgetLine[];
  /** The year's whole voucher hash set after this import, in chunks. */
  voucherChunks: Iterable<Uint8Array>;
  /** The audit entry of the import, appended in the same transaction. */
  audit?: NewAuditEntry;
};

/** Another import of the same year committed after this one read the voucher set. */
export class ConcurrentLedgerImport extends Error {
  readonly code = 'LEDGER_CONCURRENT_IMPORT';
}

const BATCH = 500;

function* batches<T>(items: Iterable<T>, size = BATCH): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The committed import count of a year and its stored voucher hash chunks (read one at a time). */
export async function ledgerVoucherState(store: Store, year: number): Promise<{ imports: number; chunkCount: number }> {
  const db = ledgerDb(store);
  const row = await db.selectFrom('ledger_years').select('imports').where('fiscal_year', '=', year).executeTakeFirst();
  const count = await db
    .selectFrom('ledger_voucher_hashes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('fiscal_year', '=', year)
    .executeTakeFirstOrThrow();
  return { imports: row?.imports ?? 0, chunkCount: Number(count.n) };
}

export async function ledgerVoucherChunk(store: Store, year: number, chunkNo: number): Promise<Uint8Array> {
  const row = await ledgerDb(store)
    .selectFrom('ledger_voucher_hashes')
    .select('hashes')
    .where('fiscal_year', '=', year)
    .where('chunk_no', '=', chunkNo)
    .executeTakeFirstOrThrow();
  return row.hashes;
}

async function claimYear(tx: LedgerExecutor, year: number, expected: number): Promise<void> {
  const refused = () => new ConcurrentLedgerImport('同一年度的另一次流水导入已先提交，请重新导入');
  if (expected === 0) {
    try {
      await tx.insertInto('ledger_years').values({ fiscal_year: year, imports: 1 }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw refused();
      throw error;
    }
    return;
  }
  // A conditional update: atomic in both dialects, and in PostgreSQL it holds the row until the commit.
  const updated = await tx
    .updateTable('ledger_years')
    .set({ imports: expected + 1 })
    .where('fiscal_year', '=', year)
    .where('imports', '=', expected)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw refused();
}

async function addSums(tx: LedgerExecutor, write: LedgerImportWrite): Promise<void> {
  const year = write.year;
  for (const batch of batches(write.cells)) {
    await tx
      .insertInto('ledger_cells')
      .values(
        batch.map((c) => ({
          fiscal_year: year,
          department_code: c.departmentCode,
          project_code: c.projectCode,
          economic_code: c.economicCode,
          month: c.month,
          amount: fenToDb(c.amount),
          payments: c.payments,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['fiscal_year', 'department_code', 'project_code', 'economic_code', 'month']).doUpdateSet({
          amount: sql`ledger_cells.amount + excluded.amount`,
          payments: sql`ledger_cells.payments + excluded.payments`,
        }),
      )
      .execute();
  }
  for (const batch of batches(write.days)) {
    await tx
      .insertInto('ledger_days')
      .values(
        batch.map((d) => ({
          fiscal_year: year,
          department_code: d.departmentCode,
          day: d.day,
          amount: fenToDb(d.amount),
          payments: d.payments,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['fiscal_year', 'department_code', 'day']).doUpdateSet({
          amount: sql`ledger_days.amount + excluded.amount`,
          payments: sql`ledger_days.payments + excluded.payments`,
        }),
      )
      .execute();
  }
}

async function replaceBudgetsAndVouchers(tx: LedgerExecutor, write: LedgerImportWrite): Promise<void> {
  const year = write.year;
  await tx.deleteFrom('ledger_budgets').where('fiscal_year', '=', year).execute();
  for (const batch of batches(write.budgets)) {
    await tx
      .insertInto('ledger_budgets')
      .values(
        batch.map((b) => ({
          fiscal_year: year,
          department_code: b.departmentCode,
          project_code: b.projectCode,
          economic_code: b.economicCode,
          year_start_budget: fenToDb(b.yearStartBudget),
          adjustments: fenToDb(b.adjustments),
          project_name: b.projectName,
          department_name: b.departmentName,
        })),
      )
      .execute();
  }
  await tx.deleteFrom('ledger_voucher_hashes').where('fiscal_year', '=', year).execute();
  let chunkNo = 0;
  for (const chunk of write.voucherChunks) {
    await tx
      .insertInto('ledger_voucher_hashes')
      .values({ fiscal_year: year, chunk_no: chunkNo++, hashes: Buffer.from(chunk) })
      .execute();
  }
}

/**
 * Writes one import in one transaction: the run with its reconciliation, the sums added onto the stored ones, the
 * budgets and the voucher set replaced. Killed before the commit, it leaves nothing. Throws
 * `ConcurrentLedgerImport` when another import of the year committed since `expectedImports` was read.
 */
export async function saveLedgerImport(store: Store, write: LedgerImportWrite): Promise<number> {
  return ledgerDb(store)
    .transaction()
    .execute(async (tx) => {
      await claimYear(tx, write.year, write.expectedImports);
      const { run } = write;
      const inserted = await tx
        .insertInto('ledger_imports')
        .values({
          fiscal_year: write.year,
          file_name: run.fileName,
          file_sha256: run.fileSha256,
          budgets_sha256: run.budgetsSha256,
          encoding: run.encoding,
          bytes: String(run.bytes),
          lines_read: run.linesRead,
          accepted: run.accepted,
          rejected: run.rejected,
          rejected_by_code: JSON.stringify(run.rejectedByCode),
          accepted_total: fenToDb(run.acceptedTotal),
          actor: run.actor,
          imported_at: run.importedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addSums(tx, write);
      await replaceBudgetsAndVouchers(tx, write);
      if (write.audit !== undefined) {
        await appendAudit(tx, { ...write.audit, entityId: inserted.id });
      }
      return inserted.id;
    });
}
