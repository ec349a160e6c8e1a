import { z } from 'zod';
import { listAuditEntries } from '../../app/audit.js';
import type { AppContext } from '../../app/context.js';
import { auditQuery } from '../contract.js';
import { send } from '../reply.js';
import { auditEntryResponse, responses } from '../responses.js';
import type { ZodApp } from './types.js';

export function auditRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      config: { access: { roles: ['reviewer', 'admin'] } },
      schema: {
        tags: ['操作日志'],
        summary: '操作日志（审核人、管理员；新到旧，可按部门、操作人、操作筛选）',
        querystring: auditQuery,
        response: responses(200, z.array(auditEntryResponse)),
      },
    },
    async (req, reply) => {
      const { departmentId, user, action, before, limit } = req.query;
      const filter = {
        ...(departmentId === undefined ? {} : { departmentId }),
        ...(user === undefined ? {} : { actor: user }),
        ...(action === undefined ? {} : { action }),
        ...(before === undefined ? {} : { before }),
        ...(limit === undefined ? {} : { limit }),
      };
      return send(reply, await listAuditEntries(ctx, filter));
    },
  );
}
