import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { listOverview } from '../../app/overview.js';
import { overviewQuery } from '../contract.js';
import { send } from '../reply.js';
import { overviewRow, responses } from '../responses.js';
import type { ZodApp } from './types.js';
import { departmentScope } from '../../app/actor.js';
import { actorOf, SIGNED_IN } from '../access.js';

export function overviewRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/overview',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags: ['财政局'],
        summary:
          '财政局总览：该年度每个数据集一行（执行率、支付进度、得分、等级、问题数、状态），服务端计算并按版本缓存',
        querystring: overviewQuery,
        response: responses(200, z.array(overviewRow)),
      },
    },
    async (req, reply) => {
      const { year, departmentId } = req.query;
      const scope = departmentScope(actorOf(req));
      const filter = {
        fiscalYear: year,
        ...(departmentId === undefined ? {} : { departmentId }),
        ...(scope === undefined ? {} : { departmentIds: scope }),
      };
      return send(reply, await listOverview(ctx, filter));
    },
  );
}
