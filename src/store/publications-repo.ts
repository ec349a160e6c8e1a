import type { Executor } from './executor.js';

/** 发布记录: who published which revision of a dataset, when. Rows are only ever added. */
export type Publication = {
  datasetId: number;
  revisionNo: number;
  publishedAt: string;
  publishedBy: string;
  /** SHA-256 of the published document (null only for rows written before hashes were recorded). */
  contentHash?: string | null;
};

export async function insertPublication(db: Executor, publication: Publication): Promise<void> {
  await db
    .insertInto('publications')
    .values({
      dataset_id: publication.datasetId,
      revision_no: publication.revisionNo,
      published_at: publication.publishedAt,
      published_by: publication.publishedBy,
      content_hash: publication.contentHash ?? null,
    })
    .execute();
}

/** A dataset's publications (all datasets when `datasetIds` is undefined), newest first. */
export async function listPublications(db: Executor, datasetIds?: readonly number[]): Promise<Publication[]> {
  if (datasetIds?.length === 0) return [];
  let query = db
    .selectFrom('publications')
    .select(['dataset_id', 'revision_no', 'published_at', 'published_by'])
    .orderBy('id', 'desc');
  if (datasetIds !== undefined) query = query.where('dataset_id', 'in', datasetIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    datasetId: r.dataset_id,
    revisionNo: r.revision_no,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  }));
}

/** The latest publication of a dataset: the revision the public portal shows (republishing an older one rolls back). */
export async function latestPublication(db: Executor, datasetId: number): Promise<Publication | undefined> {
  const row = await db
    .selectFrom('publications')
    .select(['dataset_id', 'revision_no', 'published_at', 'published_by', 'content_hash'])
    .where('dataset_id', '=', datasetId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      datasetId: row.dataset_id,
      revisionNo: row.revision_no,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
      contentHash: row.content_hash,
    }
  );
}

/** The latest publication of each revision (newest-first input: the first one seen wins). */
export function latestByRevision(publications: readonly Publication[]): Map<string, Publication> {
  const latest = new Map<string, Publication>();
  for (const p of publications) {
    const key = `${p.datasetId}/${p.revisionNo}`;
    if (!latest.has(key)) latest.set(key, p);
  }
  return latest;
}
