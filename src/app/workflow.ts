import { contentHash } from '../store/audit-hash.js';
import { appendAudit } from '../store/audit-repo.js';
import { inTransaction } from '../store/executor.js';
import { recordPublication, latestRevisionNo } from '../store/revisions-repo.js';
import {
  departmentOfDataset,
  insertComment,
  insertWorkflowStep,
  listWorkflowSteps,
  lockDatasetState,
  setDatasetState,
  type WorkflowAction,
  type WorkflowState,
} from '../store/workflow-repo.js';
import type { Transaction } from 'kysely';
import type { Database } from '../store/database.js';
import { actorLabel, actorRole, type Actor } from './actor.js';
import { datasetFindings } from './analysis.js';
import { conflict, notFound, ok, timestamp, type AppContext, type AppResult, type WireFinding } from './context.js';
import { loadRevision } from './revision-content.js';
import { ACTION_LABELS, EDITABLE_STATES, STATE_LABELS } from './workflow-labels.js';

export type WorkflowView = {
  state: WorkflowState;
  stateLabel: string;
  stateRevision: number | null;
  steps: {
    action: WorkflowAction;
    actionLabel: string;
    fromState: WorkflowState;
    toState: WorkflowState;
    revisionNo: number;
    actor: string;
    at: string;
    comment: string | null;
    explanations: Record<string, string>;
  }[];
};

/** 审核流程: the dataset's state and every step so far, oldest first. */
export async function getWorkflow(ctx: AppContext, datasetId: number): Promise<AppResult<WorkflowView>> {
  const state = await lockFree(ctx, datasetId);
  if (state === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  const steps = await listWorkflowSteps(ctx.store.db, datasetId);
  return ok({
    ...state,
    stateLabel: STATE_LABELS[state.state],
    steps: steps.map((s) => ({
      action: s.action,
      actionLabel: ACTION_LABELS[s.action],
      fromState: s.fromState,
      toState: s.toState,
      revisionNo: s.revisionNo,
      actor: s.actor,
      at: s.at,
      comment: s.comment,
      explanations: s.explanations,
    })),
  });
}

async function lockFree(ctx: AppContext, datasetId: number) {
  const row = await ctx.store.db
    .selectFrom('datasets')
    .select(['state', 'state_revision'])
    .where('id', '=', datasetId)
    .executeTakeFirst();
  return row && { state: row.state as WorkflowState, stateRevision: row.state_revision };
}

type Transition = {
  action: WorkflowAction;
  /** States the step may start from, and the revision it must name (the state's, or the latest). */
  from: readonly WorkflowState[];
  to: WorkflowState;
  comment?: string | null;
  explanations?: Record<string, string>;
  /** Extra writes in the same transaction (the publication, a comment). */
  also?: (tx: Transaction<Database>, at: string) => Promise<void>;
};

const refusedFrom = (state: WorkflowState, action: WorkflowAction) =>
  conflict(`当前状态为“${STATE_LABELS[state]}”，不能${ACTION_LABELS[action]}`);

/**
 * One workflow step, all in one transaction: the dataset row is locked, its state and the named revision checked
 * again under the lock (a save or another step in between is seen), then the new state, the step and the audit
 * entry are written together.
 */
async function step(ctx: AppContext, datasetId: number, revisionNo: number, actor: Actor, t: Transition) {
  const departmentId = await departmentOfDataset(ctx.store.db, datasetId);
  if (departmentId === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  const at = timestamp(ctx);
  return inTransaction(ctx.store, async (tx): Promise<AppResult<null>> => {
    const current = await lockDatasetState(tx, datasetId);
    if (current === undefined) return notFound(`数据集 ${datasetId} 不存在`);
    if (!t.from.includes(current.state)) return refusedFrom(current.state, t.action);
    if (t.action === 'submit') {
      const latest = await latestRevisionNo(tx, datasetId);
      if (latest !== revisionNo) return conflict(`只能提交最新版本（第 ${latest ?? 0} 版），请刷新后再提交`);
    } else if (current.stateRevision !== revisionNo) {
      return conflict(`待${ACTION_LABELS[t.action]}的是第 ${current.stateRevision ?? 0} 版，不是第 ${revisionNo} 版`);
    }
    await setDatasetState(tx, datasetId, { state: t.to, stateRevision: revisionNo });
    const label = actorLabel(actor);
    const actorId = actor.kind === 'user' ? actor.id : null;
    const explanations = t.explanations ?? {};
    await insertWorkflowStep(tx, {
      datasetId,
      revisionNo,
      action: t.action,
      fromState: current.state,
      toState: t.to,
      actor: label,
      actorId,
      at,
      comment: t.comment ?? null,
      explanations,
    });
    await t.also?.(tx, at);
    const detail = { revisionNo, from: current.state, to: t.to, ...(t.comment == null ? {} : { comment: t.comment }) };
    const action = t.action === 'publish' ? 'revision.publish' : (`workflow.${t.action}` as const);
    await appendAudit(tx, {
      at,
      actor: label,
      actorRole: actorRole(actor),
      action,
      entity: 'dataset',
      entityId: datasetId,
      departmentId,
      detail,
    });
    return ok(null);
  });
}

async function answer(ctx: AppContext, datasetId: number, done: AppResult<null>): Promise<AppResult<WorkflowView>> {
  return done.ok ? getWorkflow(ctx, datasetId) : done;
}

/** What keeps a revision from being submitted: its errors, and its warnings the department has not explained. */
function blockingFindings(findings: readonly WireFinding[], explanations: Record<string, string>): WireFinding[] {
  return findings.filter(
    (f) => f.severity === 'error' || (f.severity === 'warning' && (explanations[f.key ?? '']?.trim() ?? '') === ''),
  );
}

/** 提交审核: the latest revision, with no error finding and an explanation for each warning. */
export async function submitRevision(
  ctx: AppContext,
  datasetId: number,
  revisionNo: number,
  explanations: Record<string, string>,
  actor: Actor,
): Promise<AppResult<WorkflowView>> {
  // A stale revision is refused before its findings are computed: the message then names the right cause.
  const latest = await latestRevisionNo(ctx.store.db, datasetId);
  if (latest !== undefined && latest !== revisionNo)
    return conflict(`只能提交最新版本（第 ${latest} 版），请刷新后再提交`);
  const evaluated = await datasetFindings(ctx, { datasetId, revisionNo });
  if (!evaluated.ok) return evaluated;
  const blocking = blockingFindings(evaluated.value.findings, explanations);
  if (blocking.length > 0) {
    const errors = blocking.filter((f) => f.severity === 'error').length;
    const unexplained = blocking.length - errors;
    const parts = [errors > 0 ? `${errors} 处错误` : '', unexplained > 0 ? `${unexplained} 条警告未说明原因` : ''];
    return conflict(`第 ${revisionNo} 版有 ${parts.filter((p) => p !== '').join('、')}，不能提交`, { blocking });
  }
  const warningKeys = new Set(evaluated.value.findings.filter((f) => f.severity === 'warning').map((f) => f.key));
  const kept = Object.fromEntries(
    Object.entries(explanations)
      .filter(([k]) => warningKeys.has(k))
      .map(([k, v]) => [k, v.trim()]),
  );
  const done = await step(ctx, datasetId, revisionNo, actor, {
    action: 'submit',
    from: EDITABLE_STATES,
    to: 'submitted',
    explanations: kept,
  });
  return answer(ctx, datasetId, done);
}

/** 退回: the submitted revision goes back to the department, with the reviewer's comment (this or a field comment). */
export async function returnRevision(
  ctx: AppContext,
  datasetId: number,
  revisionNo: number,
  comment: string | undefined,
  actor: Actor,
): Promise<AppResult<WorkflowView>> {
  const text = comment?.trim() ?? '';
  const hasFieldComment = await ctx.store.db
    .selectFrom('review_comments')
    .select('id')
    .where('dataset_id', '=', datasetId)
    .where('revision_no', '=', revisionNo)
    .where('author_role', '=', 'reviewer')
    .executeTakeFirst();
  if (text === '' && hasFieldComment === undefined)
    return conflict('退回须写明意见：请填写退回意见，或先对字段提出审核意见');
  const also = async (tx: Transaction<Database>, at: string) => {
    if (text === '') return;
    const author = actorLabel(actor);
    await insertComment(tx, {
      datasetId,
      revisionNo,
      path: null,
      body: text,
      author,
      authorId: actor.kind === 'user' ? actor.id : null,
      authorRole: actorRole(actor) ?? 'system',
      replyTo: null,
      createdAt: at,
    });
  };
  const done = await step(ctx, datasetId, revisionNo, actor, {
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    comment: text === '' ? null : text,
    also,
  });
  return answer(ctx, datasetId, done);
}

/** 审核通过: names the submitted revision. */
export async function approveRevision(ctx: AppContext, datasetId: number, revisionNo: number, actor: Actor) {
  const done = await step(ctx, datasetId, revisionNo, actor, {
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
  });
  return answer(ctx, datasetId, done);
}

/**
 * 发布: exactly the approved revision, with the SHA-256 of its content, so the portal can refuse content that was
 * changed in the database afterwards.
 */
export async function publishApproved(ctx: AppContext, datasetId: number, revisionNo: number, actor: Actor) {
  const revision = await loadRevision(ctx, datasetId, revisionNo);
  if (!revision.ok) return revision;
  const also = async (tx: Transaction<Database>, at: string) => {
    await recordPublication(tx, {
      datasetId,
      revisionNo,
      publishedAt: at,
      publishedBy: actorLabel(actor),
      contentHash: contentHash(revision.value.document),
    });
  };
  const done = await step(ctx, datasetId, revisionNo, actor, {
    action: 'publish',
    from: ['approved'],
    to: 'published',
    also,
  });
  return done.ok ? ok(null) : done;
}
