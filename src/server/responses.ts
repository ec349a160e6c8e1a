import { z } from 'zod';
import { errorResponses } from './contract.js';

/**
 * The API's 2xx answers as zod schemas, one per wire function of src/app (wire.ts, score-wire.ts, analysis.ts,
 * …): they document the OpenAPI responses and serialize each answer. Objects are loose: the fields listed are the
 * contract, and a field added later is passed through rather than dropped.
 */
const amount = z.string().meta({ description: '金额：数据集金额单位下两位小数字符串，如 "840.75"' });
const rate = z.string().nullable().meta({ description: '百分比两位小数字符串，如 "84.87"；分母为零时为 null' });
const path = z.array(z.union([z.string(), z.number()]));

export const healthResponse = z.looseObject({
  status: z.literal('ok'),
  database: z.string(),
  time: z.string(),
  overviewCache: z
    .enum(['off', 'warming', 'warm', 'failed'])
    .optional()
    .meta({ description: '财政局总览缓存的启动预热：未启用 | 进行中 | 已完成 | 失败（请求仍可正常计算）' }),
});

export const department = z
  .looseObject({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    parentId: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Department' });
export const departmentTree = department
  .extend({ children: z.array(z.looseObject({})).meta({ description: '下级部门（同结构，递归）' }) })
  .meta({ id: 'DepartmentTree' });

export const revisionSummary = z
  .looseObject({
    revisionNo: z.number().int(),
    basedOn: z.number().int().nullable(),
    author: z.string(),
    createdAt: z.string(),
    summary: z.string(),
    changeCount: z.number().int(),
    publishedAt: z.string().nullable().meta({ description: '该版本最近一次发布的时间；未发布为 null' }),
    publishedBy: z.string().nullable(),
    unit: z.string(),
    keyFigures: z.looseObject({
      yearStartBudgetTotal: amount,
      fullYearBudgetTotal: amount,
      incomeTotal: amount,
      expenditureTotal: amount,
      executionRate: rate,
      errorCount: z.number().int(),
      warningCount: z.number().int(),
    }),
  })
  .meta({ id: 'RevisionSummary' });

const publication = z
  .looseObject({ revisionNo: z.number().int(), publishedAt: z.string(), publishedBy: z.string() })
  .nullable()
  .meta({ description: '最新公开版本（最近一次发布的版本，可能早于最新版）；从未发布为 null' });

export const datasetSummary = z
  .looseObject({
    id: z.number().int(),
    departmentId: z.number().int(),
    departmentCode: z.string(),
    departmentName: z.string(),
    fiscalYear: z.number().int(),
    createdAt: z.string(),
    latestRevision: revisionSummary,
    latestPublishedRevision: publication,
    state: z.string().meta({ description: '审核状态：draft | submitted | returned | approved | published' }),
    stateLabel: z.string(),
    stateRevision: z.number().int().nullable().meta({ description: '已提交、已审核通过或已公开的版本号；草稿为 null' }),
  })
  .meta({ id: 'DatasetSummary' });

const document = z.record(z.string(), z.unknown()).meta({ description: '数据集文档（金额为精确小数字符串）' });

export const datasetDetail = datasetSummary
  .extend({
    document,
    writtenRevision: z
      .number()
      .int()
      .optional()
      .meta({ description: '写入（保存、新建、导入）时：本次写入的版本号；latestRevision 与 document 即该版本' }),
  })
  .meta({ id: 'DatasetDetail' });

export const revisionDetail = revisionSummary.extend({ document }).meta({ id: 'Revision' });

const change = z.looseObject({ path, pathText: z.string(), old: z.unknown(), new: z.unknown() });
export const diffResponse = z.looseObject({ from: z.number().int(), to: z.number().int(), changes: z.array(change) });

const finding = z.looseObject({
  severity: z.string(),
  code: z.string(),
  message: z.string(),
  path,
  pathText: z.string(),
});
export const findingsResponse = z.looseObject({
  counts: z.looseObject({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  findings: z.array(finding),
});

export const figuresResponse = z.looseObject({
  unit: z.string(),
  amounts: z.record(z.string(), amount),
  percents: z.record(z.string(), rate),
  projects: z.array(z.looseObject({ name: z.string() })),
});

const scoreLine = z.looseObject({ name: z.string(), weight: z.string(), score: z.string(), explanation: z.unknown() });
const formScore = z.looseObject({
  index: z.number().int(),
  scope: z.string(),
  title: z.string(),
  name: z.string(),
  levels: z.array(
    z.looseObject({
      name: z.string(),
      packWeight: z.string().nullable(),
      indicatorWeight: z.string(),
      score: z.string(),
    }),
  ),
  indicators: z.array(
    z.looseObject({
      level1: z.string(),
      level2: z.string().nullable(),
      name: z.string(),
      weight: z.string(),
      score: z.string(),
    }),
  ),
  total: z.string().meta({ description: '按规则包计算的总分，两位小数字符串' }),
  grade: z.string(),
  declaredTotal: z.string().nullable().meta({ description: '表中所填总分，照录' }),
  declaredGrade: z.string().nullable(),
});
export const scoreResponse = z.looseObject({
  pack: z.string(),
  packTitle: z.string(),
  items: z.array(scoreLine),
  subtotal: z.string().nullable(),
  total: z.string().nullable().meta({ description: '总分，两位小数字符串；没有自评表的文档（决算说明）为 null' }),
  grade: z.string().nullable(),
  kind: z.string().meta({ description: '文档类型：report、departmentForm、projectForm、finalAccounts' }),
  forms: z
    .array(formScore)
    .meta({ description: '文档所附各张自评表（dataset.forms）按其表式单独计分；自评表文档的得分即在此' }),
  findings: z.array(finding),
});

export const problemsResponse = z.array(
  z.looseObject({ key: z.string(), code: z.string(), message: z.string(), text: z.string(), path }),
);

export const importResponse = z
  .looseObject({
    saved: z.boolean().meta({ description: 'false：dryRun，只校验；true：已保存（其余字段同 DatasetDetail）' }),
  })
  .meta({ id: 'ImportResult' });

export const publishedReport = z.looseObject({
  datasetId: z.number().int(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  fiscalYear: z.number().int(),
  revision: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});

const overviewFailure = z
  .looseObject({
    code: z
      .string()
      .meta({ description: 'DOCUMENT_UNREADABLE | RULE_PACK_UNKNOWN | EVALUATION_FAILED | REVISION_MISSING' }),
    message: z.string(),
  })
  .nullable()
  .meta({ description: 'status 为 error 时：无法计算的原因；否则为 null' });

/** 财政局总览 one row (src/app/overview.ts `rowOf`): the working copy under its pack, via selfEvaluate. */
export const overviewRow = z
  .looseObject({
    datasetId: z.number().int(),
    fiscalYear: z.number().int(),
    department: z.looseObject({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      parentId: z.number().int().nullable(),
    }),
    latestRevision: z.number().int().nullable().meta({ description: '最新版本号（计算所用的版本）' }),
    latestPublishedRevision: publication,
    status: z
      .enum(['published', 'has-errors', 'incomplete', 'ready', 'error'])
      .meta({ description: '已公开 | 有错误 | 待完善 | 可提交 | 无法计算（见 failure）' }),
    statusLabel: z.string(),
    failure: overviewFailure,
    rulePack: z.string().nullable(),
    executionRate: rate.meta({ description: '部门预算执行率（全年预算口径）' }),
    executionRateYearStart: rate,
    projectExecutionRateYearStart: rate.meta({ description: '项目预算执行率（年初预算口径）' }),
    projectExecutionRateFullYear: rate.meta({ description: '项目预算执行率（全年预算口径）' }),
    payments: z.array(
      z.looseObject({
        month: z.number().int(),
        progress: rate.meta({ description: '累计支付进度' }),
        schedule: z.string().meta({ description: '序时进度（规则包口径）' }),
        behind: z.boolean(),
      }),
    ),
    scoreTotal: z.string().nullable().meta({ description: '总分，两位小数字符串' }),
    grade: z.string().nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    infoCount: z.number().int(),
  })
  .meta({ id: 'OverviewRow' });

/** A file answer: its content types (the body is the file itself). */
export function fileResponse(description: string, contentTypes: readonly string[]) {
  const binary = z.string().meta({ format: 'binary' });
  return {
    description,
    content: Object.fromEntries(contentTypes.map((t) => [t.split(';')[0]?.trim() ?? t, { schema: binary }])),
  };
}

/** The 2xx answer (at `status`) and every error answer. */
export function responses<S extends number, T>(status: S, body: T) {
  return { [status]: body, ...errorResponses } as { [K in S]: T } & typeof errorResponses;
}

const userDepartment = z.looseObject({ id: z.number().int(), code: z.string(), name: z.string() });
export const userResponse = z
  .looseObject({
    id: z.number().int(),
    name: z.string(),
    displayName: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    disabled: z.boolean(),
    departments: z.array(userDepartment),
  })
  .meta({ id: 'User' });
export const sessionResponse = z
  .looseObject({ user: userResponse, csrfToken: z.string(), expiresAt: z.string() })
  .meta({ id: 'Session' });
export const workflowResponse = z
  .looseObject({
    state: z.string(),
    stateLabel: z.string(),
    stateRevision: z.number().int().nullable(),
    steps: z.array(
      z.looseObject({
        action: z.string(),
        actionLabel: z.string(),
        fromState: z.string(),
        toState: z.string(),
        revisionNo: z.number().int(),
        actor: z.string(),
        at: z.string(),
        comment: z.string().nullable(),
        explanations: z.record(z.string(), z.string()),
      }),
    ),
  })
  .meta({ id: 'Workflow' });
export const commentResponse = z
  .looseObject({
    id: z.number().int(),
    revisionNo: z.number().int(),
    path: z.string().nullable(),
    body: z.string(),
    author: z.string(),
    authorRole: z.string(),
    roleLabel: z.string(),
    replyTo: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReviewComment' });
export const auditEntryResponse = z
  .looseObject({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    actorRole: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    entity: z.string(),
    entityId: z.number().int().nullable(),
    departmentId: z.number().int().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
/** 204: no body. */
export const noContent = z.null().meta({ description: '无内容' });
