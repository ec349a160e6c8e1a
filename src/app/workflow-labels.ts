import type { WorkflowAction, WorkflowState } from '../store/workflow-repo.js';

/** 审核状态 as the interface names them. */
export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核通过',
  published: '已公开',
};

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = {
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '发布',
};

/** States in which the department may still change its figures. */
export const EDITABLE_STATES: readonly WorkflowState[] = ['draft', 'returned', 'published'];
