import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import {
  exportDataset,
  FILE_CONTENT_TYPES,
  importDataset,
  workbookTemplate,
  type FileFormat,
  type ImportRequest,
} from '../../app/import-export.js';
import { formatFromName } from '../../app/open-context.js';
import { errorResponses, exportQuery, idParams, importQuery } from '../contract.js';
import { send, sendFile } from '../reply.js';
import { departmentScope } from '../../app/actor.js';
import { actorOf, SIGNED_IN } from '../access.js';
import { fileResponse, importResponse, responses } from '../responses.js';
import type { ZodApp } from './types.js';

const tags = ['导入导出'];
const description =
  '请求体为文件本身：.xlsx 用 Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet（或 application/octet-stream、application/vnd.ms-excel、不写），YAML 用 application/yaml，JSON 用 application/json；format 或 fileName 给出时以其为准。文件不超过 10 MB，工作簿解压后不超过 50 MB、每个工作表不超过 10000 行。全部校验通过才写入；任何错误返回 400 及其位置（单元格或行号），不写入任何数据。';

/** Uploads may be bigger than a JSON request (1 MB); the workbook's own limits are checked before it is read. */
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;

/** The import routes' content types, for the OpenAPI requestBody (see build-server's transformObject). */
export const IMPORT_CONTENT_TYPES: readonly string[] = [
  FILE_CONTENT_TYPES.xlsx,
  'application/octet-stream',
  'application/yaml',
  'application/json',
];

function formatOf(request: FastifyRequest, given: FileFormat | undefined, fileName: string | undefined): FileFormat {
  if (given !== undefined) return given;
  if (fileName !== undefined && /\.(xlsx|json|ya?ml)$/i.test(fileName)) return formatFromName(fileName);
  const type = request.headers['content-type'] ?? '';
  if (type.includes('json')) return 'json';
  return type.includes('yaml') || type.startsWith('text/') ? 'yaml' : 'xlsx';
}

function importRequest(req: FastifyRequest, query: z.infer<typeof importQuery>, datasetId?: number): ImportRequest {
  const { format, fileName, departmentId, baseRevision, dryRun } = query;
  const content = (req.body ?? '') as Buffer | string | object;
  const actor = actorOf(req);
  const scope = departmentScope(actor);
  return {
    format: formatOf(req, format, fileName),
    content,
    actor,
    ...(scope === undefined ? {} : { departmentScope: scope }),
    dryRun: dryRun === 'true',
    ...(fileName === undefined ? {} : { fileName }),
    ...(departmentId === undefined ? {} : { departmentId }),
    ...(baseRevision === undefined ? {} : { baseRevision }),
    ...(datasetId === undefined ? {} : { datasetId }),
  };
}

/**
 * The import routes, in their own scope: any content type the other routes do not parse (none, '',
 * application/vnd.ms-excel, …) arrives as bytes, and `format` / `fileName` / the bytes say what they are.
 */
function importRoutes(app: ZodApp, ctx: AppContext): void {
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // An empty Content-Type (some upload clients send one) is bytes too, like a missing one.
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.headers['content-type']?.trim() === '') req.headers['content-type'] = 'application/octet-stream';
    done();
  });
  app.post(
    '/api/import',
    {
      config: { access: { roles: ['editor'] } },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '导入为新数据集（或按部门与年度找到的数据集的新版本）',
        description,
        querystring: importQuery,
        response: { 200: importResponse, 201: importResponse, ...errorResponses },
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
      config: { access: { roles: ['editor'], scope: 'dataset' } },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '导入为该数据集的新版本（须 baseRevision）',
        description,
        params: idParams,
        querystring: importQuery,
        response: responses(200, importResponse),
      },
    },
    async (req, reply) => send(reply, await importDataset(ctx, importRequest(req, req.query, req.params.id))),
  );
}

export function fileRoutes(app: ZodApp, ctx: AppContext): void {
  void app.register((scope: ZodApp) => {
    importRoutes(scope, ctx);
    return Promise.resolve();
  });
  app.get(
    '/api/datasets/:id/export',
    {
      config: { access: { roles: SIGNED_IN, scope: 'dataset' } },
      schema: {
        tags,
        summary: '导出（xlsx、json、yaml）',
        params: idParams,
        querystring: exportQuery,
        response: responses(200, fileResponse('数据集文件', Object.values(FILE_CONTENT_TYPES))),
      },
    },
    async (req, reply) =>
      sendFile(reply, await exportDataset(ctx, req.params.id, req.query.format, actorOf(req), req.query.revision)),
  );
  app.get(
    '/api/template.xlsx',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags,
        summary: '空白 Excel 模板',
        response: responses(200, fileResponse('空白模板', [FILE_CONTENT_TYPES.xlsx])),
      },
    },
    async (_req, reply) => sendFile(reply, { ok: true, value: await workbookTemplate() }),
  );
}
