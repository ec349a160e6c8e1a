import type { Selectable } from 'kysely';
import type { DepartmentTable } from './database.js';
import type { Executor } from './executor.js';

/** 部门 as the store returns it. */
export type Department = {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  createdAt: string;
  updatedAt: string;
};

export type DepartmentFields = { code: string; name: string; parentId: number | null };

function toDepartment(row: Selectable<DepartmentTable>): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listDepartments(db: Executor): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('code').execute();
  return rows.map(toDepartment);
}

export async function findDepartment(db: Executor, id: number): Promise<Department | undefined> {
  const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDepartment(row);
}

export async function findDepartmentBy(
  db: Executor,
  key: { code: string } | { name: string },
): Promise<Department | undefined> {
  const query = db.selectFrom('departments').selectAll();
  const row = await ('code' in key ? query.where('code', '=', key.code) : query.where('name', '=', key.name))
    .orderBy('id')
    .executeTakeFirst();
  return row && toDepartment(row);
}

export async function insertDepartment(db: Executor, fields: DepartmentFields, at: string): Promise<Department> {
  const row = await db
    .insertInto('departments')
    .values({ code: fields.code, name: fields.name, parent_id: fields.parentId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDepartment(row);
}

export async function updateDepartment(
  db: Executor,
  id: number,
  fields: Partial<DepartmentFields>,
  at: string,
): Promise<Department | undefined> {
  const row = await db
    .updateTable('departments')
    .set({
      ...(fields.code === undefined ? {} : { code: fields.code }),
      ...(fields.name === undefined ? {} : { name: fields.name }),
      ...(fields.parentId === undefined ? {} : { parent_id: fields.parentId }),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toDepartment(row);
}
