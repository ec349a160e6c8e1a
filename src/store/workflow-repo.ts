import { sql } from 'kysely';
import type { Executor } from './executor.js';

/** 审核状态 of a dataset (one department, one year). */
export type WorkflowState = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type WorkflowAction = 'submit' | 'return' | 'approve' | 'publish';

export type DatasetState = { state: WorkflowState; stateRevision: number | null };

export type WorkflowStep = {
  id: number;
  datasetId: number;
  revisionNo: number;
  action: WorkflowAction;
  fromState: WorkflowState;
  toState: WorkflowState;
  actor: string;
  actorId: number | null;
  at: string;
  comment: string | null;
  explanations: Record<string, string>;
};

/**
 * Reads a dataset's state and locks its row for the rest of the transaction (a no-op update: PostgreSQL takes
 * the row lock, SQLite runs one writer at a time), so a save and a submission of one dataset never interleave.
 */
export async function lockDatasetState(tx: Executor, datasetId: number): Promise<DatasetState | undefined> {
  await sql`update datasets set state = state where id = ${datasetId}`.execute(tx);
  const row = await tx
    .selectFrom('datasets')
    .select(['state', 'state_revision'])
    .where('id', '=', datasetId)
    .executeTakeFirst();
  return row && { state: row.state as WorkflowState, stateRevision: row.state_revision };
}

export async function setDatasetState(tx: Executor, datasetId: number, state: DatasetState): Promise<void> {
  await tx
    .updateTable('datasets')
    .set({ state: state.state, state_revision: state.stateRevision })
    .where('id', '=', datasetId)
    .execute();
}

export async function insertWorkflowStep(tx: Executor, step: Omit<WorkflowStep, 'id'>): Promise<void> {
  await tx
    .insertInto('workflow_steps')
    .values({
      dataset_id: step.datasetId,
      revision_no: step.revisionNo,
      action: step.action,
      from_state: step.fromState,
      to_state: step.toState,
      actor: step.actor,
      actor_id: step.actorId,
      at: step.at,
      comment: step.comment,
      detail: JSON.stringify({ explanations: step.explanations }),
    })
    .execute();
}

/** A dataset's steps, oldest first. */
export async function listWorkflowSteps(db: Executor, datasetId: number): Promise<WorkflowStep[]> {
  const rows = await db
    .selectFrom('workflow_steps')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    datasetId: r.dataset_id,
    revisionNo: r.revision_no,
    action: r.action as WorkflowAction,
    fromState: r.from_state as WorkflowState,
    toState: r.to_state as WorkflowState,
    actor: r.actor,
    actorId: r.actor_id,
    at: r.at,
    comment: r.comment,
    explanations: (JSON.parse(r.detail) as { explanations?: Record<string, string> }).explanations ?? {},
  }));
}

/** 审核意见. */
export type ReviewComment = {
  id: number;
  datasetId: number;
  revisionNo: number;
  path: string | null;
  body: string;
  author: string;
  authorId: number | null;
  authorRole: string;
  replyTo: number | null;
  createdAt: string;
};

export async function insertComment(db: Executor, comment: Omit<ReviewComment, 'id'>): Promise<number> {
  const row = await db
    .insertInto('review_comments')
    .values({
      dataset_id: comment.datasetId,
      revision_no: comment.revisionNo,
      path: comment.path,
      body: comment.body,
      author: comment.author,
      author_id: comment.authorId,
      author_role: comment.authorRole,
      reply_to: comment.replyTo,
      created_at: comment.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listComments(db: Executor, datasetId: number, revisionNo?: number): Promise<ReviewComment[]> {
  let query = db.selectFrom('review_comments').selectAll().where('dataset_id', '=', datasetId).orderBy('id');
  if (revisionNo !== undefined) query = query.where('revision_no', '=', revisionNo);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    datasetId: r.dataset_id,
    revisionNo: r.revision_no,
    path: r.path,
    body: r.body,
    author: r.author,
    authorId: r.author_id,
    authorRole: r.author_role,
    replyTo: r.reply_to,
    createdAt: r.created_at,
  }));
}

/** The department of a dataset (what authorization checks against); undefined when there is no such dataset. */
export async function departmentOfDataset(db: Executor, datasetId: number): Promise<number | undefined> {
  const row = await db.selectFrom('datasets').select('department_id').where('id', '=', datasetId).executeTakeFirst();
  return row?.department_id;
}
