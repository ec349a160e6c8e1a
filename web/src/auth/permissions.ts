import type { Role, User } from '../api/review-types.js';
import type { WorkflowState } from '../api/types.js';

/**
 * What each role may do (docs/accounts-and-workflow.md, Roles). The server decides; the page only hides what
 * would be refused, so nobody is offered a button that answers 403.
 */
export type ReviewAction = 'submit' | 'return' | 'approve' | 'publish';

const ACTIONS_BY_STATE: Readonly<Record<Role, Readonly<Record<WorkflowState, readonly ReviewAction[]>>>> = {
  editor: { draft: ['submit'], returned: ['submit'], published: ['submit'], submitted: [], approved: [] },
  reviewer: { draft: [], returned: [], published: [], submitted: ['return', 'approve'], approved: ['publish'] },
  admin: { draft: [], returned: [], published: [], submitted: [], approved: [] },
};

export function reviewActions(user: User, state: WorkflowState): readonly ReviewAction[] {
  return ACTIONS_BY_STATE[user.role][state];
}

/** The submitted and the approved revision are frozen: the server refuses saves on them (409). */
export const isFrozen = (state: WorkflowState): boolean => state === 'submitted' || state === 'approved';

/** 部门填报人 of this department: creates, edits, imports, submits and answers for it. */
export const isEditorOf = (user: User, departmentId: number): boolean =>
  user.role === 'editor' && user.departments.some((d) => d.id === departmentId);

/** Only a department's editor changes its figures, and only outside review. */
export function mayEdit(user: User, departmentId: number, state: WorkflowState): boolean {
  return isEditorOf(user, departmentId) && !isFrozen(state);
}

/** Reviewers comment on the submitted revision; the department's editors answer on any revision. */
export function mayComment(user: User, state: WorkflowState): boolean {
  return user.role === 'reviewer' && state === 'submitted';
}

export const mayAnswer = isEditorOf;

/** 财政局总览 and 操作日志 are the bureau's pages. */
export const seesBureau = (user: User): boolean => user.role === 'reviewer' || user.role === 'admin';
export const seesAudit = seesBureau;
