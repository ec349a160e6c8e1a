import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../store/audit-repo.js';
import { findDepartment } from '../store/departments-repo.js';
import { inTransaction } from '../store/executor.js';
import {
  clearLoginFailures,
  countLoginFailures,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  recordLoginFailure,
  touchSession,
} from '../store/sessions-repo.js';
import { findUser, findUserWithHash, type User } from '../store/users-repo.js';
import { actorLabel, ROLE_LABELS, type Actor } from './actor.js';
import { ok, timestamp, unauthenticated, type AppContext, type AppResult } from './context.js';
import { decoyHash, passwordMatches } from './passwords.js';

/** A session ends 12 hours after login, or after 2 hours without a request, whichever comes first. */
export const SESSION_LIFETIME_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;
/** Failed logins within this window count towards throttling. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** last_seen_at is written at most this often, so reading pages does not write a row per request. */
const TOUCH_EVERY_MS = 60_000;

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** 当前用户 as the API returns it. */
export type UserWire = {
  id: number;
  name: string;
  displayName: string;
  role: User['role'];
  roleLabel: string;
  disabled: boolean;
  departments: { id: number; code: string; name: string }[];
};

export async function userToWire(ctx: AppContext, user: User): Promise<UserWire> {
  const departments = [];
  for (const id of user.departmentIds) {
    const d = await findDepartment(ctx.store.db, id);
    if (d !== undefined) departments.push({ id: d.id, code: d.code, name: d.name });
  }
  return {
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    disabled: user.disabled,
    departments,
  };
}

export const userActor = (user: User): Actor => ({
  kind: 'user',
  id: user.id,
  name: user.name,
  displayName: user.displayName,
  role: user.role,
  departmentIds: user.departmentIds,
});

/** A live session: its user (as an actor), its CSRF token and when it ends. */
export type LiveSession = {
  actor: Extract<Actor, { kind: 'user' }>;
  user: User;
  csrfToken: string;
  expiresAt: string;
  tokenHash: string;
};

export type SessionView = { user: UserWire; csrfToken: string; expiresAt: string };

const endOf = (session: { createdAt: string; lastSeenAt: string; expiresAt: string }) =>
  Math.min(Date.parse(session.expiresAt), Date.parse(session.lastSeenAt) + SESSION_IDLE_MS);

/**
 * The session a cookie token names, if it is live: known (a forged token is not), not ended by logout or a
 * password change (the row is gone), not expired, its user not disabled.
 */
export async function resolveSession(ctx: AppContext, token: string | undefined): Promise<LiveSession | undefined> {
  // Tokens are base64url: anything else (a NUL, a forged shape) is no session, and never reaches the database.
  if (token === undefined || !/^[\w-]{20,200}$/.test(token)) return undefined;
  const hash = tokenHash(token);
  const session = await findSession(ctx.store.db, hash);
  if (session === undefined) return undefined;
  const now = ctx.now().getTime();
  if (now >= endOf(session)) {
    await deleteSession(ctx.store.db, hash);
    return undefined;
  }
  const user = await findUser(ctx.store.db, { id: session.userId });
  if (user === undefined || user.disabled) return undefined;
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await touchSession(ctx.store.db, hash, timestamp(ctx));
  const expiresAt = new Date(endOf({ ...session, lastSeenAt: new Date(now).toISOString() })).toISOString();
  return {
    actor: userActor(user) as LiveSession['actor'],
    user,
    csrfToken: session.csrfToken,
    expiresAt,
    tokenHash: hash,
  };
}

export async function sessionView(ctx: AppContext, session: LiveSession): Promise<SessionView> {
  return { user: await userToWire(ctx, session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** How long until a key may try again, or 0 when it is under its limit. */
async function throttledFor(ctx: AppContext, key: string, limit: number): Promise<number> {
  const now = ctx.now().getTime();
  const since = new Date(now - THROTTLE_WINDOW_MS).toISOString();
  const { count, oldest } = await countLoginFailures(ctx.store.db, key, since);
  if (count < limit || oldest === null) return 0;
  return Math.max(1, Math.ceil((Date.parse(oldest) + THROTTLE_WINDOW_MS - now) / 1000));
}

export type LoginRequest = { name: string; password: string; address: string };
export type LoginResult = SessionView & { token: string };

/**
 * 登录. Throttled per account and per address (failures live in the database, so every server counts them);
 * a throttled attempt is refused before the password is even checked. Unknown names cost as much as known ones.
 */
export async function login(ctx: AppContext, request: LoginRequest): Promise<AppResult<LoginResult>> {
  const accountKey = `account:${request.name}`;
  const addressKey = `address:${request.address}`;
  const wait = Math.max(
    await throttledFor(ctx, accountKey, MAX_FAILURES_PER_ACCOUNT),
    await throttledFor(ctx, addressKey, MAX_FAILURES_PER_ADDRESS),
  );
  const at = timestamp(ctx);
  if (wait > 0) {
    await appendAudit(ctx.store.db, {
      at,
      actor: request.name,
      action: 'session.login-failed',
      entity: 'user',
      entityId: null,
      detail: { reason: 'throttled', address: request.address },
    });
    const minutes = Math.ceil(wait / 60);
    return {
      ok: false,
      error: { kind: 'THROTTLED', message: `登录失败次数过多，请 ${minutes} 分钟后再试`, retryAfterSeconds: wait },
    };
  }
  const found = await findUserWithHash(ctx.store.db, { name: request.name });
  const matches = await passwordMatches(found?.passwordHash ?? (await decoyHash()), request.password);
  if (found === undefined || !matches || found.user.disabled) {
    await inTransaction(ctx.store, async (tx) => {
      await recordLoginFailure(tx, [accountKey, addressKey], at);
      await appendAudit(tx, {
        at,
        actor: request.name,
        action: 'session.login-failed',
        entity: 'user',
        entityId: found?.user.id ?? null,
        detail: { address: request.address },
      });
    });
    return unauthenticated(found?.user.disabled === true && matches ? '该账号已停用' : '用户名或密码错误');
  }
  const user = found.user;
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now().getTime() + SESSION_LIFETIME_MS).toISOString();
  await inTransaction(ctx.store, async (tx) => {
    await deleteExpiredSessions(tx, at);
    await clearLoginFailures(tx, accountKey);
    await insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      address: request.address,
    });
    await appendAudit(tx, {
      at,
      actor: actorLabel(userActor(user)),
      actorRole: user.role,
      action: 'session.login',
      entity: 'user',
      entityId: user.id,
      detail: { address: request.address },
    });
  });
  const view = await userToWire(ctx, user);
  return ok({
    user: view,
    csrfToken,
    expiresAt: new Date(Math.min(Date.parse(expiresAt), ctx.now().getTime() + SESSION_IDLE_MS)).toISOString(),
    token,
  });
}

/** 退出登录: the session row is deleted, so its cookie is dead on every server. */
export async function logout(ctx: AppContext, session: LiveSession): Promise<AppResult<null>> {
  const at = timestamp(ctx);
  await inTransaction(ctx.store, async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await appendAudit(tx, {
      at,
      actor: actorLabel(session.actor),
      actorRole: session.user.role,
      action: 'session.logout',
      entity: 'user',
      entityId: session.user.id,
      detail: {},
    });
  });
  return ok(null);
}
