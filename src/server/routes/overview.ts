import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { overviewAnswer, type OverviewAnswer } from '../../app/overview-answer.js';
import { overviewQuery } from '../contract.js';
import { send } from '../reply.js';
import { overviewRow, responses } from '../responses.js';
import type { ZodApp } from './types.js';
import { departmentScope } from '../../app/actor.js';
import { actorOf, SIGNED_IN } from '../access.js';

/** Whether the client already holds this answer (If-None-Match: a list of tags, or `*`; weak tags compare too). */
function holds(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  return header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}

/**
 * The cached body as it is (already JSON; gzipped when the client takes it, as browsers do), or 304; paging in
 * X-Total-Count and a Link to the next page.
 */
function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: OverviewAnswer) {
  const { total, offset, limit } = answer;
  void reply
    .header('etag', answer.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'cookie, accept-encoding');
  void reply.header('x-total-count', String(total));
  if (offset + limit < total) {
    const next = new URL(request.url, 'http://localhost');
    next.searchParams.set('offset', String(offset + limit));
    next.searchParams.set('limit', String(limit));
    void reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
  }
  if (holds(request, answer.etag)) return reply.code(304).send();
  void reply.code(200).header('content-type', 'application/json; charset=utf-8');
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.send(answer.body);
  return reply.header('content-encoding', 'gzip').send(answer.gzipped);
}

export function overviewRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/overview',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags: ['财政局'],
        summary:
          '财政局总览：该年度每个数据集一行（执行率、支付进度、得分、等级、问题数、状态），服务端计算并按版本缓存',
        description:
          '按部门编码排序，可分页（offset、limit；总行数见 X-Total-Count，下一页见 Link rel="next"）。' +
          '应答带强 ETag：带 If-None-Match 再次请求且内容未变时返回 304（无正文）。',
        querystring: overviewQuery,
        response: responses(200, z.array(overviewRow)),
      },
    },
    async (req, reply) => {
      const { year, departmentId, offset, limit } = req.query;
      const scope = departmentScope(actorOf(req));
      const filter = {
        fiscalYear: year,
        ...(departmentId === undefined ? {} : { departmentId }),
        ...(scope === undefined ? {} : { departmentIds: scope }),
      };
      const answer = await overviewAnswer(ctx, filter, { offset, limit });
      return answer.ok ? sendAnswer(req, reply, answer.value) : send(reply, answer);
    },
  );
}
