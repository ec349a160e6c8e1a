import { z } from 'zod';
import { TEXT_LIMITS, type TextKind } from '../../domain/dataset/limits.js';
import { datasetSchema, type Dataset } from '../../domain/dataset/schema.js';

type JsonNode = { type?: string; maxLength?: number; properties?: Record<string, JsonNode>; items?: JsonNode };

/** How a text is stretched to `length` characters without a space: its own characters repeated, or one letter. */
export type Stretch = 'own-characters' | 'one-letter';

function stretched(text: string, length: number, how: Stretch): string {
  const seed = how === 'one-letter' ? 'a' : text.replace(/\s+/g, '') || '字';
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

/** Identifiers that must keep matching what they name (a review's problem key, the rule pack's name). */
const IDENTIFIERS = new Set(['key', 'rulePack']);

type Options = { how: Stretch; lengths: ReadonlySet<number> };

function stretchAll(value: unknown, node: JsonNode, options: Options): unknown {
  if (typeof value === 'string' && node.type === 'string' && options.lengths.has(node.maxLength ?? 0))
    return stretched(value, node.maxLength ?? 0, options.how);
  if (Array.isArray(value)) return value.map((item: unknown) => stretchAll(item, node.items ?? {}, options));
  if (typeof value !== 'object' || value === null || typeof value === 'bigint') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      IDENTIFIERS.has(key) ? child : stretchAll(child, node.properties?.[key] ?? {}, options),
    ]),
  );
}

/**
 * `dataset` with every text of the given kinds (by default all: names, notes, paragraphs) at the longest its limit
 * allows and without a single space: a stress case for report rendering. A name stretched the same way stays equal
 * to the same name elsewhere (an indicator's project still names its project).
 */
export function withLongestTexts(
  dataset: Dataset,
  how: Stretch = 'own-characters',
  kinds: readonly TextKind[] = ['name', 'note', 'paragraph'],
): Dataset {
  const schema = z.toJSONSchema(datasetSchema(dataset.unit), { io: 'output', unrepresentable: 'any' }) as JsonNode;
  return stretchAll(dataset, schema, { how, lengths: new Set(kinds.map((kind) => TEXT_LIMITS[kind])) }) as Dataset;
}
