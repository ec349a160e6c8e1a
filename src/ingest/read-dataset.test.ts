import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { minimalDatasetInput } from '../domain/testing/minimal-dataset.js';
import { readDatasetFile, readDatasetText } from './read-dataset.js';

const validYaml = stringify(minimalDatasetInput());

describe('readDatasetText', () => {
  it('reads a valid YAML dataset and locates any path in it', () => {
    const result = readDatasetText(validYaml, 'd.yaml');
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.locate(['projects', 0, 'actual'])).toMatchObject({
        file: 'd.yaml',
        line: expect.any(Number) as number,
      });
  });

  it('reads the same dataset from JSON', () => {
    const result = readDatasetText(JSON.stringify(minimalDatasetInput(), null, 2), 'd.json');
    expect(result.ok && result.dataset.basicExpenditure!.actual).toBe(100_000_000n);
  });

  it('reports every bad field with its line, JSON path, stable code and a Chinese message', () => {
    const text = validYaml
      .replace('actual: "45"', 'actual: 45.001x')
      .replace('fiscalYear: 2021', 'fiscalYear: 二〇二一');
    const result = readDatasetText(text, 'bad.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const actualLine = text.split('\n').findIndex((l) => l.includes('45.001x')) + 1;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'AMOUNT_INVALID',
          path: ['projects', 0, 'actual'],
          location: { file: 'bad.yaml', line: actualLine, column: expect.any(Number) as number },
        }),
        expect.objectContaining({ code: 'INVALID_TYPE', path: ['fiscalYear'] }),
      ]),
    );
    expect(result.errors.find((e) => e.code === 'AMOUNT_INVALID')?.message).toBe('不是有效金额：45.001x');
  });

  it('refuses an amount with more decimals than fen can hold', () => {
    const result = readDatasetText(
      validYaml.replace('unit: 万元', 'unit: 元').replace('actual: "45"', 'actual: "45.001"'),
      'y.yaml',
    );
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['AMOUNT_TOO_MANY_DECIMALS']);
  });

  it('names a missing required field and an unknown one', () => {
    const input = minimalDatasetInput() as Record<string, unknown>;
    delete input['fiscalYear'];
    input['fiscalYaer'] = 2021;
    const result = readDatasetText(JSON.stringify(input), 'x.json');
    expect(!result.ok && result.errors.map((e) => [e.code, e.message])).toEqual([
      ['REQUIRED_FIELD_MISSING', '缺少必填字段：fiscalYear'],
      ['UNKNOWN_FIELD', '出现未知的键(key): "fiscalYaer"'],
    ]);
  });

  it('reports a YAML syntax error with its position', () => {
    const result = readDatasetText('fiscalYear: 2020\n  unit: [', 's.yaml');
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: 'YAML_SYNTAX',
      location: { file: 's.yaml', line: expect.any(Number) as number },
    });
  });

  it('reports duplicate keys instead of silently keeping one', () => {
    const result = readDatasetText(`${validYaml}fiscalYear: 2022\n`, 'dup.yaml');
    expect(!result.ok && result.errors[0]?.code).toBe('YAML_SYNTAX');
  });
});

describe('readDatasetFile', () => {
  it('turns a missing file into a finding, not a throw', async () => {
    const result = await readDatasetFile('/nonexistent/d.yaml');
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: 'FILE_UNREADABLE',
      message: '文件不存在：/nonexistent/d.yaml',
    });
  });

  it('accepts a UTF-8 BOM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-'));
    const file = join(dir, 'bom.yaml');
    await writeFile(file, `\uFEFF${validYaml}`);
    expect((await readDatasetFile(file)).ok).toBe(true);
  });
});

describe('limits', () => {
  it('refuses an amount too large for any budget (and for a 64-bit column) with a located finding', () => {
    const result = readDatasetText(
      validYaml.replace('actual: "45"', 'actual: "99999999999999999999999999999.99"'),
      'big.yaml',
    );
    expect(!result.ok && result.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['AMOUNT_TOO_LARGE', 'projects.0.actual'],
    ]);
  });

  it('refuses a number that a float cannot carry exactly, asking for a string', () => {
    const json = JSON.stringify(minimalDatasetInput()).replace('"actual":"45"', '"actual":12345678901.234567');
    const result = readDatasetText(json, 'float.json');
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['AMOUNT_INVALID']);
  });
});

describe('hostile input', () => {
  it('turns a YAML alias bomb into a finding instead of a crash', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 10; i += 1)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const result = readDatasetText(levels.join('\n'), 'bomb.yaml');
    expect(!result.ok && result.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', location: { file: 'bomb.yaml' } });
  });
});

describe('payment progress', () => {
  it('refuses the same month twice, pointing at the second', () => {
    const input = minimalDatasetInput();
    input.paymentProgress = {
      points: [
        { month: 3, cumulativePercent: '10' },
        { month: 3, cumulativePercent: '12' },
      ],
    };
    const result = readDatasetText(JSON.stringify(input), 'd.json');
    expect(!result.ok && result.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['DUPLICATE_MONTH', 'paymentProgress.points.1.month'],
    ]);
  });
});
