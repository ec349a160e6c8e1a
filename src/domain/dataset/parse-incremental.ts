import type { MoneyUnit } from '../money/index.js';
import { parseDataset, schemaFor, type ParseDatasetResult } from './parse.js';
import { moneyUnitSchema, type Dataset } from './schema.js';

/** One top-level field of the document as last parsed: its raw value and what it parsed to. */
type FieldParse = { raw: unknown; ok: boolean; value: unknown };

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/**
 * `parseDataset` for a document edited a field at a time (the editor parses it on every keystroke). The dataset's
 * top-level fields parse independently (its schema has no rule across them), so a field whose raw value is the very
 * value of the previous call — an immutable edit copies only the nodes along the path it changes — keeps its parsed
 * value: the same dataset as `parseDataset` gives, sharing the objects of what did not change (which lets later
 * steps keep their results for them). Any field that does not parse, an unknown field or a bad unit: the whole
 * `parseDataset`, for exactly its errors.
 */
export function incrementalDatasetParser(): (raw: unknown) => ParseDatasetResult {
  let unit: MoneyUnit | null = null;
  let fields = new Map<string, FieldParse>();
  return (raw) => {
    const unitParse = isRecord(raw) ? moneyUnitSchema.safeParse(raw['unit']) : null;
    if (!isRecord(raw) || unitParse === null || !unitParse.success) return parseDataset(raw);
    if (unitParse.data !== unit) {
      unit = unitParse.data;
      fields = new Map();
    }
    const shape = schemaFor(unit).shape as Record<
      string,
      { safeParse: (v: unknown) => { success: boolean; data?: unknown } }
    >;
    if (Object.keys(raw).some((key) => !Object.hasOwn(shape, key))) return parseDataset(raw);
    const dataset: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const value = raw[key];
      let field = fields.get(key);
      if (field === undefined || !Object.is(field.raw, value)) {
        const parsed = schema.safeParse(value);
        field = { raw: value, ok: parsed.success, value: parsed.data };
        fields.set(key, field);
      }
      if (!field.ok) return parseDataset(raw);
      // As zod's object: an absent optional field stays absent.
      if (field.value !== undefined || Object.hasOwn(raw, key)) dataset[key] = field.value;
    }
    return { ok: true, dataset: dataset as Dataset };
  };
}
