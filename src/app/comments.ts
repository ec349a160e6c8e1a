import { appendAudit } from '../store/audit-repo.js';
import { inTransaction } from '../store/executor.js';
import { findRevision } from '../store/revisions-repo.js';
import { departmentOfDataset, insertComment, listComments, type ReviewComment } from '../store/workflow-repo.js';
import { actorLabel, actorRole, ROLE_LABELS, type Actor } from './actor.js';
import { conflict, invalid, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';

export type CommentWire = Omit<ReviewComment, 'datasetId' | 'authorId'> & { roleLabel: string };

const toWire = (c: ReviewComment): CommentWire => ({
  id: c.id,
  revisionNo: c.revisionNo,
  path: c.path,
  body: c.body,
  author: c.author,
  authorRole: c.authorRole,
  roleLabel: ROLE_LABELS[c.authorRole as keyof typeof ROLE_LABELS] ?? '系统',
  replyTo: c.replyTo,
  createdAt: c.createdAt,
});

/** 审核意见 of a dataset (of one revision when given), oldest first. */
export async function datasetComments(ctx: AppContext, datasetId: number, revisionNo?: number) {
  if ((await departmentOfDataset(ctx.store.db, datasetId)) === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  return ok((await listComments(ctx.store.db, datasetId, revisionNo)).map(toWire));
}

export type NewComment = { revisionNo: number; body: string; path?: string | undefined; replyTo?: number | undefined };

/**
 * A reviewer comments on the submitted revision (on a field by its JSON path, or on the whole); the department's
 * editors answer on any revision of their dataset. Comments stay with the revision they were made on.
 */
export async function addComment(
  ctx: AppContext,
  datasetId: number,
  comment: NewComment,
  actor: Actor,
): Promise<AppResult<CommentWire>> {
  const row = await ctx.store.db
    .selectFrom('datasets')
    .select(['department_id', 'state', 'state_revision'])
    .where('id', '=', datasetId)
    .executeTakeFirst();
  if (row === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  if ((await findRevision(ctx.store.db, datasetId, comment.revisionNo)) === undefined)
    return notFound(`数据集 ${datasetId} 没有第 ${comment.revisionNo} 版`);
  const role = actorRole(actor);
  if (role === 'reviewer' && (row.state !== 'submitted' || row.state_revision !== comment.revisionNo))
    return conflict('只能对已提交待审核的版本提出审核意见');
  if (comment.path !== undefined && !comment.path.startsWith('$'))
    return invalid('字段路径无效', [
      {
        severity: 'error',
        code: 'INVALID_PATH',
        message: '字段路径应以 $ 开头',
        path: ['body', 'path'],
        pathText: '$.body.path',
      },
    ]);
  if (comment.replyTo !== undefined) {
    const parent = (await listComments(ctx.store.db, datasetId)).find((c) => c.id === comment.replyTo);
    if (parent === undefined) return notFound(`审核意见 ${comment.replyTo} 不存在`);
  }
  const at = timestamp(ctx);
  const id = await inTransaction(ctx.store, async (tx) => {
    const author = actorLabel(actor);
    const created = await insertComment(tx, {
      datasetId,
      revisionNo: comment.revisionNo,
      path: comment.path ?? null,
      body: comment.body.trim(),
      author,
      authorId: actor.kind === 'user' ? actor.id : null,
      authorRole: role ?? 'system',
      replyTo: comment.replyTo ?? null,
      createdAt: at,
    });
    const detail = {
      revisionNo: comment.revisionNo,
      path: comment.path ?? null,
      commentId: created,
      replyTo: comment.replyTo ?? null,
    };
    await appendAudit(tx, {
      at,
      actor: author,
      actorRole: role,
      action: 'comment.add',
      entity: 'dataset',
      entityId: datasetId,
      departmentId: row.department_id,
      detail,
    });
    return created;
  });
  const created = (await listComments(ctx.store.db, datasetId, comment.revisionNo)).find((c) => c.id === id);
  return created === undefined ? notFound(`审核意见 ${id} 不存在`) : ok(toWire(created));
}
