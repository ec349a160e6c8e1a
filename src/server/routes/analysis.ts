import {
  datasetFigures,
  datasetFindings,
  datasetProblems,
  datasetScore,
  type RevisionRef,
} from '../../app/analysis.js';
import type { AppContext } from '../../app/context.js';
import { datasetReport } from '../../app/report.js';
import { errorResponses, idParams, reportQuery, revisionQuery } from '../contract.js';
import { send, sendFile } from '../reply.js';
import type { ZodApp } from './types.js';

const tags = ['计算与报告'];
const ref = (id: number, revision: number | undefined): RevisionRef =>
  revision === undefined ? { datasetId: id } : { datasetId: id, revisionNo: revision };
const schema = (summary: string) => ({
  tags,
  summary,
  params: idParams,
  querystring: revisionQuery,
  response: errorResponses,
});

export function analysisRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/datasets/:id/figures', { schema: schema('派生数（金额为两位小数字符串）') }, async (req, reply) =>
    send(reply, await datasetFigures(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get('/api/datasets/:id/findings', { schema: schema('核对发现') }, async (req, reply) =>
    send(reply, await datasetFindings(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get('/api/datasets/:id/score', { schema: schema('自评得分（按规则包）') }, async (req, reply) =>
    send(reply, await datasetScore(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get('/api/datasets/:id/problems', { schema: schema('存在的问题（由数字识别）') }, async (req, reply) =>
    send(reply, await datasetProblems(ctx, ref(req.params.id, req.query.revision))),
  );
  app.get(
    '/api/datasets/:id/report',
    {
      schema: {
        tags,
        summary: '自评报告（docx、pdf、html、md）',
        params: idParams,
        querystring: reportQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await datasetReport(ctx, ref(req.params.id, req.query.revision), req.query.format),
        req.query.format === 'html',
      ),
  );
}
