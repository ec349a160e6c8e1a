import { z } from 'zod';
import { datasetSchema } from '../src/domain/dataset/schema.js';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
};

/** The dataset's JSON Schema (input side: what a file may contain). */
export function datasetJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(datasetSchema('万元'), {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema & Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://jixiao.example/schema/dataset.schema.json',
    title: 'Jixiao 数据集（一个部门一个年度）',
  } as JsonSchema;
}

function typeText(node: JsonSchema): string {
  if (node.$ref !== undefined) return '（递归）章节';
  if (node.enum !== undefined) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' / ');
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.anyOf !== undefined) return node.anyOf.map(typeText).join(' 或 ');
  if (node.type === 'array') return node.maxItems === undefined ? '列表' : `列表，至多 ${node.maxItems} 项`;
  if (node.type === 'string' && node.maxLength !== undefined) return `string，至多 ${node.maxLength} 字`;
  return Array.isArray(node.type) ? node.type.join(' / ') : (node.type ?? '任意');
}

/** One table row per field, walking the schema depth-first ("income.sources[].basic"). */
export function fieldRows(node: JsonSchema, prefix = ''): string[] {
  const rows: string[] = [];
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${key}`;
    const def = child.default === undefined ? '' : ` 默认 \`${JSON.stringify(child.default)}\``;
    const req = required.has(key) && child.default === undefined ? '是' : '';
    rows.push(
      `| \`${path}\` | ${typeText(child)} | ${req} | ${(child.description ?? '').replace(/\|/g, '\\|')}${def} |`,
    );
    const inner = child.type === 'array' ? child.items : child;
    if (inner?.properties) rows.push(...fieldRows(inner, child.type === 'array' ? `${path}[].` : `${path}.`));
  }
  return rows;
}
