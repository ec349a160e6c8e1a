import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../connect.js';

/** An auto-increment integer primary key in either dialect. */
function withId<T extends string>(table: CreateTableBuilder<T>, dialect: StoreDialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Departments, fiscal years, datasets, immutable revisions, rule packs and the audit log. */
export function initialMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('departments'), dialect)
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fiscal_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('datasets'), dialect)
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('fiscal_year', 'integer', (c) => c.notNull().references('fiscal_years.year'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('datasets_department_year', ['department_id', 'fiscal_year'])
        .execute();
      await withId(db.schema.createTable('revisions'), dialect)
        .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id'))
        .addColumn('revision_no', 'integer', (c) => c.notNull())
        .addColumn('based_on', 'integer')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('change_count', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('year_start_budget_total', 'bigint', (c) => c.notNull())
        .addColumn('full_year_budget_total', 'bigint', (c) => c.notNull())
        .addColumn('income_total', 'bigint', (c) => c.notNull())
        .addColumn('expenditure_total', 'bigint', (c) => c.notNull())
        .addColumn('execution_rate', 'integer')
        .addColumn('error_count', 'integer', (c) => c.notNull())
        .addColumn('warning_count', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text')
        // Two saves on the same base race for the same number: the database lets exactly one win.
        .addUniqueConstraint('revisions_dataset_revision_no', ['dataset_id', 'revision_no'])
        .execute();
      await withId(db.schema.createTable('rule_packs'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['audit_log', 'rule_packs', 'revisions', 'datasets', 'fiscal_years', 'departments']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
