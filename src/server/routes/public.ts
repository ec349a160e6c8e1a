import type { AppContext } from '../../app/context.js';
import { listPublished, publishedReport } from '../../app/public.js';
import { REPORT_CONTENT_TYPES } from '../../app/report.js';
import { idParams, publicListQuery, publicReportQuery } from '../contract.js';
import { fileResponse, publishedReport as publishedReportBody, responses } from '../responses.js';
import { z } from 'zod';
import { send, sendFile } from '../reply.js';
import type { ZodApp } from './types.js';
import { PUBLIC } from '../access.js';

const tags = ['公开'];

export function publicRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/public/reports',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: '已公开的报告（每个数据集最近一次发布的版本）',
        querystring: publicListQuery,
        response: responses(200, z.array(publishedReportBody)),
      },
    },
    async (req, reply) => send(reply, await listPublished(ctx, req.query.year)),
  );
  app.get(
    '/api/public/reports/:id',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: '已公开报告的文件',
        params: idParams,
        querystring: publicReportQuery,
        response: responses(200, fileResponse('报告文件', Object.values(REPORT_CONTENT_TYPES))),
      },
    },
    async (req, reply) =>
      sendFile(reply, await publishedReport(ctx, req.params.id, req.query.format), req.query.format === 'html'),
  );
}
