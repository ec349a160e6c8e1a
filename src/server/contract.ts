import { z } from 'zod';
import { OVERVIEW_PAGE_MAX } from '../app/overview-answer.js';
import { REPORT_FORMATS } from '../report/render/formats.js';

/**
 * The largest id or revision number: ids live in PostgreSQL `integer` columns, so a larger one is a 400 here
 * instead of a pg "out of range" (22003) error and a 500.
 */
export const MAX_ID = 2_147_483_647;

/** The API's request schemas: validation, OpenAPI document and the web client's reference, in one place. */
/**
 * A whole number written in plain decimal digits: `+1`, `0x10`, `1e3`, ` 7` or `1.0` are not ids (z.coerce would
 * take them all), so one resource has exactly one URL.
 */
const digits = (pattern: RegExp, message: string) => z.string().regex(pattern, { message }).transform(Number);
const id = digits(/^[1-9]\d{0,9}$/, '应为正整数').pipe(z.number().int().positive().max(MAX_ID));
const bodyId = z.number().int().positive().max(MAX_ID);
/** A fiscal year filter: any integer a PostgreSQL `integer` column can be compared with. */
const year = digits(/^-?\d{1,10}$/, '应为整数').pipe(z.number().int().min(-MAX_ID).max(MAX_ID));

export const idParams = z.object({ id: id.meta({ description: '编号' }) });
export const revisionParams = z.object({
  id,
  revisionNo: id.meta({ description: '版本号' }),
});

export const departmentCreateBody = z.strictObject({
  code: z.string().min(1).max(64).meta({ description: '部门编码（唯一）' }),
  name: z.string().min(1).max(200).meta({ description: '部门名称' }),
  parentId: bodyId.nullable().default(null).meta({ description: '上级部门编号' }),
});
export const departmentUpdateBody = z.strictObject({
  code: z.string().min(1).max(64).optional(),
  name: z.string().min(1).max(200).optional(),
  parentId: bodyId.nullable().optional(),
});
export const departmentListQuery = z.object({ parentId: id.optional() });

/** A dataset document: validated by the dataset schema (src/domain/dataset) in the use case, with located findings. */
const document = z.record(z.string(), z.unknown()).meta({
  description: '数据集文档（金额为数据集金额单位下的精确小数字符串）；字段见 schema/dataset.schema.json',
});

export const datasetCreateBody = z.strictObject({ departmentId: bodyId, document });
export const datasetSaveBody = z.strictObject({
  baseRevision: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_ID)
    .meta({ description: '本次修改所基于的版本号；不是最新版时返回 409' }),
  document,
  note: z.string().max(500).optional().meta({ description: '修改说明' }),
});
export const datasetListQuery = z.object({
  departmentId: id.optional(),
  fiscalYear: year.optional(),
  year: year.optional().meta({ description: '同 fiscalYear' }),
});
export const revisionQuery = z.object({ revision: id.optional().meta({ description: '版本号，缺省为最新版' }) });
export const diffQuery = z.object({ from: id, to: id });
export const publishBody = z.strictObject({ revisionNo: bodyId.meta({ description: '已审核通过的版本号' }) });

const text = (max: number) => z.string().trim().min(1).max(max);
const roleEnum = z
  .enum(['editor', 'reviewer', 'admin'])
  .meta({ description: 'editor 部门填报人 | reviewer 财政局审核人 | admin 系统管理员' });

export const loginBody = z.strictObject({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export const userCreateBody = z.strictObject({
  name: z.string().min(2).max(64).meta({ description: '登录名：字母、数字、点、下划线、连字符' }),
  displayName: text(100),
  role: roleEnum,
  departmentIds: z.array(bodyId).max(1000).default([]),
  password: z.string().min(1).max(200),
});
export const userUpdateBody = z.strictObject({
  displayName: text(100).optional(),
  role: roleEnum.optional(),
  departmentIds: z.array(bodyId).max(1000).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
});
export const submitBody = z.strictObject({
  revisionNo: bodyId.meta({ description: '提交的版本号（须为最新版）' }),
  explanations: z
    .record(z.string().max(500), z.string().max(2000))
    .default({})
    .meta({ description: '对每条警告的说明：键为发现的 key（CODE@$.path）' }),
});
export const returnBody = z.strictObject({
  revisionNo: bodyId,
  comment: z.string().max(2000).optional().meta({ description: '退回意见（已对字段提出意见时可省略）' }),
});
export const approveBody = z.strictObject({ revisionNo: bodyId });
export const commentBody = z.strictObject({
  revisionNo: bodyId,
  body: text(2000),
  path: z
    .string()
    .max(500)
    .optional()
    .meta({ description: '字段的 JSON 路径（与发现的 pathText 相同），缺省为对整份报告' }),
  replyTo: bodyId.optional().meta({ description: '答复的审核意见编号' }),
});
export const commentsQuery = z.object({ revision: id.optional().meta({ description: '只看该版本的意见' }) });
export const auditQuery = z.object({
  departmentId: id.optional(),
  user: z.string().max(200).optional().meta({ description: '操作人（如 雨花区填报员（yuhua））' }),
  action: z.string().max(64).optional(),
  before: id.optional().meta({ description: '只看编号小于此值的记录（翻页）' }),
  limit: digits(/^\d{1,4}$/, '应为 1–500 的整数')
    .pipe(z.number().int().min(1).max(500))
    .optional(),
});

export const reportQuery = revisionQuery.extend({
  format: z.enum(REPORT_FORMATS as ['docx', 'pdf', 'html', 'md', 'xlsx']).default('docx'),
});
export const fileFormat = z.enum(['xlsx', 'json', 'yaml']);
export const exportQuery = revisionQuery.extend({ format: fileFormat.default('xlsx') });
export const importQuery = z.object({
  format: fileFormat.optional().meta({ description: '缺省按 fileName 的扩展名，再按 Content-Type 判断' }),
  fileName: z
    .string()
    .max(255)
    .optional()
    .meta({ description: '上传的文件名（如 2020-自评.xlsx），用其扩展名判断格式' }),
  departmentId: id.optional(),
  baseRevision: digits(/^\d{1,10}$/, '应为非负整数')
    .pipe(z.number().int().nonnegative().max(MAX_ID))
    .optional(),
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'true：只校验，不保存' }),
});
export const overviewQuery = z.object({
  year: year.meta({ description: '预算年度（必填）' }),
  departmentId: id.optional().meta({ description: '只看一个部门（历年对比逐年调用）' }),
  offset: digits(/^\d{1,10}$/, '应为非负整数')
    .pipe(z.number().int().min(0).max(MAX_ID))
    .default(0)
    .meta({ description: '跳过前若干行（分页；按部门编码排序）' }),
  limit: digits(/^\d{1,4}$/, `应为 1–${OVERVIEW_PAGE_MAX} 的整数`)
    .pipe(z.number().int().min(1).max(OVERVIEW_PAGE_MAX))
    .default(OVERVIEW_PAGE_MAX)
    .meta({ description: `每页行数（缺省 ${OVERVIEW_PAGE_MAX}，即不超过该数时一次返回全部；总行数见 X-Total-Count）` }),
});
export const publicListQuery = z.object({ year: year.optional() });
export const publishedZipQuery = z.object({ year: year.meta({ description: '年度' }) });
export const publicReportQuery = z.object({ format: reportQuery.shape.format });

const finding = z.object({
  severity: z.string(),
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  pathText: z.string(),
  location: z.string().optional().meta({ description: '单元格（项目!C7）或 文件:行' }),
});

/** Every refusal: a stable code, a Chinese message, located findings (400) or both versions (409). */
export const errorBody = z
  .object({
    error: z.string().meta({
      description:
        'NOT_FOUND | INVALID | CONFLICT | NOT_IMPLEMENTED | UNAUTHENTICATED | FORBIDDEN | CSRF | THROTTLED | INTEGRITY | BUSY | TOO_LARGE | INTERNAL',
    }),
    message: z.string(),
    findings: z.array(finding).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ErrorBody' });

/** Every route can refuse: bad request, unknown id, conflict, not implemented, and a logged 500. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
  429: errorBody,
  500: errorBody,
  501: errorBody,
  503: errorBody,
} as const;
