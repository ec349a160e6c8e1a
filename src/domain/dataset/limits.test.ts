import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { minimalDatasetInput } from '../testing/minimal-dataset.js';
import { excerpt, forbiddenCharacter, LIST_LIMITS, TEXT_LIMITS } from './limits.js';
import { parseDataset } from './parse.js';
import { datasetSchema, type DatasetInput } from './schema.js';

const errorsOf = (input: DatasetInput) => {
  const parsed = parseDataset(input);
  return parsed.ok ? [] : parsed.errors.map(({ code, message, path }) => ({ code, message, path }));
};

const withProjectName = (name: string): DatasetInput => {
  const input = minimalDatasetInput();
  input.projects = [{ name, yearStartBudget: '50', actual: '45', returnedToTreasury: '5' }];
  return input;
};

describe('text limits', () => {
  it('accepts a project name of 200 characters and refuses 201 at its path', () => {
    expect(TEXT_LIMITS.name).toBe(200);
    expect(errorsOf(withProjectName('项'.repeat(200)))).toEqual([]);
    expect(errorsOf(withProjectName('项'.repeat(201)))).toEqual([
      { code: 'TEXT_TOO_LONG', message: '文字过长：201 个字符，最多 200 个字符', path: ['projects', 0, 'name'] },
    ]);
  });

  it('accepts a paragraph of 5,000 characters and refuses 5,001 at its path', () => {
    const input = minimalDatasetInput();
    input.narrative!.problems = ['短。', '问'.repeat(5_000)];
    expect(errorsOf(input)).toEqual([]);
    input.narrative!.problems = ['短。', '问'.repeat(5_001)];
    expect(errorsOf(input)).toEqual([
      {
        code: 'TEXT_TOO_LONG',
        message: '文字过长：5001 个字符，最多 5000 个字符',
        path: ['narrative', 'problems', 1],
      },
    ]);
  });

  it('limits notes to 2,000 characters (an indicator’s deviation reason)', () => {
    const input = minimalDatasetInput();
    const indicator = { level1: '产出', level2: '数量', name: '办件量', direction: '≥', target: '100', weight: '10' };
    input.indicators = [
      { ...indicator, actual: '90', deviationReason: '因'.repeat(2_001) },
    ] as DatasetInput['indicators'];
    expect(errorsOf(input)).toEqual([
      {
        code: 'TEXT_TOO_LONG',
        message: '文字过长：2001 个字符，最多 2000 个字符',
        path: ['indicators', 0, 'deviationReason'],
      },
    ]);
  });
});

describe('list limits', () => {
  const project = { name: '项目', yearStartBudget: '1', actual: '1' };

  it('accepts 2,000 projects and refuses 2,001 with one finding at the list', () => {
    expect(LIST_LIMITS.projects).toBe(2_000);
    const input = minimalDatasetInput();
    input.projects = Array.from({ length: 2_000 }, () => project);
    expect(errorsOf(input)).toEqual([]);
    input.projects = Array.from({ length: 2_001 }, () => project);
    expect(errorsOf(input)).toEqual([
      { code: 'LIST_TOO_LONG', message: '列表过长：2001 项，最多 2000 项', path: ['projects'] },
    ]);
  });

  it('refuses a thirteenth payment-progress point', () => {
    const input = minimalDatasetInput();
    input.paymentProgress = {
      points: Array.from({ length: 13 }, (_, i) => ({ month: (i % 12) + 1, cumulativePercent: '10' })),
    };
    expect(errorsOf(input)).toContainEqual({
      code: 'LIST_TOO_LONG',
      message: '列表过长：13 项，最多 12 项',
      path: ['paymentProgress', 'points'],
    });
  });
});

describe('characters a database cannot store or a report cannot print', () => {
  it('refuses NUL in the department name, naming the character and its position', () => {
    const input = minimalDatasetInput();
    input.department.name = '测试\u0000局';
    expect(errorsOf(input)).toEqual([
      {
        code: 'TEXT_CONTROL_CHARACTER',
        message: '第 3 个字符是无法保存或打印的控制字符 U+0000，请删除',
        path: ['department', 'name'],
      },
    ]);
  });

  it('refuses the other C0 controls, DEL, C1 controls, lone surrogates and U+FFFF anywhere', () => {
    for (const [text, codePoint] of [
      ['a\u0001', 0x01],
      ['a\u000B', 0x0b],
      ['a\u001F', 0x1f],
      ['a\u007F', 0x7f],
      ['a\u0085', 0x85],
      ['a\uD800b', 0xd800],
      ['a\uDC00', 0xdc00],
      ['a\uFFFF', 0xffff],
    ] as const) {
      expect(forbiddenCharacter(text)).toEqual({ index: 1, codePoint });
      const input = minimalDatasetInput();
      input.narrative!.measures = ['继续。', text];
      expect(errorsOf(input).map((e) => [e.code, e.path])).toEqual([
        ['TEXT_CONTROL_CHARACTER', ['narrative', 'measures', 1]],
      ]);
    }
  });

  it('accepts tabs, line breaks, CJK punctuation and characters outside the BMP', () => {
    const input = minimalDatasetInput();
    input.narrative!.measures = ['第一，\t继续；\r\n第二，“𠀀”与😀。'];
    expect(errorsOf(input)).toEqual([]);
  });
});

describe('nesting and numbers', () => {
  it('refuses a sub-part under a sub-part (the report prints two levels of headings)', () => {
    const input = minimalDatasetInput();
    const deepest = { heading: '第三级', paragraphs: [] };
    input.narrative!.achievements = [
      { heading: '一级', paragraphs: [], subsections: [{ heading: '二级', paragraphs: [], subsections: [deepest] }] },
    ];
    expect(errorsOf(input)).toEqual([
      {
        code: 'NESTING_TOO_DEEP',
        message: '“绩效情况”最多两级标题：小标题下不能再分小标题',
        path: ['narrative', 'achievements', 0, 'subsections', 0, 'subsections'],
      },
    ]);
  });

  it('refuses an amount written as 60 digits without parsing it, and quotes only its start', () => {
    const input = minimalDatasetInput();
    input.basicExpenditure!.actual = '1'.repeat(60);
    expect(errorsOf(input)).toEqual([
      {
        code: 'AMOUNT_INVALID',
        message: `不是有效金额：${'1'.repeat(40)}…（共 60 个字符）`,
        path: ['basicExpenditure', 'actual'],
      },
    ]);
    expect(excerpt(`a${'😀'.repeat(30)}`)).toBe(`a${'😀'.repeat(19)}…（共 61 个字符）`);
  });
});

type JsonNode = {
  type?: string;
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
};

/** Every plain string and every list of the JSON Schema, with its path. */
function stringsAndLists(node: JsonNode, path: string, found: { path: string; node: JsonNode }[] = []) {
  if ((node.type === 'string' && node.enum === undefined && node.pattern === undefined) || node.type === 'array')
    found.push({ path, node });
  for (const [key, child] of Object.entries(node.properties ?? {})) stringsAndLists(child, `${path}.${key}`, found);
  if (node.items !== undefined) stringsAndLists(node.items, `${path}[]`, found);
  return found;
}

describe('every text field and list of the schema', () => {
  it('has a documented maximum (maxLength / maxItems in the JSON Schema)', () => {
    const schema = z.toJSONSchema(datasetSchema('万元'), { io: 'input', unrepresentable: 'any' }) as JsonNode;
    const fields = stringsAndLists(schema, '$');
    expect(fields.length).toBeGreaterThan(60);
    const unbounded = fields
      .filter(({ node }) => (node.type === 'array' ? node.maxItems : node.maxLength) === undefined)
      .map(({ path }) => path);
    expect(unbounded).toEqual([]);
  });
});
