import { z } from 'zod';
import { runChecks } from '../domain/checks/run-checks.js';
import type { RulePack } from '../domain/scoring/rule-pack.js';
import { allFindings } from '../domain/scoring/scoring-check.js';
import type { LocatedFinding } from '../ingest/located-yaml.js';
import { readDatasetFile, type ReadDatasetResult } from '../ingest/read-dataset.js';
import { resolveRulePack } from '../ingest/read-rule-pack.js';
import { exitInvalid } from './fail.js';

export { EXIT_INVALID_INPUT } from './fail.js';

// A command that loads a dataset parses it once and ends: zod's compiled fast path for the dataset's object schemas
// costs more to build than it saves on one parse (seed: read and parsed in 64–75 ms with it, 40–47 ms without).
// Only the commands that load a dataset file import this module; the server and the report workers keep the fast
// path, which pays off over many parses.
z.config({ jitless: true });

export type LoadedDataset = Extract<ReadDatasetResult, { ok: true }>;

/** Reads a dataset file; on failure prints every located problem in Chinese and exits with code 2. */
export async function loadDatasetOrExit(file: string, json: boolean): Promise<LoadedDataset> {
  const result = await readDatasetFile(file);
  return result.ok ? result : exitInvalid(result.errors, json, `数据集无法读取：${file}`);
}

/** The rule pack to use (`--pack`, else the dataset's rulePack, else national); an unknown or bad pack exits 2. */
export async function loadPackOrExit(
  option: string | undefined,
  loaded: LoadedDataset,
  file: string,
  json: boolean,
): Promise<RulePack> {
  const resolved = await resolveRulePack(option, loaded.dataset.rulePack, file);
  return resolved.ok ? resolved.pack : exitInvalid(resolved.errors, json);
}

/**
 * What `jixiao check` lists: every finding under the dataset's pack (the same `selfEvaluate` findings `score` and
 * the report use), located in the file; a pack that cannot be read adds its own findings and the data checks stand.
 */
export async function checkFindings(loaded: LoadedDataset, file: string): Promise<LocatedFinding[]> {
  const pack = await resolveRulePack(undefined, loaded.dataset.rulePack, file);
  const all = pack.ok ? allFindings(loaded.dataset, pack.pack) : runChecks(loaded.dataset);
  const located = all.map((f) => ({ ...f, location: loaded.locate(f.path) }));
  return pack.ok ? located : [...pack.errors, ...located];
}
