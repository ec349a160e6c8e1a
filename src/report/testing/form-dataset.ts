// Test helper: a 自评表 dataset (`kind: projectForm | departmentForm`) or a narrative one with forms, from the
// fixtures of src/domain/forms/form-fixtures.ts, parsed as a file would be. Not imported by production code.
import { parseDataset } from '../../domain/dataset/parse.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import type { FormInput } from '../../domain/forms/form-fixtures.js';
import { findBuiltinPack } from '../../domain/scoring/packs/builtin-packs.js';
import type { RulePack } from '../../domain/scoring/rule-pack.js';

export function formDataset(
  kind: 'projectForm' | 'departmentForm',
  rulePack: string,
  forms: readonly FormInput[],
  department = '某县水利局',
): Dataset {
  const parsed = parseDataset({
    kind,
    fiscalYear: 2020,
    unit: '万元',
    rulePack,
    department: { name: department },
    forms,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.dataset;
}

export function builtinPack(name: string): RulePack {
  const pack = findBuiltinPack(name);
  if (pack === null) throw new Error(`no pack ${name}`);
  return pack;
}
