import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../connect.js';

/**
 * 国库支付流水 (docs/ledger.md): import runs, the sums by department–project–economic code–month and by
 * department–day, the budgets the ledger was checked against, and each year's voucher hash set for deduplication.
 * Codes are text; amounts are integer fen (BIGINT).
 */
export function ledgerMigration(dialect: StoreDialect): Migration {
  const id = dialect === 'postgres' ? 'serial primary key' : 'integer primary key autoincrement';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await sql`create table ledger_years (
        fiscal_year integer primary key,
        imports integer not null
      )`.execute(db);
      await sql`create table ledger_imports (
        id ${sql.raw(id)},
        fiscal_year integer not null,
        file_name text not null,
        file_sha256 text not null,
        budgets_sha256 text not null,
        encoding text not null,
        bytes bigint not null,
        lines_read integer not null,
        accepted integer not null,
        rejected integer not null,
        rejected_by_code text not null,
        accepted_total bigint not null,
        actor text not null,
        imported_at text not null
      )`.execute(db);
      await db.schema.createIndex('ledger_imports_year').on('ledger_imports').columns(['fiscal_year', 'id']).execute();
      await sql`create table ledger_cells (
        fiscal_year integer not null,
        department_code text not null,
        project_code text not null,
        economic_code text not null,
        month integer not null,
        amount bigint not null,
        payments integer not null,
        primary key (fiscal_year, department_code, project_code, economic_code, month)
      )`.execute(db);
      await sql`create table ledger_days (
        fiscal_year integer not null,
        department_code text not null,
        day integer not null,
        amount bigint not null,
        payments integer not null,
        primary key (fiscal_year, department_code, day)
      )`.execute(db);
      await sql`create table ledger_budgets (
        fiscal_year integer not null,
        department_code text not null,
        project_code text not null,
        economic_code text not null,
        year_start_budget bigint not null,
        adjustments bigint not null,
        project_name text not null,
        department_name text not null,
        primary key (fiscal_year, department_code, project_code, economic_code)
      )`.execute(db);
      await sql`create table ledger_voucher_hashes (
        fiscal_year integer not null,
        chunk_no integer not null,
        hashes ${sql.raw(blob)} not null,
        primary key (fiscal_year, chunk_no)
      )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'ledger_voucher_hashes',
        'ledger_budgets',
        'ledger_days',
        'ledger_cells',
        'ledger_imports',
      ]) {
        await db.schema.dropTable(table).execute();
      }
      await db.schema.dropTable('ledger_years').execute();
    },
  };
}
