import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor, Role } from '../app/actor.js';
import { recordAudit } from '../app/audit.js';
import type { AppContext } from '../app/context.js';
import { resolveSession, type LiveSession } from '../app/sessions.js';
import { departmentOfDataset } from '../store/workflow-repo.js';
import { MAX_ID } from './contract.js';

/** Every signed-in role. */
export const SIGNED_IN: readonly Role[] = ['editor', 'reviewer', 'admin'];

/**
 * 谁可以调用: every API route declares it in `config.access` (startup fails for a route that does not). `scope`
 * says which data the route touches, so the server checks it against the data itself: an editor reaches only the
 * datasets and departments of its own departments (others answer 404, as if they did not exist). `audit` records
 * a successful read by a signed-in user (draft reads, report downloads).
 */
export type AccessRule = {
  roles: 'public' | readonly Role[];
  scope?: 'dataset' | 'department';
  audit?: 'dataset.read' | 'report.download';
};

export const PUBLIC: AccessRule = { roles: 'public' };

// Module augmentation needs interfaces: they merge with fastify's own declarations.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    /** The caller's live session (from the cookie), or null. */
    session: LiveSession | null;
    /** The department of the dataset or department the route's `:id` names, once checked. */
    scopeDepartmentId: number | null;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const refuse = (reply: FastifyReply, status: number, error: string, message: string) =>
  reply.code(status).send({ error, message });

/** The API routes that a plugin registers without our config (the documentation browser) are public. */
function ruleOf(request: FastifyRequest): AccessRule | undefined {
  const url = request.routeOptions.url ?? '';
  if (url.startsWith('/api/docs')) return PUBLIC;
  return request.routeOptions.config.access;
}

/** One API route and who may call it, as declared. */
export type DeclaredRoute = { method: string; url: string; access: AccessRule };

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every API route of a server with its declared access (the authorization matrix test walks them all). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/** Fails at startup when an API route does not say who may call it; records the ones that do. */
function requireDeclaredAccess(list: DeclaredRoute[]) {
  return (route: RouteOptions): void => {
    const url = route.url;
    if (!url.startsWith('/api/')) return;
    const access = url.startsWith('/api/docs') ? PUBLIC : (route.config as { access?: AccessRule } | undefined)?.access;
    if (access === undefined) throw new Error(`路由未声明访问权限：${String(route.method)} ${url}`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') list.push({ method, url, access });
  };
}

/** A request for another site's page may not change anything: its Origin, when sent, must be this server. */
function foreignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

async function checkScope(ctx: AppContext, request: FastifyRequest, rule: AccessRule, actor: Actor | null) {
  const raw = (request.params as { id?: string } | undefined)?.id;
  // Only an id the route itself would accept is looked up: anything else is the route's 400, never a database error.
  if (rule.scope === undefined || raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return true;
  const id = Number(raw);
  if (id > MAX_ID) return true;
  const departmentId = rule.scope === 'dataset' ? await departmentOfDataset(ctx.store.db, id) : id;
  if (departmentId === undefined) return true; // the route answers its own 404
  request.scopeDepartmentId = departmentId;
  return (
    actor === null || actor.kind !== 'user' || actor.role !== 'editor' || actor.departmentIds.includes(departmentId)
  );
}

/** onRequest: who is calling, may they call this route, is the CSRF token there, is the data theirs. */
function authorize(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.session = null;
    request.scopeDepartmentId = null;
    const rule = ruleOf(request);
    if (rule === undefined) return; // static files and unknown URLs (404)
    const token = request.cookies[SESSION_COOKIE];
    request.session = token === undefined ? null : ((await resolveSession(ctx, token)) ?? null);
    if (rule.roles === 'public') {
      if (STATE_CHANGING.has(request.method) && foreignOrigin(request))
        return refuse(reply, 403, 'CSRF', '拒绝来自其他网站的请求');
      return;
    }
    const session = request.session;
    if (session === null) return refuse(reply, 401, 'UNAUTHENTICATED', '请先登录');
    if (!rule.roles.includes(session.user.role)) return refuse(reply, 403, 'FORBIDDEN', '无权执行此操作');
    if (STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken)
      return refuse(reply, 403, 'CSRF', '请求缺少有效的防伪令牌，请刷新页面后重试');
    if (!(await checkScope(ctx, request, rule, session.actor))) {
      const what = rule.scope === 'dataset' ? '数据集' : '部门';
      return refuse(reply, 404, 'NOT_FOUND', `${what} ${String((request.params as { id: string }).id)} 不存在`);
    }
  };
}

/**
 * Writes an entry about a request that has already been answered. When the database itself is what failed (locked,
 * full), the entry cannot be written either: the answer stands and the server log keeps what the entry would have.
 */
async function auditOrLog(ctx: AppContext, request: FastifyRequest, entry: Parameters<typeof recordAudit>[1]) {
  try {
    await recordAudit(ctx, entry);
  } catch (error) {
    request.log.error({ err: error, audit: entry }, 'audit entry not written');
  }
}

/** onSend: refused writes, and reads of drafts and reports by signed-in users, go to the audit log. */
function auditTrail(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const rule = ruleOf(request);
    if (rule === undefined) return payload;
    const route = request.routeOptions.url ?? request.url;
    const session = request.session;
    const actor = session === null ? '匿名用户' : `${session.user.displayName}（${session.user.name}）`;
    const actorRole = session?.user.role ?? null;
    const id = Number((request.params as { id?: string } | undefined)?.id);
    const entityId = Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
    const base = { actor, actorRole, entityId, departmentId: request.scopeDepartmentId };
    const status = reply.statusCode;
    if (STATE_CHANGING.has(request.method) && status >= 400 && route !== '/api/auth/login') {
      const detail = { method: request.method, route, status, address: request.ip };
      await auditOrLog(ctx, request, { ...base, action: 'request.refused', entity: 'request', detail });
    } else if (request.method === 'GET' && session !== null && rule.audit !== undefined && status < 300) {
      const query = request.query as Record<string, unknown>;
      const detail = {
        route,
        ...(query['revision'] === undefined ? {} : { revision: query['revision'] }),
        ...(query['format'] === undefined ? {} : { format: query['format'] }),
      };
      await auditOrLog(ctx, request, { ...base, action: rule.audit, entity: 'dataset', detail });
    }
    return payload;
  };
}

/** Installs authorization on every route of `app` (cookie parsing must be registered before). */
export function installAccess(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.decorateRequest('scopeDepartmentId', null);
  const list: DeclaredRoute[] = [];
  declared.set(app, list);
  app.addHook('onRoute', requireDeclaredAccess(list));
  app.addHook('onRequest', authorize(ctx));
  app.addHook('onSend', auditTrail(ctx));
}

/** The signed-in actor of a request whose route admits only signed-in roles. */
export function actorOf(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  if (request.session === null) throw new Error('route declared for signed-in users reached without a session');
  return request.session.actor;
}

export function sessionOf(request: FastifyRequest): LiveSession {
  if (request.session === null) throw new Error('route declared for signed-in users reached without a session');
  return request.session;
}
