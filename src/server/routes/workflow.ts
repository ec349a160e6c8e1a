import { z } from 'zod';
import { addComment, datasetComments } from '../../app/comments.js';
import type { AppContext } from '../../app/context.js';
import { approveRevision, getWorkflow, returnRevision, submitRevision } from '../../app/workflow.js';
import { actorOf, SIGNED_IN, type AccessRule } from '../access.js';
import { approveBody, commentBody, commentsQuery, idParams, returnBody, submitBody } from '../contract.js';
import { send } from '../reply.js';
import { commentResponse, responses, workflowResponse } from '../responses.js';
import type { ZodApp } from './types.js';

const tags = ['审核流程'];
const EDITOR: AccessRule = { roles: ['editor'], scope: 'dataset' };
const REVIEWER: AccessRule = { roles: ['reviewer'], scope: 'dataset' };

export function workflowRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/datasets/:id/workflow',
    {
      config: { access: { roles: SIGNED_IN, scope: 'dataset' } },
      schema: {
        tags,
        summary: '审核状态与每一步（谁、何时、哪一版）',
        params: idParams,
        response: responses(200, workflowResponse),
      },
    },
    async (req, reply) => send(reply, await getWorkflow(ctx, req.params.id)),
  );
  app.post(
    '/api/datasets/:id/submit',
    {
      config: { access: EDITOR },
      schema: {
        tags,
        summary: '提交审核（部门填报人；最新版，无错误，每条警告须有说明；409 时 details.blocking 列出原因）',
        params: idParams,
        body: submitBody,
        response: responses(200, workflowResponse),
      },
    },
    async (req, reply) =>
      send(reply, await submitRevision(ctx, req.params.id, req.body.revisionNo, req.body.explanations, actorOf(req))),
  );
  app.post(
    '/api/datasets/:id/return',
    {
      config: { access: REVIEWER },
      schema: {
        tags,
        summary: '退回修改（财政局审核人；须有意见）',
        params: idParams,
        body: returnBody,
        response: responses(200, workflowResponse),
      },
    },
    async (req, reply) =>
      send(reply, await returnRevision(ctx, req.params.id, req.body.revisionNo, req.body.comment, actorOf(req))),
  );
  app.post(
    '/api/datasets/:id/approve',
    {
      config: { access: REVIEWER },
      schema: {
        tags,
        summary: '审核通过（财政局审核人；须为已提交的版本）',
        params: idParams,
        body: approveBody,
        response: responses(200, workflowResponse),
      },
    },
    async (req, reply) => send(reply, await approveRevision(ctx, req.params.id, req.body.revisionNo, actorOf(req))),
  );
  app.get(
    '/api/datasets/:id/comments',
    {
      config: { access: { roles: SIGNED_IN, scope: 'dataset' } },
      schema: {
        tags,
        summary: '审核意见（按时间先后）',
        params: idParams,
        querystring: commentsQuery,
        response: responses(200, z.array(commentResponse)),
      },
    },
    async (req, reply) => send(reply, await datasetComments(ctx, req.params.id, req.query.revision)),
  );
  app.post(
    '/api/datasets/:id/comments',
    {
      config: { access: { roles: ['editor', 'reviewer'], scope: 'dataset' } },
      schema: {
        tags,
        summary: '提出审核意见（审核人，对已提交的版本）或答复（本部门填报人）',
        params: idParams,
        body: commentBody,
        response: responses(201, commentResponse),
      },
    },
    async (req, reply) => send(reply, await addComment(ctx, req.params.id, req.body, actorOf(req)), 201),
  );
}
