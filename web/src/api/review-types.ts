import type { WorkflowState } from './types.js';

/**
 * Accounts, sessions, the review workflow, comments and the audit log as the API answers them
 * (docs/accounts-and-workflow.md is the contract).
 */

export type Role = 'editor' | 'reviewer' | 'admin';

export type User = {
  id: number;
  name: string;
  displayName: string;
  role: Role;
  /** 部门填报人 / 财政局审核人 / 系统管理员, from the server. */
  roleLabel: string;
  departments: { id: number; code: string; name: string }[];
  disabled?: boolean;
};

/** GET /api/auth/session and POST /api/auth/login. */
export type SessionAnswer = { user: User; csrfToken: string; expiresAt: string };

export type WorkflowAction = 'submit' | 'return' | 'approve' | 'publish';

export type WorkflowStep = {
  action: WorkflowAction;
  actionLabel: string;
  fromState: WorkflowState;
  toState: WorkflowState;
  revisionNo: number;
  actor: string;
  at: string;
  comment: string | null;
  /** 说明 of each warning at submission, by the finding's key. */
  explanations: Record<string, string>;
};

export type Workflow = {
  state: WorkflowState;
  stateLabel: string;
  stateRevision: number | null;
  steps: WorkflowStep[];
};

/** 审核意见: `path` is a finding-style pathText (`$.projects[1].actual`), null for the whole report. */
export type ReviewComment = {
  id: number;
  revisionNo: number;
  path: string | null;
  body: string;
  author: string;
  authorRole: Role;
  roleLabel: string;
  replyTo: number | null;
  createdAt: string;
};

export type NewComment = { revisionNo: number; body: string; path?: string; replyTo?: number };

/** 操作日志 entry, newest first. */
export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  actionLabel: string;
  entity: string | null;
  entityId: number | string | null;
  departmentId: number | null;
  detail: unknown;
};

export type AuditQuery = { departmentId?: number; user?: string; action?: string; limit?: number; before?: number };
