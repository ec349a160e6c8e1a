import type { Executor } from './executor.js';
import type { WorkflowState } from './workflow-repo.js';
import { latestByRevision, listPublications, type Publication } from './publications-repo.js';
import { R_PLAIN_COLUMNS, revisionFenColumns, toRevisionSummary, type RevisionSummary } from './revisions-repo.js';

/** 数据集 with its department and the summary of its latest revision (the working copy). */
export type DatasetRecord = {
  id: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  createdAt: string;
  latest: RevisionSummary;
  /** 最新发布: the dataset's latest publication (may be of an older revision than `latest`); null when none. */
  latestPublication: Publication | null;
  /** 审核状态 and the revision it refers to (submitted, approved or published; null in draft). */
  state: WorkflowState;
  stateRevision: number | null;
};

/** A dataset whose latest revision row cannot be read (e.g. a key figure that is not an exact integer). */
export type UnreadableDataset = { id: number; reason: string };

/** A list of datasets; unreadable rows are kept apart so that one bad row does not take the list down. */
export type DatasetList = { records: DatasetRecord[]; unreadable: UnreadableDataset[] };

/** `departmentIds`: only these departments (an editor's own); undefined means every department. */
export type DatasetFilter = { departmentId?: number; fiscalYear?: number; departmentIds?: readonly number[] };

export async function ensureFiscalYear(db: Executor, year: number, at: string): Promise<void> {
  await db
    .insertInto('fiscal_years')
    .values({ year, created_at: at })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

export async function listFiscalYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('fiscal_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

export async function insertDataset(db: Executor, departmentId: number, fiscalYear: number, at: string) {
  const row = await db
    .insertInto('datasets')
    .values({ department_id: departmentId, fiscal_year: fiscalYear, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function datasetQuery(db: Executor) {
  return db
    .selectFrom('datasets as d')
    .innerJoin('departments as dep', 'dep.id', 'd.department_id')
    .innerJoin('revisions as r', 'r.dataset_id', 'd.id')
    .where((eb) =>
      eb(
        'r.revision_no',
        '=',
        eb
          .selectFrom('revisions as r2')
          .select((e) => e.fn.max('r2.revision_no').as('m'))
          .whereRef('r2.dataset_id', '=', 'd.id'),
      ),
    )
    .select([
      'd.id',
      'd.department_id',
      'd.fiscal_year',
      'd.created_at',
      'd.state',
      'd.state_revision',
      'dep.code',
      'dep.name',
    ])
    .select(R_PLAIN_COLUMNS)
    .select(revisionFenColumns('r'));
}

type DatasetRow = Awaited<ReturnType<ReturnType<typeof datasetQuery>['executeTakeFirstOrThrow']>>;

function toDataset(row: DatasetRow, publications: readonly Publication[]): DatasetRecord {
  const ofDataset = publications.filter((p) => p.datasetId === row.id);
  const published = latestByRevision(ofDataset).get(`${row.id}/${row.revision_no}`);
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentCode: row.code,
    departmentName: row.name,
    fiscalYear: row.fiscal_year,
    createdAt: row.created_at,
    latest: toRevisionSummary(row, published),
    latestPublication: ofDataset[0] ?? null,
    state: row.state as WorkflowState,
    stateRevision: row.state_revision,
  };
}

/** Datasets with their latest revision; a row that cannot be read goes to `unreadable`, the others are listed. */
export async function listDatasets(db: Executor, filter: DatasetFilter = {}): Promise<DatasetList> {
  let query = datasetQuery(db).orderBy('d.fiscal_year', 'desc').orderBy('dep.code');
  if (filter.departmentId !== undefined) query = query.where('d.department_id', '=', filter.departmentId);
  if (filter.fiscalYear !== undefined) query = query.where('d.fiscal_year', '=', filter.fiscalYear);
  if (filter.departmentIds !== undefined) {
    if (filter.departmentIds.length === 0) return { records: [], unreadable: [] };
    query = query.where('d.department_id', 'in', filter.departmentIds);
  }
  const rows = await query.execute();
  const publications = await listPublications(
    db,
    rows.map((r) => r.id),
  );
  const list: DatasetList = { records: [], unreadable: [] };
  for (const row of rows) {
    try {
      list.records.push(toDataset(row, publications));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      list.unreadable.push({ id: row.id, reason: error.message });
    }
  }
  return list;
}

export async function findDataset(db: Executor, id: number): Promise<DatasetRecord | undefined> {
  const row = await datasetQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row && toDataset(row, await listPublications(db, [id]));
}

export async function findDatasetId(db: Executor, departmentId: number, fiscalYear: number) {
  const row = await db
    .selectFrom('datasets')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row?.id;
}

export async function countDatasets(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
