import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import type { RevisionDraft } from '../store/append-revision.js';
import { findRevision, type Revision } from '../store/revisions-repo.js';
import type { AppContext, AppResult } from './context.js';
import { notFound, ok, timestamp } from './context.js';
import { runHeavy } from './heavy/run-heavy.js';
import { validateDocument, type DraftInput, type PreparedDraft } from './revision-evaluation.js';

export { validateDocument };

/** A stored document parsed back; stored documents were validated on the way in, so failure is a bug. */
export function datasetOf(revision: Revision): Dataset {
  const parsed = parseDataset(JSON.parse(revision.document));
  if (!parsed.ok) throw new Error(`修订版本 ${revision.revisionNo} 的数据无法解析`);
  return parsed.dataset;
}

export async function loadRevision(
  ctx: AppContext,
  datasetId: number,
  revisionNo?: number,
): Promise<AppResult<Revision>> {
  const revision = await findRevision(ctx.store.db, datasetId, revisionNo);
  if (revision !== undefined) return ok(revision);
  return notFound(
    revisionNo === undefined ? `数据集 ${datasetId} 不存在` : `数据集 ${datasetId} 没有第 ${revisionNo} 版`,
  );
}

export async function loadDataset(
  ctx: AppContext,
  datasetId: number,
  revisionNo?: number,
): Promise<AppResult<Dataset>> {
  const revision = await loadRevision(ctx, datasetId, revisionNo);
  return revision.ok ? ok(datasetOf(revision.value)) : revision;
}

/**
 * A save's parse and evaluation (`prepareDraft`) in the worker pool, inline without one: the submitted document
 * validated, its revision row's content, and its answers and overview row for the caches.
 */
export async function prepareRevision(
  ctx: AppContext,
  input: DraftInput,
  previous: string | null,
): Promise<AppResult<PreparedDraft>> {
  const done = await runHeavy(ctx, { kind: 'draft', input, previous }, '数据计算');
  if (!done.ok) return done;
  if (done.result.kind !== 'draft') throw new Error(`unexpected heavy result ${done.result.kind}`);
  return done.result.draft;
}

/** Everything a new revision row holds: the prepared content, who wrote it, when, and the note. */
export function revisionDraft(
  ctx: AppContext,
  datasetId: number,
  prepared: PreparedDraft,
  author: string,
  note?: string,
): RevisionDraft {
  const { summary, changeCount, figures, document } = prepared;
  return {
    datasetId,
    author,
    createdAt: timestamp(ctx),
    summary: note === undefined || note === '' ? summary : `${note}（${summary}）`,
    changeCount,
    unit: prepared.dataset.unit,
    document,
    figures,
  };
}
