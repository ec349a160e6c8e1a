import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { createUser, listUsers, updateUser } from '../../app/users.js';
import { actorOf } from '../access.js';
import { idParams, userCreateBody, userUpdateBody } from '../contract.js';
import { send } from '../reply.js';
import { responses, userResponse } from '../responses.js';
import type { ZodApp } from './types.js';

const tags = ['账号与登录'];
const ADMIN = { access: { roles: ['admin'] as const } };

export function userRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/users',
    { config: ADMIN, schema: { tags, summary: '账号列表（管理员）', response: responses(200, z.array(userResponse)) } },
    async (_req, reply) => send(reply, await listUsers(ctx)),
  );
  app.post(
    '/api/users',
    {
      config: ADMIN,
      schema: { tags, summary: '新建账号（管理员）', body: userCreateBody, response: responses(201, userResponse) },
    },
    async (req, reply) => send(reply, await createUser(ctx, req.body, actorOf(req)), 201),
  );
  app.patch(
    '/api/users/:id',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: '修改账号：名称、角色、部门、停用、重设密码（管理员；停用或重设密码时其会话失效）',
        params: idParams,
        body: userUpdateBody,
        response: responses(200, userResponse),
      },
    },
    async (req, reply) => {
      const update = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      return send(reply, await updateUser(ctx, req.params.id, update, actorOf(req)));
    },
  );
}
