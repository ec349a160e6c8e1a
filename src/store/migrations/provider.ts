import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../connect.js';
import { initialMigration } from './0001-initial.js';
import { publicationsMigration } from './0002-publications.js';
import { accountsWorkflowMigration } from './0003-accounts-workflow.js';
import { ledgerMigration } from './0004-ledger.js';
import { revisionOverviewsMigration } from './0005-revision-overviews.js';

/** Migrations live in code (no directory scan), named so that they sort in the order they must run. */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial': initialMigration(dialect),
    '0002-publications': publicationsMigration(dialect),
    '0003-accounts-workflow': accountsWorkflowMigration(dialect),
    '0004-ledger': ledgerMigration(dialect),
    '0005-revision-overviews': revisionOverviewsMigration(),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
