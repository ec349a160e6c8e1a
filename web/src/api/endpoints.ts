import { getJson, request, withQuery } from './http.js';
import type {
  AuditAnswer,
  DatasetDetail,
  DatasetDocument,
  DatasetSummary,
  DepartmentSummary,
  DraftedProblem,
  FindingsAnswer,
  ImportAnswer,
  OverviewRowWire,
  PublishedReport,
  RevisionDetail,
  RevisionSummary,
  ScoreResult,
} from './types.js';

export type UploadFormat = 'xlsx' | 'json' | 'yaml';

/** The content type the server expects for each importable format. */
export const UPLOAD_TYPES: Readonly<Record<UploadFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  yaml: 'application/yaml',
};

/** The import format by file extension (.xlsx unless the name says .json or .yaml/.yml). */
export function uploadFormat(fileName: string): UploadFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  return name.endsWith('.yaml') || name.endsWith('.yml') ? 'yaml' : 'xlsx';
}

/** Every route the web app calls, in one place (the API contract lives in src/server). */
export const api = {
  departments: () => getJson<DepartmentSummary[]>('/api/departments'),
  department: (id: number) => getJson<DepartmentSummary>(`/api/departments/${id}`),
  datasets: (query: { departmentId?: number; year?: number } = {}) =>
    getJson<DatasetSummary[]>(withQuery('/api/datasets', query)),
  dataset: (id: number) => getJson<DatasetDetail>(`/api/datasets/${id}`),
  /** 新建部门 (administrators): code, name and the parent department. */
  createDepartment: (body: { code: string; name: string; parentId?: number }) =>
    request<DepartmentSummary>('POST', '/api/departments', body),
  /** 以上年为基础新建: the next year of the dataset's department, carrying over only what carries. */
  rollover: (id: number) => request<DatasetDetail>('POST', `/api/datasets/${id}/rollover`),
  createDataset: (departmentId: number, document: DatasetDocument) =>
    request<DatasetDetail>('POST', '/api/datasets', { departmentId, document }),
  /** A new revision on top of `baseRevision`; 409 (ConflictBody) when someone saved in between. */
  save: (id: number, baseRevision: number, document: DatasetDocument) =>
    request<DatasetDetail>('PUT', `/api/datasets/${id}`, { baseRevision, document }),
  /**
   * 导入 a file as a new revision (`dryRun`: only read, answering the file's document, for the preview). The body is re-typed from the file name: browsers often give an .xlsx no
   * content type (or a wrong one), which the server would refuse with 415.
   */
  importFile: (id: number, baseRevision: number, file: File, dryRun = false) => {
    const format = uploadFormat(file.name);
    const body = new Blob([file], { type: UPLOAD_TYPES[format] });
    const query = { format, baseRevision, ...(dryRun ? { dryRun: 'true' } : {}) };
    return request<ImportAnswer>('POST', withQuery(`/api/datasets/${id}/import`, query), body);
  },
  /**
   * 导入为新年度: a file as a new dataset of the department (POST /api/import); 409 when the department already
   * has that year (import into that dataset instead). `dryRun` only reads the file and answers its document.
   */
  importNew: (departmentId: number, file: File, dryRun = false) => {
    const format = uploadFormat(file.name);
    const body = new Blob([file], { type: UPLOAD_TYPES[format] });
    const query = { departmentId, format, ...(dryRun ? { dryRun: 'true' } : {}) };
    return request<ImportAnswer>('POST', withQuery('/api/import', query), body);
  },
  /**
   * 核对已有报告: a report as published (Word, PDF, Excel, web page or text) read into its figures, findings and a
   * draft dataset. Nothing is stored; the draft becomes a dataset through `importNew`.
   */
  auditReport: (file: File) =>
    request<AuditAnswer>(
      'POST',
      withQuery('/api/audit-report', { fileName: file.name }),
      new Blob([file], { type: 'application/octet-stream' }),
    ),
  /** 版本列表, newest first. */
  revisions: (id: number) => getJson<RevisionSummary[]>(`/api/datasets/${id}/revisions`),
  revision: (id: number, revisionNo: number) => getJson<RevisionDetail>(`/api/datasets/${id}/revisions/${revisionNo}`),
  /** 核对发现 of a saved revision (the latest when omitted), exactly as `jixiao check` lists them. */
  findings: (id: number, revision?: number) =>
    getJson<FindingsAnswer>(withQuery(`/api/datasets/${id}/findings`, { revision })),
  score: (id: number) => getJson<ScoreResult>(`/api/datasets/${id}/score`),
  problems: (id: number) => getJson<DraftedProblem[]>(`/api/datasets/${id}/problems`),
  /** 财政局总览: one computed row per dataset of the year (optionally of one department), from the server. */
  overview: (year: number, departmentId?: number) =>
    getJson<OverviewRowWire[]>(withQuery('/api/overview', { year, departmentId })),
  published: (year?: number) => getJson<PublishedReport[]>(withQuery('/api/public/reports', { year })),
};

/** `xlsx`: the report's printed 自评表, one worksheet each (not the data-entry workbook of `exportWorkbook`). */
export type ReportFormat = 'html' | 'docx' | 'pdf' | 'md' | 'xlsx';

/** Links (downloads and the preview) are plain URLs: the browser fetches them itself. */
export const urls = {
  report: (id: number, format: ReportFormat) => `/api/datasets/${id}/report?format=${format}`,
  exportWorkbook: (id: number) => `/api/datasets/${id}/export?format=xlsx`,
  template: () => '/api/template.xlsx',
  publicReport: (datasetId: number, format: ReportFormat) => `/api/public/reports/${datasetId}?format=${format}`,
};
