import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { login, logout, SESSION_LIFETIME_MS, sessionView } from '../../app/sessions.js';
import { changeOwnPassword } from '../../app/users.js';
import { PUBLIC, SESSION_COOKIE, SIGNED_IN, sessionOf } from '../access.js';
import { loginBody, passwordBody } from '../contract.js';
import { send } from '../reply.js';
import { noContent, responses, sessionResponse } from '../responses.js';
import type { ZodApp } from './types.js';

const tags = ['账号与登录'];

/** httpOnly (no script reads it), SameSite=Lax (not sent on another site's POST), Secure over HTTPS. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function authRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: '登录（失败过多时 429）；设置会话 Cookie，返回当前用户与防伪令牌',
        body: loginBody,
        response: responses(200, sessionResponse),
      },
    },
    async (req, reply) => {
      const result = await login(ctx, { ...req.body, address: req.ip });
      if (!result.ok) return send(reply, result);
      const { token, ...view } = result.value;
      setSessionCookie(req, reply, token);
      return send(reply, { ok: true, value: view });
    },
  );
  app.get(
    '/api/auth/session',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags,
        summary: '当前会话：用户、防伪令牌、到期时间（未登录 401）',
        response: responses(200, sessionResponse),
      },
    },
    async (req, reply) => send(reply, { ok: true, value: await sessionView(ctx, sessionOf(req)) }),
  );
  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: { tags, summary: '退出登录（会话在所有服务器上失效）', response: responses(204, noContent) },
    },
    async (req, reply) => {
      await logout(ctx, sessionOf(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/auth/password',
    {
      config: { access: { roles: SIGNED_IN } },
      schema: {
        tags,
        summary: '修改本人密码（其他会话随之失效）',
        body: passwordBody,
        response: responses(204, noContent),
      },
    },
    async (req, reply) => {
      const changed = await changeOwnPassword(ctx, sessionOf(req), req.body.currentPassword, req.body.newPassword);
      return changed.ok ? reply.code(204).send(null) : send(reply, changed);
    },
  );
}
