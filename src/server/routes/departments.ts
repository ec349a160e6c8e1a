import { createDepartment, getDepartment, listDepartments, updateDepartment } from '../../app/departments.js';
import type { AppContext } from '../../app/context.js';
import { departmentCreateBody, departmentListQuery, departmentUpdateBody, idParams } from '../contract.js';
import { department, departmentTree, responses } from '../responses.js';
import { z } from 'zod';
import { actorOf, send } from '../reply.js';
import type { ZodApp } from './types.js';

const tags = ['部门'];

export function departmentRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/departments',
    {
      schema: {
        tags,
        summary: '部门列表',
        querystring: departmentListQuery,
        response: responses(200, z.array(department)),
      },
    },
    async (req, reply) => send(reply, await listDepartments(ctx, req.query.parentId)),
  );
  app.post(
    '/api/departments',
    { schema: { tags, summary: '新建部门', body: departmentCreateBody, response: responses(201, department) } },
    async (req, reply) => {
      const { author, ...fields } = req.body;
      return send(reply, await createDepartment(ctx, fields, actorOf(req, author)), 201);
    },
  );
  app.get(
    '/api/departments/:id',
    { schema: { tags, summary: '部门及其下级部门树', params: idParams, response: responses(200, departmentTree) } },
    async (req, reply) => send(reply, await getDepartment(ctx, req.params.id)),
  );
  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: '修改部门',
        params: idParams,
        body: departmentUpdateBody,
        response: responses(200, department),
      },
    },
    async (req, reply) => {
      const { author, ...fields } = req.body;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return send(reply, await updateDepartment(ctx, req.params.id, changes, actorOf(req, author)));
    },
  );
}
