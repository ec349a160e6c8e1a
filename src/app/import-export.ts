import type { Dataset } from '../domain/dataset/schema.js';
import { datasetToDocument, datasetToJsonText, datasetToYamlText } from '../ingest/dataset-json.js';
import { runHeavy } from './heavy/run-heavy.js';
import { runHeavyTask } from './heavy/tasks.js';
import { appendAudit } from '../store/audit-repo.js';
import { findDatasetId } from '../store/datasets-repo.js';
import { findDepartment, findDepartmentBy } from '../store/departments-repo.js';
import { actorLabel, actorRole, type Actor } from './actor.js';
import { departmentOfDataset } from '../store/workflow-repo.js';
import { conflict, forbidden, invalid, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';
import { createDatasetFrom, saveDatasetFrom, type DatasetDetail, type DatasetOwner } from './datasets.js';
import type { RenderedFile } from './report.js';
import { datasetOf, loadRevision } from './revision-content.js';
import { findingToWire } from './wire.js';

export type FileFormat = 'xlsx' | 'json' | 'yaml';
export const FILE_FORMATS: readonly FileFormat[] = ['xlsx', 'json', 'yaml'];
export const FILE_CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
};

/** What an upload holds: workbook bytes, YAML/JSON text, or JSON the server already parsed. */
export type Upload = { format: FileFormat; content: Buffer | string | object; fileName?: string };

/** Reads an upload into a dataset; every problem located (cell, line or JSON path), nothing partial. */
export async function readUpload(upload: Upload, ctx?: AppContext): Promise<AppResult<Dataset>> {
  const fail = (n: number) => `导入文件有 ${n} 处错误，未导入任何数据`;
  if (upload.format === 'xlsx') {
    if (!Buffer.isBuffer(upload.content)) return invalid('请上传 .xlsx 工作簿', []);
    const task = { kind: 'read-workbook', bytes: upload.content } as const;
    const done =
      ctx === undefined
        ? { ok: true as const, result: await runHeavyTask(task) }
        : await runHeavy(ctx, task, '读取工作簿');
    if (!done.ok) return done;
    if (done.result.kind !== 'workbook') return invalid('工作簿无法读取', []);
    const read = done.result.read;
    if (read.ok) return ok(read.dataset);
    return invalid(
      fail(read.errors.length),
      read.errors.map((e) => findingToWire(e, e.cell === '' ? undefined : e.cell)),
    );
  }
  // YAML/JSON: parsed and validated in the worker pool (tens of milliseconds of zod), inline without one.
  const { format, content, fileName } = upload;
  const task = {
    kind: 'read-upload',
    upload: { format, content, ...(fileName === undefined ? {} : { fileName }) },
  } as const;
  const done =
    ctx === undefined ? { ok: true as const, result: await runHeavyTask(task) } : await runHeavy(ctx, task, '读取文件');
  if (!done.ok) return done;
  if (done.result.kind !== 'upload') return invalid('文件无法读取', []);
  return done.result.read;
}

/**
 * The department a dataset belongs to: the one given, else by the document's code or name, else a new one,
 * created in the same transaction as the dataset (see `createDatasetFrom`), so a refused import leaves nothing.
 */
async function ownerFor(ctx: AppContext, dataset: Dataset, departmentId?: number): Promise<AppResult<DatasetOwner>> {
  if (departmentId !== undefined) {
    return (await findDepartment(ctx.store.db, departmentId)) === undefined
      ? notFound(`部门 ${departmentId} 不存在`)
      : ok({ departmentId });
  }
  const { code, name } = dataset.department;
  const found =
    (code === undefined ? undefined : await findDepartmentBy(ctx.store.db, { code })) ??
    (await findDepartmentBy(ctx.store.db, { name }));
  if (found !== undefined) return ok({ departmentId: found.id });
  // A department without a budget code is keyed by its name until someone gives it one.
  return ok({ newDepartment: { code: code ?? name, name, parentId: null } });
}

export type ImportRequest = Upload & {
  actor: Actor;
  departmentId?: number;
  datasetId?: number;
  baseRevision?: number;
  dryRun?: boolean;
  /** An editor's departments: the import must land in one of them and may not create a department. */
  departmentScope?: readonly number[];
};
export type ImportResult = { saved: false; document: Record<string, unknown> } | ({ saved: true } & DatasetDetail);

/**
 * 导入: a new dataset, or a new revision of an existing one (which needs `baseRevision`, like any save).
 * `dryRun` only validates and returns the document.
 */
export async function importDataset(ctx: AppContext, request: ImportRequest): Promise<AppResult<ImportResult>> {
  // Another department is refused before the file is even read (even a dry run would confirm that it exists).
  const { departmentId: named, departmentScope: scope } = request;
  if (named !== undefined && scope !== undefined && !scope.includes(named)) return notFound(`部门 ${named} 不存在`);
  const read = await readUpload(request, ctx);
  if (!read.ok) return read;
  if (request.dryRun === true) return ok({ saved: false, document: datasetToDocument(read.value) });
  let datasetId = request.datasetId;
  if (datasetId === undefined) {
    const owner = await ownerFor(ctx, read.value, request.departmentId);
    if (!owner.ok) return owner;
    const departmentId = 'departmentId' in owner.value ? owner.value.departmentId : undefined;
    if (
      request.departmentScope !== undefined &&
      (departmentId === undefined || !request.departmentScope.includes(departmentId))
    )
      return departmentId === undefined
        ? forbidden(`部门填报人不能新建部门：文件中的部门“${read.value.department.name}”不存在，请选择本部门导入`)
        : notFound(`部门 ${departmentId} 不存在`);
    datasetId =
      departmentId === undefined ? undefined : await findDatasetId(ctx.store.db, departmentId, read.value.fiscalYear);
    if (datasetId === undefined)
      return saved(await createDatasetFrom(ctx, owner.value, read.value, request.actor, 'dataset.import'));
  }
  if (request.baseRevision === undefined) {
    const latest = await loadRevision(ctx, datasetId);
    if (!latest.ok) return latest;
    return conflict(
      `该部门已有 ${read.value.fiscalYear} 年度的数据集（当前第 ${latest.value.revisionNo} 版）；请在该年度的编辑页导入，先查看修改再保存`,
      {
        datasetId,
        latestRevision: latest.value.revisionNo,
      },
    );
  }
  const save = {
    baseRevision: request.baseRevision,
    author: request.actor,
    note: `导入 ${request.format.toUpperCase()}`,
  };
  return saved(await saveDatasetFrom(ctx, datasetId, read.value, save, 'dataset.import'));
}

function saved(result: AppResult<DatasetDetail>): AppResult<ImportResult> {
  return result.ok ? ok({ saved: true, ...result.value }) : result;
}

/** A dataset as file bytes; a dataset the workbook layout cannot hold (deeper headings) is refused, not cut. */
export async function renderDataset(
  dataset: Dataset,
  format: FileFormat,
  ctx?: AppContext,
): Promise<AppResult<Buffer>> {
  if (format === 'xlsx') {
    const task = { kind: 'write-workbook', dataset } as const;
    const done =
      ctx === undefined
        ? { ok: true as const, result: await runHeavyTask(task) }
        : await runHeavy(ctx, task, '生成工作簿');
    if (!done.ok) return done;
    if (done.result.kind === 'refused') return conflict(done.result.message);
    return done.result.kind === 'bytes' ? ok(Buffer.from(done.result.bytes)) : conflict('工作簿无法生成');
  }
  try {
    return ok(Buffer.from(format === 'json' ? datasetToJsonText(dataset) : datasetToYamlText(dataset), 'utf8'));
  } catch (error) {
    if (error instanceof RangeError) return conflict(error.message);
    throw error;
  }
}

/** 导出: a revision (the latest unless given) as a workbook, JSON or YAML; recorded in the audit log. */
export async function exportDataset(
  ctx: AppContext,
  datasetId: number,
  format: FileFormat,
  actor: Actor,
  revisionNo?: number,
): Promise<AppResult<RenderedFile>> {
  const revision = await loadRevision(ctx, datasetId, revisionNo);
  if (!revision.ok) return revision;
  const dataset = datasetOf(revision.value);
  const body = await renderDataset(dataset, format, ctx);
  if (!body.ok) return body;
  const detail = { format, revisionNo: revision.value.revisionNo };
  await appendAudit(ctx.store.db, {
    at: timestamp(ctx),
    actor: actorLabel(actor),
    actorRole: actorRole(actor),
    departmentId:
      revision.value.datasetId === datasetId ? ((await departmentOfDataset(ctx.store.db, datasetId)) ?? null) : null,
    action: 'dataset.export',
    entity: 'dataset',
    entityId: datasetId,
    detail,
  });
  const name = `${dataset.fiscalYear}-${dataset.department.shortName ?? dataset.department.name}-v${revision.value.revisionNo}.${format}`;
  return ok({ fileName: name, contentType: FILE_CONTENT_TYPES[format], body: body.value });
}

/** 模板 (blank workbook). */
export async function workbookTemplate(): Promise<RenderedFile> {
  return {
    fileName: 'jixiao-模板.xlsx',
    contentType: FILE_CONTENT_TYPES.xlsx,
    body: await (await import('../ingest/excel/write-workbook.js')).templateWorkbook(),
  };
}
