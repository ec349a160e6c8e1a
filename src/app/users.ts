import { appendAudit } from '../store/audit-repo.js';
import { findDepartment, findDepartmentBy } from '../store/departments-repo.js';
import { inTransaction, isUniqueViolation } from '../store/executor.js';
import { deleteSessionsOf } from '../store/sessions-repo.js';
import {
  findUser,
  findUserWithHash,
  insertUser,
  listUsers as listUserRows,
  setUserDepartments,
  updateUser as updateUserRow,
  type Role,
  type UserChanges,
} from '../store/users-repo.js';
import { actorLabel, actorRole, type Actor } from './actor.js';
import { conflict, forbidden, invalid, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';
import { hashPassword, passwordMatches, passwordProblem } from './passwords.js';
import { userToWire, type LiveSession, type UserWire } from './sessions.js';

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

function badField(field: string, message: string) {
  return invalid(message, [
    { severity: 'error', code: 'INVALID_USER', message, path: ['body', field], pathText: `$.body.${field}` },
  ]);
}

/** Departments given by id or code must all exist; editors need at least one, other roles none. */
async function checkDepartments(ctx: AppContext, role: Role, ids: readonly number[]) {
  for (const id of ids)
    if ((await findDepartment(ctx.store.db, id)) === undefined) return notFound(`部门 ${id} 不存在`);
  if (role === 'editor' && ids.length === 0) return badField('departmentIds', '部门填报人至少属于一个部门');
  if (role !== 'editor' && ids.length > 0) return badField('departmentIds', '只有部门填报人属于部门');
  return null;
}

/** A department by id or budget code (the CLI takes either). */
export async function departmentIdOf(ctx: AppContext, key: string): Promise<number | undefined> {
  const byCode = await findDepartmentBy(ctx.store.db, { code: key });
  if (byCode !== undefined) return byCode.id;
  return /^\d+$/.test(key) ? (await findDepartment(ctx.store.db, Number(key)))?.id : undefined;
}

export type NewUser = {
  name: string;
  displayName: string;
  role: Role;
  departmentIds: readonly number[];
  password: string;
};

/** 新建账号 (administrator, or the server's operator at the command line). */
export async function createUser(ctx: AppContext, fields: NewUser, actor: Actor): Promise<AppResult<UserWire>> {
  if (!NAME_PATTERN.test(fields.name))
    return badField('name', '用户名为 2–64 个字母、数字、点、下划线或连字符，以字母或数字开头');
  const weak = passwordProblem(fields.password);
  if (weak !== null) return badField('password', weak);
  const refused = await checkDepartments(ctx, fields.role, fields.departmentIds);
  if (refused !== null) return refused;
  const passwordHash = await hashPassword(fields.password);
  const at = timestamp(ctx);
  try {
    const id = await inTransaction(ctx.store, async (tx) => {
      const userId = await insertUser(tx, { ...fields, passwordHash }, fields.departmentIds, at);
      const detail = {
        name: fields.name,
        displayName: fields.displayName,
        role: fields.role,
        departmentIds: fields.departmentIds,
      };
      await appendAudit(tx, {
        at,
        actor: actorLabel(actor),
        actorRole: actorRole(actor),
        action: 'user.create',
        entity: 'user',
        entityId: userId,
        detail,
      });
      return userId;
    });
    const user = await findUser(ctx.store.db, { id });
    return user === undefined ? notFound(`用户 ${id} 不存在`) : ok(await userToWire(ctx, user));
  } catch (error) {
    if (isUniqueViolation(error)) return conflict(`用户名已存在：${fields.name}`);
    throw error;
  }
}

export async function listUsers(ctx: AppContext): Promise<AppResult<UserWire[]>> {
  const users = await listUserRows(ctx.store.db);
  return ok(await Promise.all(users.map((u) => userToWire(ctx, u))));
}

export type UserUpdate = {
  displayName?: string;
  role?: Role;
  departmentIds?: readonly number[];
  disabled?: boolean;
  password?: string;
};

/** 修改账号; disabling an account or setting its password ends its sessions. Old and new values are logged. */
export async function updateUser(
  ctx: AppContext,
  id: number,
  update: UserUpdate,
  actor: Actor,
): Promise<AppResult<UserWire>> {
  const before = await findUser(ctx.store.db, { id });
  if (before === undefined) return notFound(`用户 ${id} 不存在`);
  const role = update.role ?? before.role;
  const departmentIds =
    update.departmentIds ?? (update.role !== undefined && role !== 'editor' ? [] : before.departmentIds);
  const refused = await checkDepartments(ctx, role, departmentIds);
  if (refused !== null) return refused;
  if (update.password !== undefined) {
    const weak = passwordProblem(update.password);
    if (weak !== null) return badField('password', weak);
  }
  const changes: UserChanges = {
    ...(update.displayName === undefined ? {} : { displayName: update.displayName }),
    ...(update.role === undefined ? {} : { role: update.role }),
    ...(update.disabled === undefined ? {} : { disabled: update.disabled }),
    ...(update.password === undefined ? {} : { passwordHash: await hashPassword(update.password) }),
  };
  const at = timestamp(ctx);
  await inTransaction(ctx.store, async (tx) => {
    await updateUserRow(tx, id, changes, at);
    await setUserDepartments(tx, id, departmentIds);
    if (update.disabled === true || update.password !== undefined) await deleteSessionsOf(tx, id);
    const detail = {
      before: {
        displayName: before.displayName,
        role: before.role,
        departmentIds: before.departmentIds,
        disabled: before.disabled,
      },
      after: {
        displayName: update.displayName ?? before.displayName,
        role,
        departmentIds,
        disabled: update.disabled ?? before.disabled,
      },
      passwordReset: update.password !== undefined,
    };
    await appendAudit(tx, {
      at,
      actor: actorLabel(actor),
      actorRole: actorRole(actor),
      action: 'user.update',
      entity: 'user',
      entityId: id,
      detail,
    });
  });
  const user = await findUser(ctx.store.db, { id });
  return user === undefined ? notFound(`用户 ${id} 不存在`) : ok(await userToWire(ctx, user));
}

/** 修改密码 by the user: the current password is required; every other session of the user ends. */
export async function changeOwnPassword(
  ctx: AppContext,
  session: LiveSession,
  currentPassword: string,
  newPassword: string,
): Promise<AppResult<null>> {
  const found = await findUserWithHash(ctx.store.db, { id: session.user.id });
  if (found === undefined || !(await passwordMatches(found.passwordHash, currentPassword)))
    return forbidden('当前密码不正确');
  const weak = passwordProblem(newPassword);
  if (weak !== null) return badField('newPassword', weak);
  const passwordHash = await hashPassword(newPassword);
  const at = timestamp(ctx);
  await inTransaction(ctx.store, async (tx) => {
    await updateUserRow(tx, session.user.id, { passwordHash }, at);
    await deleteSessionsOf(tx, session.user.id, session.tokenHash);
    await appendAudit(tx, {
      at,
      actor: actorLabel(session.actor),
      actorRole: session.user.role,
      action: 'user.password',
      entity: 'user',
      entityId: session.user.id,
      detail: {},
    });
  });
  return ok(null);
}

/** 重设密码 from the command line (`jixiao user passwd NAME`). */
export async function resetPassword(
  ctx: AppContext,
  name: string,
  password: string,
  actor: Actor,
): Promise<AppResult<UserWire>> {
  const user = await findUser(ctx.store.db, { name });
  if (user === undefined) return notFound(`用户不存在：${name}`);
  return updateUser(ctx, user.id, { password }, actor);
}
