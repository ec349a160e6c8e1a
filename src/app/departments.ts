import type { Transaction } from 'kysely';
import type { Database } from '../store/database.js';
import { appendAudit } from '../store/audit-repo.js';
import {
  findDepartment,
  insertDepartment,
  listDepartments as listDepartmentRows,
  updateDepartment as updateDepartmentRow,
  type Department,
  type DepartmentFields,
} from '../store/departments-repo.js';
import { inTransaction, isUniqueViolation } from '../store/executor.js';
import { actorLabel, actorRole, type Actor } from './actor.js';
import { conflict, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';

/** 部门树: a department with the departments under it. */
export type DepartmentNode = Department & { children: DepartmentNode[] };

function subtree(all: readonly Department[], root: Department): DepartmentNode {
  return { ...root, children: all.filter((d) => d.parentId === root.id).map((d) => subtree(all, d)) };
}

export async function listDepartments(ctx: AppContext, parentId?: number): Promise<AppResult<Department[]>> {
  const all = await listDepartmentRows(ctx.store.db);
  return ok(parentId === undefined ? all : all.filter((d) => d.parentId === parentId));
}

/** One department with its whole subtree (a bureau sees every unit under it). */
export async function getDepartment(ctx: AppContext, id: number): Promise<AppResult<DepartmentNode>> {
  const all = await listDepartmentRows(ctx.store.db);
  const root = all.find((d) => d.id === id);
  return root === undefined ? notFound(`部门 ${id} 不存在`) : ok(subtree(all, root));
}

async function checkParent(ctx: AppContext, id: number | null, parentId: number | null | undefined) {
  if (parentId === null || parentId === undefined) return null;
  const all = await listDepartmentRows(ctx.store.db);
  if (!all.some((d) => d.id === parentId)) return notFound(`上级部门 ${parentId} 不存在`);
  // Walking up from the new parent must not reach the department itself: a tree has no cycles.
  for (let at = all.find((d) => d.id === parentId); at !== undefined; at = all.find((d) => d.id === at?.parentId)) {
    if (at.id === id) return conflict('上级部门不能是本部门或其下级部门');
  }
  return null;
}

const duplicateCode = (code: string | undefined) => conflict(`部门编码已存在：${code ?? ''}`);

/** Inserts a department and its audit entry, inside the caller's transaction (also used by imports). */
export async function insertDepartmentAudited(
  tx: Transaction<Database>,
  fields: DepartmentFields,
  at: string,
  actor: Actor,
): Promise<Department> {
  const department = await insertDepartment(tx, fields, at);
  await appendAudit(tx, {
    at,
    actor: actorLabel(actor),
    actorRole: actorRole(actor),
    departmentId: department.id,
    action: 'department.create',
    entity: 'department',
    entityId: department.id,
    detail: { ...fields },
  });
  return department;
}

export async function createDepartment(
  ctx: AppContext,
  fields: DepartmentFields,
  actor: Actor,
): Promise<AppResult<Department>> {
  const refused = await checkParent(ctx, null, fields.parentId);
  if (refused !== null) return refused;
  const at = timestamp(ctx);
  try {
    const created = await inTransaction(ctx.store, async (tx) => {
      return insertDepartmentAudited(tx, fields, at, actor);
    });
    return ok(created);
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateCode(fields.code);
    throw error;
  }
}

export async function updateDepartment(
  ctx: AppContext,
  id: number,
  fields: Partial<DepartmentFields>,
  actor: Actor,
): Promise<AppResult<Department>> {
  const before = await findDepartment(ctx.store.db, id);
  if (before === undefined) return notFound(`部门 ${id} 不存在`);
  const refused = await checkParent(ctx, id, fields.parentId);
  if (refused !== null) return refused;
  const at = timestamp(ctx);
  try {
    const updated = await inTransaction(ctx.store, async (tx) => {
      const department = await updateDepartmentRow(tx, id, fields, at);
      // A rename records the old and the new name (and code, parent): the log says what changed, not only to what.
      const old = { code: before.code, name: before.name, parentId: before.parentId };
      const changed = Object.keys(fields) as (keyof DepartmentFields)[];
      await appendAudit(tx, {
        at,
        actor: actorLabel(actor),
        actorRole: actorRole(actor),
        departmentId: id,
        action: 'department.update',
        entity: 'department',
        entityId: id,
        detail: { ...fields, before: Object.fromEntries(changed.map((k) => [k, old[k]])) },
      });
      return department;
    });
    return updated === undefined ? notFound(`部门 ${id} 不存在`) : ok(updated);
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateCode(fields.code);
    throw error;
  }
}
