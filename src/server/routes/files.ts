import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import {
  exportDataset,
  importDataset,
  workbookTemplate,
  type FileFormat,
  type ImportRequest,
} from '../../app/import-export.js';
import { errorResponses, exportQuery, idParams, importQuery } from '../contract.js';
import { actorOf, send, sendFile } from '../reply.js';
import type { ZodApp } from './types.js';
import type { z } from 'zod';

const tags = ['导入导出'];
const description =
  '请求体为文件本身：.xlsx 用 Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet（或 application/octet-stream），YAML 用 application/yaml，JSON 用 application/json。全部校验通过才写入；任何错误返回 400 及其位置（单元格或行号），不写入任何数据。';

function formatOf(request: FastifyRequest, given: FileFormat | undefined): FileFormat {
  if (given !== undefined) return given;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('json')) return 'json';
  return type.includes('yaml') || type.startsWith('text/') ? 'yaml' : 'xlsx';
}

function importRequest(req: FastifyRequest, query: z.infer<typeof importQuery>, datasetId?: number): ImportRequest {
  const { format, departmentId, baseRevision, dryRun } = query;
  const content = (req.body ?? '') as Buffer | string | object;
  return {
    format: formatOf(req, format),
    content,
    actor: actorOf(req),
    dryRun: dryRun === 'true',
    ...(departmentId === undefined ? {} : { departmentId }),
    ...(baseRevision === undefined ? {} : { baseRevision }),
    ...(datasetId === undefined ? {} : { datasetId }),
  };
}

export function fileRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/import',
    {
      schema: {
        tags,
        summary: '导入为新数据集（或按部门与年度找到的数据集的新版本）',
        description,
        querystring: importQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const result = await importDataset(ctx, importRequest(req, req.query));
      return send(reply, result, result.ok && result.value.saved ? 201 : 200);
    },
  );
  app.post(
    '/api/datasets/:id/import',
    {
      schema: {
        tags,
        summary: '导入为该数据集的新版本（须 baseRevision）',
        description,
        params: idParams,
        querystring: importQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => send(reply, await importDataset(ctx, importRequest(req, req.query, req.params.id))),
  );
  app.get(
    '/api/datasets/:id/export',
    {
      schema: {
        tags,
        summary: '导出（xlsx、json、yaml）',
        params: idParams,
        querystring: exportQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendFile(reply, await exportDataset(ctx, req.params.id, req.query.format, actorOf(req), req.query.revision)),
  );
  app.get('/api/template.xlsx', { schema: { tags, summary: '空白 Excel 模板' } }, async (_req, reply) =>
    sendFile(reply, { ok: true, value: await workbookTemplate() }),
  );
}
