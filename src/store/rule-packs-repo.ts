import type { Executor } from './executor.js';

/** 评分规则包: a named, versioned scoring definition (JSON), chosen by a dataset's `rulePack`. */
export type RulePack = { id: number; name: string; version: string; definition: unknown; createdAt: string };

export async function listRulePacks(db: Executor): Promise<RulePack[]> {
  const rows = await db.selectFrom('rule_packs').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    definition: JSON.parse(r.definition) as unknown,
    createdAt: r.created_at,
  }));
}

/** Adds or replaces the pack of that name. */
export async function saveRulePack(db: Executor, pack: Omit<RulePack, 'id' | 'createdAt'>, at: string): Promise<void> {
  const definition = JSON.stringify(pack.definition);
  await db
    .insertInto('rule_packs')
    .values({ name: pack.name, version: pack.version, definition, created_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ version: pack.version, definition }))
    .execute();
}
