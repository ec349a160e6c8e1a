import type { Selectable } from 'kysely';
import type { UserTable } from './database.js';
import type { Executor } from './executor.js';

/** 角色. */
export type Role = 'editor' | 'reviewer' | 'admin';
export const ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

/** 用户 as the store returns it (never with its password hash). */
export type User = {
  id: number;
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  departmentIds: number[];
  createdAt: string;
  updatedAt: string;
};

export type UserFields = { name: string; displayName: string; role: Role; passwordHash: string };

function toUser(row: Selectable<UserTable>, departmentIds: number[]): User {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled !== 0,
    departmentIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function departmentIdsOf(db: Executor, userIds: readonly number[]): Promise<Map<number, number[]>> {
  const byUser = new Map<number, number[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_departments')
    .select(['user_id', 'department_id'])
    .where('user_id', 'in', userIds)
    .orderBy('department_id')
    .execute();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.department_id]);
  return byUser;
}

export async function insertUser(db: Executor, fields: UserFields, departmentIds: readonly number[], at: string) {
  const row = await db
    .insertInto('users')
    .values({
      name: fields.name,
      display_name: fields.displayName,
      role: fields.role,
      password_hash: fields.passwordHash,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setUserDepartments(db, row.id, departmentIds);
  return row.id;
}

export async function setUserDepartments(db: Executor, userId: number, departmentIds: readonly number[]) {
  await db.deleteFrom('user_departments').where('user_id', '=', userId).execute();
  if (departmentIds.length > 0)
    await db
      .insertInto('user_departments')
      .values([...new Set(departmentIds)].map((d) => ({ user_id: userId, department_id: d })))
      .execute();
}

export type UserChanges = { displayName?: string; role?: Role; disabled?: boolean; passwordHash?: string };

export async function updateUser(db: Executor, userId: number, changes: UserChanges, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: at,
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
      ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
    })
    .where('id', '=', userId)
    .execute();
}

export async function findUser(db: Executor, key: { id: number } | { name: string }): Promise<User | undefined> {
  const found = await findUserWithHash(db, key);
  return found?.user;
}

/** The user and its password hash (for login and password change only). */
export async function findUserWithHash(
  db: Executor,
  key: { id: number } | { name: string },
): Promise<{ user: User; passwordHash: string } | undefined> {
  const query = db.selectFrom('users').selectAll();
  const row = await (
    'id' in key ? query.where('id', '=', key.id) : query.where('name', '=', key.name)
  ).executeTakeFirst();
  if (row === undefined) return undefined;
  const departments = await departmentIdsOf(db, [row.id]);
  return { user: toUser(row, departments.get(row.id) ?? []), passwordHash: row.password_hash };
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  const departments = await departmentIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUser(r, departments.get(r.id) ?? []));
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
