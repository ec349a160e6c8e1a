import { contentHash } from '../store/audit-hash.js';
import {
  appendAudit,
  listAudit,
  verifyAuditChain,
  type AuditAction,
  type AuditFilter,
  type NewAuditEntry,
} from '../store/audit-repo.js';
import { ROLE_LABELS } from './actor.js';
import { ok, type AppContext, type AppResult } from './context.js';

/** 操作 as the interface names them. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'department.create': '新建部门',
  'department.update': '修改部门',
  'dataset.create': '新建数据集',
  'revision.save': '保存版本',
  'revision.publish': '发布',
  'dataset.import': '导入',
  'dataset.export': '导出',
  'dataset.read': '查看草稿',
  'report.download': '下载报告',
  'workflow.submit': '提交审核',
  'workflow.return': '退回修改',
  'workflow.approve': '审核通过',
  'comment.add': '审核意见',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.password': '修改密码',
  'session.login': '登录',
  'session.login-failed': '登录失败',
  'session.logout': '退出登录',
  'request.refused': '被拒绝的操作',
};

export async function listAuditEntries(ctx: AppContext, filter: AuditFilter) {
  const entries = await listAudit(ctx.store.db, { ...filter, limit: Math.min(filter.limit ?? 100, 500) });
  return ok(
    entries.map((e) => ({
      ...e,
      actorRole: e.actorRole ?? null,
      roleLabel: e.actorRole == null ? null : (ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? null),
      departmentId: e.departmentId ?? null,
      actionLabel: AUDIT_ACTION_LABELS[e.action] ?? e.action,
    })),
  );
}

/** Records one audit entry outside any other write (reads, downloads, refused requests). */
export async function recordAudit(ctx: AppContext, entry: Omit<NewAuditEntry, 'at'>): Promise<void> {
  await appendAudit(ctx.store.db, { ...entry, at: ctx.now().toISOString() });
}

export type LogVerdict = {
  entries: number;
  problems: { id: number | null; message: string }[];
  publications: number;
};

const BREAK_MESSAGES = {
  edited: '内容被修改（校验值不符）',
  'missing-before': '其前的记录被删除或修改（链接断开）',
  'head-mismatch': '最新的记录被删除或日志链头被改动',
  'count-mismatch': '记录条数与日志链头不符（有记录被删除）',
} as const;

/** 日志核验: the audit chain from its first entry, and every publication's content against its recorded hash. */
export async function verifyLog(ctx: AppContext): Promise<AppResult<LogVerdict>> {
  const chain = await verifyAuditChain(ctx.store.db);
  const problems: LogVerdict['problems'] = chain.breaks.map((b) => ({ id: b.id, message: BREAK_MESSAGES[b.reason] }));
  const published = await ctx.store.db
    .selectFrom('publications as p')
    .innerJoin('revisions as r', (j) =>
      j.onRef('r.dataset_id', '=', 'p.dataset_id').onRef('r.revision_no', '=', 'p.revision_no'),
    )
    .select(['p.id', 'p.dataset_id', 'p.revision_no', 'p.content_hash', 'r.document'])
    .execute();
  for (const p of published) {
    if (p.content_hash !== null && p.content_hash !== contentHash(p.document))
      problems.push({
        id: null,
        message: `数据集 ${p.dataset_id} 已公开的第 ${p.revision_no} 版内容与发布时的校验值不符`,
      });
  }
  return ok({ entries: chain.entries, problems, publications: published.length });
}
