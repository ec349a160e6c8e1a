import { z } from 'zod';
import { departmentScope } from '../../app/actor.js';
import type { AppContext } from '../../app/context.js';
import { createDepartment, getDepartment, listDepartments, updateDepartment } from '../../app/departments.js';
import { actorOf, SIGNED_IN } from '../access.js';
import { departmentCreateBody, departmentListQuery, departmentUpdateBody, idParams } from '../contract.js';
import { send } from '../reply.js';
import { department, departmentTree, responses } from '../responses.js';
import type { ZodApp } from './types.js';

const tags = ['部门'];

export function departmentRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/departments',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags,
        summary: '部门列表（部门填报人只见本部门）',
        querystring: departmentListQuery,
        response: responses(200, z.array(department)),
      },
    },
    async (req, reply) => {
      const listed = await listDepartments(ctx, req.query.parentId);
      const scope = departmentScope(actorOf(req));
      if (!listed.ok || scope === undefined) return send(reply, listed);
      return send(reply, { ok: true, value: listed.value.filter((d) => scope.includes(d.id)) });
    },
  );
  app.post(
    '/api/departments',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags, summary: '新建部门（管理员）', body: departmentCreateBody, response: responses(201, department) },
    },
    async (req, reply) => send(reply, await createDepartment(ctx, req.body, actorOf(req)), 201),
  );
  app.get(
    '/api/departments/:id',
    {
      config: { access: { roles: SIGNED_IN, scope: 'department' } },
      schema: { tags, summary: '部门及其下级部门树', params: idParams, response: responses(200, departmentTree) },
    },
    async (req, reply) => send(reply, await getDepartment(ctx, req.params.id)),
  );
  app.patch(
    '/api/departments/:id',
    {
      config: { access: { roles: ['admin'], scope: 'department' } },
      schema: {
        tags,
        summary: '修改部门（管理员；改名记录旧名与新名）',
        params: idParams,
        body: departmentUpdateBody,
        response: responses(200, department),
      },
    },
    async (req, reply) => {
      const changes = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      return send(reply, await updateDepartment(ctx, req.params.id, changes, actorOf(req)));
    },
  );
}
