import { z } from 'zod';
import { departmentScope, seesDepartment } from '../../app/actor.js';
import type { AppContext } from '../../app/context.js';
import { notFound } from '../../app/context.js';
import { createDataset, getDataset, listDatasets, saveDataset } from '../../app/datasets.js';
import { actorOf, SIGNED_IN } from '../access.js';
import { datasetCreateBody, datasetListQuery, datasetSaveBody, idParams } from '../contract.js';
import { datasetDetail, datasetSummary, responses } from '../responses.js';
import { send } from '../reply.js';
import type { ZodApp } from './types.js';

const tags = ['数据集'];

export function datasetRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/datasets',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags,
        summary: '数据集列表（含最新版本的关键数字、最新公开版本与审核状态；部门填报人只见本部门）',
        querystring: datasetListQuery,
        response: responses(200, z.array(datasetSummary)),
      },
    },
    async (req, reply) => {
      const { departmentId, fiscalYear, year } = req.query;
      const scope = departmentScope(actorOf(req));
      const filter = {
        ...(departmentId === undefined ? {} : { departmentId }),
        ...((fiscalYear ?? year) === undefined ? {} : { fiscalYear: fiscalYear ?? year }),
        ...(scope === undefined ? {} : { departmentIds: scope }),
      };
      return send(reply, await listDatasets(ctx, filter as { departmentId?: number; fiscalYear?: number }));
    },
  );
  app.post(
    '/api/datasets',
    {
      config: { access: { roles: ['editor'] } },
      schema: {
        tags,
        summary: '新建数据集（第 1 版；部门填报人，本部门）',
        body: datasetCreateBody,
        response: responses(201, datasetDetail),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!seesDepartment(actor, req.body.departmentId))
        return send(reply, notFound(`部门 ${req.body.departmentId} 不存在`));
      return send(reply, await createDataset(ctx, req.body.departmentId, req.body.document, actor), 201);
    },
  );
  app.get(
    '/api/datasets/:id',
    {
      config: { access: { roles: SIGNED_IN, scope: 'dataset', audit: 'dataset.read' } },
      schema: { tags, summary: '数据集及其最新版本', params: idParams, response: responses(200, datasetDetail) },
    },
    async (req, reply) => send(reply, await getDataset(ctx, req.params.id)),
  );
  app.put(
    '/api/datasets/:id',
    {
      config: { access: { roles: ['editor'], scope: 'dataset' } },
      schema: {
        tags,
        summary:
          '保存为新版本（基于 baseRevision；过期返回 409 及两个版本；已提交或已审核通过时返回 409）；返回本次写入的版本',
        params: idParams,
        body: datasetSaveBody,
        response: responses(200, datasetDetail),
      },
    },
    async (req, reply) => {
      const { note, ...rest } = req.body;
      const save = { ...rest, author: actorOf(req), ...(note === undefined ? {} : { note }) };
      return send(reply, await saveDataset(ctx, req.params.id, save));
    },
  );
}
