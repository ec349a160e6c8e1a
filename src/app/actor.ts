import type { Role } from '../store/users-repo.js';

export type { Role } from '../store/users-repo.js';

/** 角色 as the interface names them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  editor: '部门填报人',
  reviewer: '财政局审核人',
  admin: '系统管理员',
};

/**
 * Who is acting, as use cases see it: a signed-in user (from the session, never from the request), or the
 * operator at the server's command line (`system`), who owns the database file anyway.
 */
export type Actor =
  | { kind: 'user'; id: number; name: string; displayName: string; role: Role; departmentIds: readonly number[] }
  | { kind: 'system'; label: string };

/** The name written as author and in the audit log: 显示名（登录名）, unique and readable. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'system' ? actor.label : `${actor.displayName}（${actor.name}）`;
}

export const actorRole = (actor: Actor): Role | null => (actor.kind === 'user' ? actor.role : null);

/** Whether the actor may see the data of a department (editors: their own; everyone else: every department). */
export function seesDepartment(actor: Actor, departmentId: number): boolean {
  return actor.kind === 'system' || actor.role !== 'editor' || actor.departmentIds.includes(departmentId);
}

/** The departments an actor is limited to; undefined when it sees every department. */
export function departmentScope(actor: Actor): readonly number[] | undefined {
  return actor.kind === 'user' && actor.role === 'editor' ? actor.departmentIds : undefined;
}

export const CLI_ACTOR: Actor = { kind: 'system', label: '命令行（服务器操作员）' };
