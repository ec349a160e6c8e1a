import { openStore, storeConfigFrom } from '../store/connect.js';
import type { AppContext } from './context.js';

/** The context of a CLI run or server: the store DATABASE_URL or `dbFile` names (data/jixiao.sqlite by default), migrated. */
export async function openAppContext(dbFile?: string): Promise<AppContext> {
  const store = await openStore(storeConfigFrom(process.env, dbFile));
  return { store, now: () => new Date() };
}

/** A file's format from its name: .xlsx, .json, otherwise YAML. */
export function formatFromName(file: string): 'xlsx' | 'json' | 'yaml' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return lower.endsWith('.json') ? 'json' : 'yaml';
}
