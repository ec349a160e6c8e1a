import { getJson, request, withQuery } from './http.js';
import type { AuditEntry, AuditQuery, NewComment, ReviewComment, SessionAnswer, Workflow } from './review-types.js';
import type { FindingsAnswer } from './types.js';

/** Sign-in and the account's own password (docs/accounts-and-workflow.md, Sessions). */
export const authApi = {
  /** 401 when there is no session: the caller shows the login page. */
  session: () => getJson<SessionAnswer>('/api/auth/session'),
  login: (name: string, password: string) => request<SessionAnswer>('POST', '/api/auth/login', { name, password }),
  logout: () => request<null>('POST', '/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<null>('POST', '/api/auth/password', { currentPassword, newPassword }),
};

/** The review workflow and its comments, per dataset. */
export const reviewApi = {
  workflow: (id: number) => getJson<Workflow>(`/api/datasets/${id}/workflow`),
  /** Refused with 409 and `details.blocking` while errors or unexplained warnings remain. */
  submit: (id: number, revisionNo: number, explanations: Record<string, string>) =>
    request<unknown>('POST', `/api/datasets/${id}/submit`, { revisionNo, explanations }),
  return: (id: number, revisionNo: number, comment: string | undefined) =>
    request<unknown>(
      'POST',
      `/api/datasets/${id}/return`,
      comment === undefined ? { revisionNo } : { revisionNo, comment },
    ),
  approve: (id: number, revisionNo: number) => request<unknown>('POST', `/api/datasets/${id}/approve`, { revisionNo }),
  /** 发布: names the approved revision; the portal then shows it. */
  publish: (id: number, revisionNo: number) => request<unknown>('POST', `/api/datasets/${id}/publish`, { revisionNo }),
  comments: (id: number) => getJson<ReviewComment[]>(`/api/datasets/${id}/comments`),
  addComment: (id: number, comment: NewComment) =>
    request<ReviewComment>('POST', `/api/datasets/${id}/comments`, comment),
  /** The server's findings of a revision (data checks, scoring, problems), each with its `key`. */
  findings: (id: number, revision: number) =>
    getJson<FindingsAnswer>(withQuery(`/api/datasets/${id}/findings`, { revision })),
};

export const auditApi = {
  entries: (query: AuditQuery) => getJson<AuditEntry[]>(withQuery('/api/audit', query)),
};
