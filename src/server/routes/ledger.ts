import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { fillDatasetFromLedger } from '../../app/ledger-fill.js';
import { ledgerProgress } from '../../app/ledger-progress.js';
import { importLedgerUpload } from '../../app/ledger-upload.js';
import { actorOf, SIGNED_IN } from '../access.js';
import { idParams } from '../contract.js';
import { send } from '../reply.js';
import { responses } from '../responses.js';
import type { ZodApp } from './types.js';

/** A ledger upload: the two CSV files as base64 (any encoding the reader takes: UTF-8 or GBK). */
export const LEDGER_BODY_LIMIT = 200 * 1024 * 1024;

const progressQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .meta({ description: '截至日期 YYYY-MM-DD' }),
  pack: z.string().max(40).optional().meta({ description: '按此规则包的序时进度节点；缺省按月线性' }),
});
const progressResponse = z.looseObject({
  asOf: z.string(),
  year: z.number().int(),
  laggingCount: z.number().int(),
  departments: z.array(
    z.looseObject({ departmentCode: z.string(), progress: z.string().nullable(), lagging: z.boolean() }),
  ),
});
const importBody = z.object({
  fileName: z.string().min(1).max(200).meta({ description: '流水文件名（记入导入记录）' }),
  ledger: z.base64().meta({ description: '支付流水 CSV（base64）' }),
  budgets: z.base64().meta({ description: '预算表 CSV（base64）' }),
});
const importResponse = z.looseObject({
  runId: z.number().int(),
  linesRead: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  acceptedTotal: z.string(),
  rejects: z.array(z.string()),
});
const fillResponse = z.looseObject({
  revisionNo: z.number().int(),
  filled: z.array(z.looseObject({ path: z.string() })),
});

/** 国库支付流水: progress (双监控), import (bureau administrators), filling a dataset's actuals (its editor). */
export function ledgerRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/ledger/progress',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags: ['支付流水'],
        summary: '各部门截至某日的累计支付进度与序时进度（滞后在前）；部门填报人只见本部门',
        querystring: progressQuery,
        response: responses(200, progressResponse),
      },
    },
    async (req, reply) => {
      const { asOf, pack } = req.query;
      return send(reply, await ledgerProgress(ctx, actorOf(req), { asOf, ...(pack === undefined ? {} : { pack }) }));
    },
  );
  app.post(
    '/api/ledger/import',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: LEDGER_BODY_LIMIT,
      schema: {
        tags: ['支付流水'],
        summary: '导入国库支付流水（与 jixiao ledger import 相同：逐行校验、凭证去重、一个事务入库、对账）',
        description: '同一时间只进行一次导入，另一次返回 503。请求体不超过 200 MB；返回对账与前 100 条拒收行。',
        body: importBody,
        response: responses(200, importResponse),
      },
    },
    async (req, reply) => {
      const { fileName, ledger, budgets } = req.body;
      const upload = { fileName, ledger: Buffer.from(ledger, 'base64'), budgets: Buffer.from(budgets, 'base64') };
      return send(reply, await importLedgerUpload(ctx, actorOf(req), upload));
    },
  );
  app.post(
    '/api/datasets/:id/ledger-fill',
    {
      config: { access: { roles: ['editor'], scope: 'dataset' } },
      schema: {
        tags: ['支付流水'],
        summary: '由国库支付流水填入本数据集的基本支出、项目实际支出与支付进度（存为新版本）',
        params: idParams,
        response: responses(200, fillResponse),
      },
    },
    async (req, reply) => send(reply, await fillDatasetFromLedger(ctx, actorOf(req), req.params.id)),
  );
}
