import { datasetToDocument } from '../ingest/dataset-json.js';
import { departmentOfDataset } from '../store/workflow-repo.js';
import type { Actor } from './actor.js';
import type { AppContext, AppResult } from './context.js';
import { notFound } from './context.js';
import { createDatasetFrom, type DatasetDetail } from './datasets.js';
import { datasetOf, loadRevision, validateDocument } from './revision-content.js';
import { rolloverDocument } from './rollover-document.js';

/**
 * 以上年为基础新建: the next fiscal year of a dataset's department, from its latest revision through
 * `rolloverDocument` (department facts, continuing projects with zero figures, indicator and form structure
 * without actuals; no stated figures; prose naming the old year marked for rewriting). 409 when that year exists.
 */
export async function rolloverDataset(
  ctx: AppContext,
  datasetId: number,
  actor: Actor,
): Promise<AppResult<DatasetDetail>> {
  const latest = await loadRevision(ctx, datasetId);
  if (!latest.ok) return latest;
  const departmentId = await departmentOfDataset(ctx.store.db, datasetId);
  if (departmentId === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  const next = validateDocument(rolloverDocument(datasetToDocument(datasetOf(latest.value))), ['document']);
  if (!next.ok) return next;
  return createDatasetFrom(ctx, { departmentId }, next.value, actor);
}
