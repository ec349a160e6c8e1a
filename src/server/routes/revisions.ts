import type { AppContext } from '../../app/context.js';
import { diffRevisions, getRevision, listRevisions, publishRevision } from '../../app/revisions.js';
import { diffQuery, idParams, publishBody, revisionParams } from '../contract.js';
import { diffResponse, responses, revisionDetail, revisionSummary } from '../responses.js';
import { z } from 'zod';
import { send } from '../reply.js';
import { actorOf, SIGNED_IN, type AccessRule } from '../access.js';

const READ: AccessRule = { roles: SIGNED_IN, scope: 'dataset' };
import type { ZodApp } from './types.js';

const tags = ['版本'];

export function revisionRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/datasets/:id/revisions',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: '版本列表（新到旧）',
        params: idParams,
        response: responses(200, z.array(revisionSummary)),
      },
    },
    async (req, reply) => send(reply, await listRevisions(ctx, req.params.id)),
  );
  app.get(
    '/api/datasets/:id/revisions/:revisionNo',
    {
      config: { access: { ...READ, audit: 'dataset.read' } },
      schema: { tags, summary: '某一版本及其文档', params: revisionParams, response: responses(200, revisionDetail) },
    },
    async (req, reply) => send(reply, await getRevision(ctx, req.params.id, req.params.revisionNo)),
  );
  app.get(
    '/api/datasets/:id/diff',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: '两个版本逐字段比较',
        params: idParams,
        querystring: diffQuery,
        response: responses(200, diffResponse),
      },
    },
    async (req, reply) => send(reply, await diffRevisions(ctx, req.params.id, req.query.from, req.query.to)),
  );
  app.post(
    '/api/datasets/:id/publish',
    {
      config: { access: { roles: ['reviewer'], scope: 'dataset' } },
      schema: {
        tags,
        summary: '发布已审核通过的版本（财政局审核人；记录内容校验值，公开最近一次发布的版本）',
        params: idParams,
        body: publishBody,
        response: responses(200, revisionDetail),
      },
    },
    async (req, reply) => send(reply, await publishRevision(ctx, req.params.id, req.body.revisionNo, actorOf(req))),
  );
}
