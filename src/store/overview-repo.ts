import type { Executor } from './executor.js';
import { listPublications, type Publication } from './publications-repo.js';
import type { WorkflowState } from './workflow-repo.js';

/** One dataset of the bureau overview (财政局总览) before its document is read: who, which year, which revision. */
export type OverviewHead = {
  datasetId: number;
  fiscalYear: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  departmentParentId: number | null;
  /** The working copy's revision number; null only for a dataset without revisions (never written by Jixiao). */
  revisionNo: number | null;
  /** 最新发布: the dataset's latest publication; null when never published. */
  latestPublication: Publication | null;
  /** 审核状态 and the revision it names. */
  state: WorkflowState;
  stateRevision: number | null;
};

/** `departmentIds`: only these departments (an editor's own); undefined means every department. */
export type OverviewFilter = { fiscalYear: number; departmentId?: number; departmentIds?: readonly number[] };

/** The datasets of a fiscal year with their departments, latest revision numbers and latest publications: two queries. */
export async function listOverviewHeads(db: Executor, filter: OverviewFilter): Promise<OverviewHead[]> {
  let query = db
    .selectFrom('datasets as d')
    .innerJoin('departments as dep', 'dep.id', 'd.department_id')
    .select([
      'd.id',
      'd.fiscal_year',
      'd.department_id',
      'd.state',
      'd.state_revision',
      'dep.code',
      'dep.name',
      'dep.parent_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('revisions as r')
        .select((e) => e.fn.max('r.revision_no').as('m'))
        .whereRef('r.dataset_id', '=', 'd.id')
        .as('revision_no'),
    )
    .where('d.fiscal_year', '=', filter.fiscalYear)
    .orderBy('dep.code')
    .orderBy('d.id');
  if (filter.departmentId !== undefined) query = query.where('d.department_id', '=', filter.departmentId);
  if (filter.departmentIds !== undefined) {
    if (filter.departmentIds.length === 0) return [];
    query = query.where('d.department_id', 'in', filter.departmentIds);
  }
  const rows = await query.execute();
  const publications = await listPublications(
    db,
    rows.map((r) => r.id),
  );
  const latest = new Map<number, Publication>();
  for (const p of publications) if (!latest.has(p.datasetId)) latest.set(p.datasetId, p);
  return rows.map((r) => ({
    datasetId: r.id,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentCode: r.code,
    departmentName: r.name,
    departmentParentId: r.parent_id,
    revisionNo: r.revision_no === null ? null : Number(r.revision_no),
    latestPublication: latest.get(r.id) ?? null,
    state: r.state as WorkflowState,
    stateRevision: r.state_revision,
  }));
}

export type RevisionKey = { datasetId: number; revisionNo: number };

/**
 * Every dataset's working copy (latest revision), the newest fiscal year first and in overview order within a year,
 * at most `limit`: what the overview cache warms at start-up.
 */
export async function listLatestRevisions(db: Executor, limit: number): Promise<RevisionKey[]> {
  const rows = await db
    .selectFrom('datasets as d')
    .innerJoin('departments as dep', 'dep.id', 'd.department_id')
    .select('d.id')
    .select((eb) =>
      eb
        .selectFrom('revisions as r')
        .select((e) => e.fn.max('r.revision_no').as('m'))
        .whereRef('r.dataset_id', '=', 'd.id')
        .as('revision_no'),
    )
    .orderBy('d.fiscal_year', 'desc')
    .orderBy('dep.code')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.revision_no === null ? [] : [{ datasetId: r.id, revisionNo: Number(r.revision_no) }]));
}

/**
 * How many audit entries there are: every write Jixiao makes (a save, a workflow step, a publication, a department
 * change) appends one in its own transaction, so an unchanged count means unchanged data, for every server on the
 * database. One row, read by primary key.
 */
export async function readChangeStamp(db: Executor): Promise<number> {
  const head = await db.selectFrom('audit_head').select('entries').where('id', '=', 1).executeTakeFirst();
  return Number(head?.entries ?? 0);
}

/** How many (dataset, revision) pairs one query asks for: well under SQLite's and PostgreSQL's parameter limits. */
const KEYS_PER_QUERY = 200;

/**
 * A value per given revision, read `KEYS_PER_QUERY` revisions a query, keyed `datasetId/revisionNo`; a revision
 * `read` does not return is absent.
 */
export async function readPerRevision<T>(
  keys: readonly RevisionKey[],
  read: (chunk: readonly RevisionKey[]) => Promise<{ dataset_id: number; revision_no: number; value: T }[]>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY)
    for (const row of await read(keys.slice(start, start + KEYS_PER_QUERY)))
      found.set(`${row.dataset_id}/${row.revision_no}`, row.value);
  return found;
}

/** The document text of each given revision, keyed `datasetId/revisionNo`; a revision not found is absent. */
export function findRevisionDocuments(db: Executor, keys: readonly RevisionKey[]): Promise<Map<string, string>> {
  return readPerRevision(keys, (chunk) =>
    db
      .selectFrom('revisions')
      .select(['dataset_id', 'revision_no', 'document as value'])
      .where((eb) =>
        eb.or(chunk.map((k) => eb.and([eb('dataset_id', '=', k.datasetId), eb('revision_no', '=', k.revisionNo)]))),
      )
      .execute(),
  );
}
