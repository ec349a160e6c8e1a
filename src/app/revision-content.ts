import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { datasetToDocument, type DatasetDocument } from '../ingest/dataset-json.js';
import type { RevisionDraft } from '../store/append-revision.js';
import { findRevision, type Revision } from '../store/revisions-repo.js';
import type { AppContext, AppResult } from './context.js';
import { invalid, notFound, ok, timestamp } from './context.js';
import { changeSummary, diffDocuments } from './diff.js';
import { evaluateDataset } from './evaluate.js';
import { findingToWire } from './wire.js';

/** Validates a submitted document with the same schema as the CLI; findings carry `prefix` before their path. */
export function validateDocument(raw: unknown, prefix: readonly (string | number)[] = []): AppResult<Dataset> {
  const parsed = parseDataset(raw);
  if (parsed.ok) return ok(parsed.dataset);
  const findings = parsed.errors.map((e) => findingToWire({ ...e, path: [...prefix, ...e.path] }));
  return invalid(`数据集有 ${findings.length} 处错误，未保存`, findings);
}

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
 * Everything a new revision row holds, derived from the dataset: document text, key figures and finding counts,
 * all from `selfEvaluate` under the dataset's pack, so a revision's error count is `jixiao check`'s.
 */
export function revisionDraft(
  ctx: AppContext,
  datasetId: number,
  dataset: Dataset,
  author: string,
  previous: DatasetDocument | null,
  note?: string,
): RevisionDraft {
  const document = datasetToDocument(dataset);
  const { figures, findings } = evaluateDataset(dataset);
  const changes = previous === null ? [] : diffDocuments(previous, document);
  const summary = previous === null ? '创建' : changeSummary(changes);
  return {
    datasetId,
    author,
    createdAt: timestamp(ctx),
    summary: note === undefined || note === '' ? summary : `${note}（${summary}）`,
    changeCount: changes.length,
    unit: dataset.unit,
    document: JSON.stringify(document),
    figures: {
      yearStartBudgetTotal: figures.amounts.yearStartBudgetTotal.value,
      fullYearBudgetTotal: figures.amounts.fullYearBudgetTotal.value,
      incomeTotal: figures.amounts.incomeTotal.value,
      expenditureTotal: figures.amounts.expenditureTotal.value,
      executionRate: figures.percents.executionRate,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}
