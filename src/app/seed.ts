import { readFile } from 'node:fs/promises';
import { countDatasets } from '../store/datasets-repo.js';
import type { AppContext } from './context.js';
import { importDataset } from './import-export.js';

/** Loads the seed example into an empty database, so that a first `jixiao serve` has something to show. */
export async function seedIfEmpty(ctx: AppContext, file: string): Promise<'seeded' | 'not-empty'> {
  if ((await countDatasets(ctx.store.db)) > 0) return 'not-empty';
  const content = await readFile(file, 'utf8');
  const result = await importDataset(ctx, { format: 'yaml', content, fileName: file, actor: '系统（示例数据）' });
  if (!result.ok) throw new Error(`示例数据无法导入：${result.error.message}`);
  return 'seeded';
}
