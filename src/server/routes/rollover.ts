import type { AppContext } from '../../app/context.js';
import { rolloverDataset } from '../../app/rollover.js';
import { actorOf } from '../access.js';
import { idParams } from '../contract.js';
import { send } from '../reply.js';
import { datasetDetail, responses } from '../responses.js';
import type { ZodApp } from './types.js';

/** POST /api/datasets/:id/rollover: the department's next year, started from this dataset's latest revision. */
export function rolloverRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/datasets/:id/rollover',
    {
      config: { access: { roles: ['editor'], scope: 'dataset' } },
      schema: {
        tags: ['数据集'],
        summary:
          '以本年度为基础新建下一年度（沿用部门情况、项目与指标结构，不沿用数字与陈述数；提到上年的文字标为待改写）',
        params: idParams,
        response: responses(201, datasetDetail),
      },
    },
    async (req, reply) => send(reply, await rolloverDataset(ctx, req.params.id, actorOf(req)), 201),
  );
}
