import { describe, expect, it } from 'vitest';
import { minimalDatasetInput } from '../testing/minimal-dataset.js';
import { parseDataset } from './parse.js';
import { incrementalDatasetParser } from './parse-incremental.js';

/** The input with its first project's 实际支出 set to `actual`, copying only the path to it (as the editor does). */
const withActual = (input: ReturnType<typeof minimalDatasetInput>, actual: string) => ({
  ...input,
  projects: [{ ...input.projects![0]!, actual }],
});

describe('incrementalDatasetParser', () => {
  it('gives what parseDataset gives, defaults and absent optional fields included, in the same key order', () => {
    const input = minimalDatasetInput();
    const parsed = incrementalDatasetParser()(input);
    expect(parsed).toStrictEqual(parseDataset(input));
    expect(parsed.ok && Object.keys(parsed.dataset)).toEqual(
      Object.keys((parseDataset(input) as { dataset: object }).dataset),
    );
    expect(parsed.ok && parsed.dataset.kind).toBe('report');
    expect(parsed.ok && 'priorYear' in parsed.dataset).toBe(false);
  });

  it('keeps the parsed objects of the fields an edit did not touch, and parses the edited one again', () => {
    const parse = incrementalDatasetParser();
    const input = minimalDatasetInput();
    const before = parse(input);
    const edited = withActual(input, '44.5');
    const after = parse(edited);
    expect(after).toStrictEqual(parseDataset(edited));
    if (!before.ok || !after.ok) throw new Error('the seed-like input must parse');
    expect(after.dataset.department).toBe(before.dataset.department);
    expect(after.dataset.basicExpenditure).toBe(before.dataset.basicExpenditure);
    expect(after.dataset.projects).not.toBe(before.dataset.projects);
    expect(after.dataset.projects[0]?.actual).toBe(44_500_000n);
  });

  it('gives parseDataset’s errors for an invalid field, and parses again once it is fixed', () => {
    const parse = incrementalDatasetParser();
    const input = minimalDatasetInput();
    parse(input);
    const invalid = withActual(input, '4x');
    expect(parse(invalid)).toStrictEqual(parseDataset(invalid));
    expect(parse(invalid).ok).toBe(false);
    expect(parse(withActual(input, '45'))).toStrictEqual(parseDataset(input));
  });

  it('refuses an unknown field and a bad unit as parseDataset does, and starts over when the unit changes', () => {
    const parse = incrementalDatasetParser();
    const input = minimalDatasetInput();
    parse(input);
    const unknown = { ...input, extra: 1 };
    expect(parse(unknown)).toStrictEqual(parseDataset(unknown));
    const badUnit = { ...input, unit: '千元' };
    expect(parse(badUnit)).toStrictEqual(parseDataset(badUnit));
    const inYuan = { ...input, unit: '元' as const };
    const yuan = parse(inYuan);
    expect(yuan).toStrictEqual(parseDataset(inYuan));
    expect(yuan.ok && yuan.dataset.projects[0]?.actual).toBe(4_500n);
  });
});
