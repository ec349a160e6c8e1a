import { sql } from 'kysely';
import type { Fen, Percent } from '../domain/money/index.js';
import { fenFromDb, fenToDb, percentFromDb, percentToDb } from './fen-codec.js';
import type { Executor } from './executor.js';
import type { FenColumn } from './database.js';
import { insertPublication, latestByRevision, listPublications, type Publication } from './publications-repo.js';

/** Key figures kept beside each revision so lists need not parse documents. */
export type RevisionKeyFigures = {
  yearStartBudgetTotal: Fen;
  fullYearBudgetTotal: Fen;
  incomeTotal: Fen;
  expenditureTotal: Fen;
  executionRate: Percent | null;
  errorCount: number;
  warningCount: number;
};

/** 修订版本 without its document. */
export type RevisionSummary = {
  revisionNo: number;
  basedOn: number | null;
  author: string;
  createdAt: string;
  summary: string;
  changeCount: number;
  unit: string;
  /** From the revision's latest publication (the `publications` table); null when never published. */
  publishedAt: string | null;
  publishedBy: string | null;
  figures: RevisionKeyFigures;
};

export type Revision = RevisionSummary & { datasetId: number; document: string };

export type NewRevision = Omit<RevisionSummary, 'publishedAt' | 'publishedBy'> & {
  datasetId: number;
  document: string;
};

const PLAIN_COLUMNS = [
  'revision_no',
  'based_on',
  'author',
  'created_at',
  'summary',
  'change_count',
  'unit',
  'error_count',
  'warning_count',
] as const;

const FEN_COLUMNS = ['year_start_budget_total', 'full_year_budget_total', 'income_total', 'expenditure_total'] as const;

/**
 * Fen columns (and the execution rate) of a revision table alias, read as text: better-sqlite3 would otherwise
 * return a float for values beyond 2^53. Select them beside `R_PLAIN_COLUMNS`.
 */
export function revisionFenColumns(alias: string) {
  return [
    ...FEN_COLUMNS.map((c) => sql<string>`cast(${sql.ref(`${alias}.${c}`)} as text)`.as(c)),
    sql<string | null>`cast(${sql.ref(`${alias}.execution_rate`)} as text)`.as('execution_rate'),
  ];
}

/** The non-money summary columns, prefixed with the alias `r`. */
export const R_PLAIN_COLUMNS = PLAIN_COLUMNS.map((c) => `r.${c}` as const);

type SummaryRow = {
  revision_no: number;
  based_on: number | null;
  author: string;
  created_at: string;
  summary: string;
  change_count: number;
  unit: string;
  year_start_budget_total: FenColumn['__select__'];
  full_year_budget_total: FenColumn['__select__'];
  income_total: FenColumn['__select__'];
  expenditure_total: FenColumn['__select__'];
  execution_rate: string | null;
  error_count: number;
  warning_count: number;
};

/** A summary row with the revision's latest publication, if any. */
export function toRevisionSummary(row: SummaryRow, publication?: Publication): RevisionSummary {
  return {
    revisionNo: row.revision_no,
    basedOn: row.based_on,
    author: row.author,
    createdAt: row.created_at,
    summary: row.summary,
    changeCount: row.change_count,
    unit: row.unit,
    publishedAt: publication?.publishedAt ?? null,
    publishedBy: publication?.publishedBy ?? null,
    figures: {
      yearStartBudgetTotal: fenFromDb(row.year_start_budget_total),
      fullYearBudgetTotal: fenFromDb(row.full_year_budget_total),
      incomeTotal: fenFromDb(row.income_total),
      expenditureTotal: fenFromDb(row.expenditure_total),
      executionRate: row.execution_rate === null ? null : percentFromDb(row.execution_rate),
      errorCount: row.error_count,
      warningCount: row.warning_count,
    },
  };
}

export async function insertRevision(db: Executor, revision: NewRevision): Promise<void> {
  const f = revision.figures;
  await db
    .insertInto('revisions')
    .values({
      dataset_id: revision.datasetId,
      revision_no: revision.revisionNo,
      based_on: revision.basedOn,
      author: revision.author,
      created_at: revision.createdAt,
      summary: revision.summary,
      change_count: revision.changeCount,
      document: revision.document,
      unit: revision.unit,
      year_start_budget_total: fenToDb(f.yearStartBudgetTotal),
      full_year_budget_total: fenToDb(f.fullYearBudgetTotal),
      income_total: fenToDb(f.incomeTotal),
      expenditure_total: fenToDb(f.expenditureTotal),
      execution_rate: f.executionRate === null ? null : percentToDb(f.executionRate),
      error_count: f.errorCount,
      warning_count: f.warningCount,
    })
    .execute();
}

export async function latestRevisionNo(db: Executor, datasetId: number): Promise<number | null> {
  const row = await db
    .selectFrom('revisions')
    .select((e) => e.fn.max('revision_no').as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return row?.n === undefined || row.n === null ? null : Number(row.n);
}

/** One revision with its document; `revisionNo` omitted gives the latest. */
export async function findRevision(
  db: Executor,
  datasetId: number,
  revisionNo?: number,
): Promise<Revision | undefined> {
  let query = db
    .selectFrom('revisions')
    .select(PLAIN_COLUMNS)
    .select(revisionFenColumns('revisions'))
    .select(['dataset_id', 'document']);
  query = query.where('dataset_id', '=', datasetId);
  query = revisionNo === undefined ? query.orderBy('revision_no', 'desc') : query.where('revision_no', '=', revisionNo);
  const row = await query.limit(1).executeTakeFirst();
  if (row === undefined) return undefined;
  const published = latestByRevision(await listPublications(db, [datasetId])).get(`${datasetId}/${row.revision_no}`);
  return { ...toRevisionSummary(row, published), datasetId: row.dataset_id, document: row.document };
}

export async function listRevisions(db: Executor, datasetId: number): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('revisions')
    .select(PLAIN_COLUMNS)
    .select(revisionFenColumns('revisions'))
    .where('dataset_id', '=', datasetId)
    .orderBy('revision_no', 'desc')
    .execute();
  const published = latestByRevision(await listPublications(db, [datasetId]));
  return rows.map((row) => toRevisionSummary(row, published.get(`${datasetId}/${row.revision_no}`)));
}

/**
 * 发布: records a publication of an existing revision (the public portal shows the latest one). The revision row
 * is not touched; false when there is no such revision.
 */
export async function recordPublication(db: Executor, publication: Publication): Promise<boolean> {
  const exists = await db
    .selectFrom('revisions')
    .select('id')
    .where('dataset_id', '=', publication.datasetId)
    .where('revision_no', '=', publication.revisionNo)
    .executeTakeFirst();
  if (exists === undefined) return false;
  await insertPublication(db, publication);
  return true;
}
