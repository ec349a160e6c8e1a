import {
  datasetFigures,
  datasetFindings,
  datasetProblems,
  datasetScore,
  type RevisionRef,
} from '../../app/analysis.js';
import type { AppContext } from '../../app/context.js';
import { publishedReportsZip } from '../../app/published-zip.js';
import { datasetReport, REPORT_CONTENT_TYPES } from '../../app/report.js';
import { idParams, publishedZipQuery, reportQuery, revisionQuery } from '../contract.js';
import {
  figuresResponse,
  fileResponse,
  findingsResponse,
  problemsResponse,
  responses,
  scoreResponse,
} from '../responses.js';
import { send, sendFile, sendStream } from '../reply.js';
import type { ZodApp } from './types.js';
import { SIGNED_IN, type AccessRule } from '../access.js';

const READ: { access: AccessRule } = { access: { roles: SIGNED_IN, scope: 'dataset' } };
const DOWNLOAD: { access: AccessRule } = { access: { roles: SIGNED_IN, scope: 'dataset', audit: 'report.download' } };
/** The bureau's download of every published report of a year: reviewers and administrators. */
const BUREAU_DOWNLOAD: { access: AccessRule } = { access: { roles: ['reviewer', 'admin'], audit: 'report.download' } };

const tags = ['计算与报告'];
const ref = (id: number, revision: number | undefined): RevisionRef =>
  revision === undefined ? { datasetId: id } : { datasetId: id, revisionNo: revision };
const schema = (summary: string, body: object) => ({
  tags,
  summary,
  params: idParams,
  querystring: revisionQuery,
  response: responses(200, body),
});

export function analysisRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/datasets/:id/figures',
    { config: READ, schema: schema('派生数（金额为两位小数字符串）', figuresResponse) },
    async (req, reply) => send(reply, await datasetFigures(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get(
    '/api/datasets/:id/findings',
    { config: READ, schema: schema('核对发现（与 jixiao check 相同）', findingsResponse) },
    async (req, reply) => send(reply, await datasetFindings(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get(
    '/api/datasets/:id/score',
    { config: READ, schema: schema('自评得分（按规则包）', scoreResponse) },
    async (req, reply) => send(reply, await datasetScore(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get(
    '/api/datasets/:id/problems',
    { config: READ, schema: schema('存在的问题（由数字识别）', problemsResponse) },
    async (req, reply) => send(reply, await datasetProblems(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get(
    '/api/datasets/:id/report',
    {
      config: DOWNLOAD,
      schema: {
        tags,
        summary: '自评报告（docx、pdf、html、md；xlsx 为自评表，每表一个工作表）',
        params: idParams,
        querystring: reportQuery,
        response: responses(200, fileResponse('报告文件', Object.values(REPORT_CONTENT_TYPES))),
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await datasetReport(ctx, ref(req.params.id, req.query.revision), req.query.format),
        req.query.format === 'html',
      ),
  );
  app.get(
    '/api/reports/published.zip',
    {
      config: BUREAU_DOWNLOAD,
      schema: {
        tags,
        summary: '某年度全部已公开报告（每个部门 DOCX 与 PDF）打包下载（审核人、管理员）',
        querystring: publishedZipQuery,
        response: responses(200, fileResponse('zip 压缩包', ['application/zip'])),
      },
    },
    async (req, reply) => sendStream(reply, await publishedReportsZip(ctx, req.query.year)),
  );
}
