import type { AppContext } from '../../app/context.js';
import { createDataset, getDataset, listDatasets, saveDataset } from '../../app/datasets.js';
import { datasetCreateBody, datasetListQuery, datasetSaveBody, idParams } from '../contract.js';
import { datasetDetail, datasetSummary, responses } from '../responses.js';
import { z } from 'zod';
import { actorOf, send } from '../reply.js';
import type { ZodApp } from './types.js';

const tags = ['数据集'];

export function datasetRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/datasets',
    {
      schema: {
        tags,
        summary: '数据集列表（含最新版本的关键数字与最新公开版本）',
        querystring: datasetListQuery,
        response: responses(200, z.array(datasetSummary)),
      },
    },
    async (req, reply) => {
      const { departmentId, fiscalYear, year } = req.query;
      const filter = {
        ...(departmentId === undefined ? {} : { departmentId }),
        ...((fiscalYear ?? year) === undefined ? {} : { fiscalYear: fiscalYear ?? year }),
      };
      return send(reply, await listDatasets(ctx, filter as { departmentId?: number; fiscalYear?: number }));
    },
  );
  app.post(
    '/api/datasets',
    {
      schema: {
        tags,
        summary: '新建数据集（第 1 版）',
        body: datasetCreateBody,
        response: responses(201, datasetDetail),
      },
    },
    async (req, reply) =>
      send(
        reply,
        await createDataset(ctx, req.body.departmentId, req.body.document, actorOf(req, req.body.author)),
        201,
      ),
  );
  app.get(
    '/api/datasets/:id',
    { schema: { tags, summary: '数据集及其最新版本', params: idParams, response: responses(200, datasetDetail) } },
    async (req, reply) => send(reply, await getDataset(ctx, req.params.id)),
  );
  app.put(
    '/api/datasets/:id',
    {
      schema: {
        tags,
        summary: '保存为新版本（基于 baseRevision；过期返回 409 及两个版本）；返回本次写入的版本',
        params: idParams,
        body: datasetSaveBody,
        response: responses(200, datasetDetail),
      },
    },
    async (req, reply) => {
      const { author, note, ...rest } = req.body;
      return send(
        reply,
        await saveDataset(ctx, req.params.id, {
          ...rest,
          author: actorOf(req, author),
          ...(note === undefined ? {} : { note }),
        }),
      );
    },
  );
}
