import type { z } from 'zod';
import zhCNLocale from 'zod/v4/locales/zh-CN.js';
import type { Finding } from '../findings/finding.js';
import type { MoneyUnit } from '../money/index.js';
import { moneyUnitSchema, datasetSchema, type Dataset } from './schema.js';

export type ParseDatasetResult = { ok: true; dataset: Dataset } | { ok: false; errors: Finding[] };

// The one locale, imported by itself: `z.locales` would bundle all of zod's ~50 (the CLI bundle, the web app).
const zhCN = zhCNLocale().localeError;

const ZOD_CODES: Readonly<Record<string, string>> = {
  invalid_type: 'INVALID_TYPE',
  invalid_value: 'INVALID_VALUE',
  too_small: 'VALUE_TOO_SMALL',
  too_big: 'VALUE_TOO_BIG',
  unrecognized_keys: 'UNKNOWN_FIELD',
  invalid_format: 'INVALID_FORMAT',
  invalid_union: 'INVALID_VALUE',
  not_multiple_of: 'INVALID_VALUE',
};

function issueToFinding(issue: z.core.$ZodIssue): Finding {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return {
      severity: 'error',
      code: 'REQUIRED_FIELD_MISSING',
      message: `缺少必填字段：${String(path.at(-1) ?? '')}`,
      path,
    };
  }
  return { severity: 'error', code: findingCode(issue), message: issue.message, path };
}

/** The stable code of an issue: a custom one's own, a text or list over its limit, else by zod's issue kind. */
function findingCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') {
    const custom = (issue.params as { code?: unknown } | undefined)?.code;
    if (typeof custom === 'string') return custom;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return 'TEXT_TOO_LONG';
  if (issue.code === 'too_big' && issue.origin === 'array') return 'LIST_TOO_LONG';
  return ZOD_CODES[issue.code] ?? 'INVALID_VALUE';
}

/**
 * The dataset schema of each unit, built once: building it costs more than most parses (about 1 ms idle, tens of
 * milliseconds under load), and its garbage grew the server's heap by hundreds of MB when warming 3,000 datasets.
 */
const SCHEMAS = new Map<MoneyUnit, ReturnType<typeof datasetSchema>>();
export function schemaFor(unit: MoneyUnit): ReturnType<typeof datasetSchema> {
  let schema = SCHEMAS.get(unit);
  if (schema === undefined) {
    schema = datasetSchema(unit);
    SCHEMAS.set(unit, schema);
  }
  return schema;
}

/**
 * Validates raw data (from YAML, JSON, a workbook or the API) into a Dataset. All problems are
 * returned at once, each with its JSON path and a Chinese message; nothing partial is returned.
 */
export function parseDataset(raw: unknown): ParseDatasetResult {
  const unitField = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['unit'] : undefined;
  const unit = moneyUnitSchema.safeParse(unitField, { error: zhCN });
  if (!unit.success)
    return { ok: false, errors: unit.error.issues.map((i) => ({ ...issueToFinding(i), path: ['unit'] })) };
  const result = schemaFor(unit.data).safeParse(raw, { error: zhCN, reportInput: true });
  if (result.success) return { ok: true, dataset: result.data };
  return { ok: false, errors: result.error.issues.map(issueToFinding) };
}
