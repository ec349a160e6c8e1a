import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../domain/dataset/parse.js';
import { packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../domain/self-evaluation-table/self-evaluate.js';
import { REWRITE_MARK } from '../domain/checks/prose-checks.js';
import { rolloverDocument } from './rollover-document.js';

const load = (file: string) => parse(readFileSync(`examples/${file}.yaml`, 'utf8')) as Record<string, unknown>;

function evaluate(document: unknown) {
  const parsed = parseDataset(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const pack = packForDataset(parsed.dataset.rulePack);
  if (pack === null) throw new Error('pack');
  return { dataset: parsed.dataset, evaluation: selfEvaluate(parsed.dataset, pack) };
}

describe('rolloverDocument', () => {
  const seed = load('yuhua-2020');
  const next = rolloverDocument(seed);
  const { dataset, evaluation } = evaluate(next);

  it('starts the next year with the department facts and the continuing projects at zero', () => {
    expect(dataset.fiscalYear).toBe(2021);
    expect(dataset.department.name).toBe(evaluate(seed).dataset.department.name);
    expect(dataset.department.staffing).toEqual(evaluate(seed).dataset.department.staffing);
    expect(dataset.projects.map((p) => p.name)).toEqual(evaluate(seed).dataset.projects.map((p) => p.name));
    expect(dataset.projects.every((p) => p.actual === 0n && p.yearStartBudget === 0n)).toBe(true);
  });

  it('never carries stated figures, actuals of indicators or problem reviews', () => {
    expect(next['declared']).toEqual({});
    expect(dataset.indicators.length).toBe(evaluate(seed).dataset.indicators.length);
    expect(dataset.indicators.every((i) => i.actual === undefined && i.declaredScore === undefined)).toBe(true);
    expect(dataset.narrative.problemReviews).toEqual([]);
  });

  it('marks prose that names the old year, and the marks are errors until rewritten', () => {
    const text = JSON.stringify(dataset.narrative);
    expect(text).toContain(`${REWRITE_MARK}`);
    expect(text).not.toMatch(/"(?!【待改写】)[^"]*2020\s*年/);
    const rewrite = evaluation.findings.filter((f) => f.code === 'PROSE_TO_REWRITE');
    expect(rewrite.length).toBeGreaterThan(0);
    expect(rewrite.every((f) => f.severity === 'error')).toBe(true);
  });

  it.each(['mof-project-form-2020', 'guizhou-department-form-2021', 'hunan-final-accounts-2021'])(
    'rolls %s over into a valid document of the same kind with no actuals in its forms',
    (file) => {
      const old = load(file);
      const rolled = evaluate(rolloverDocument(old)).dataset;
      expect(rolled.kind).toBe(evaluate(old).dataset.kind);
      expect(rolled.fiscalYear).toBe(Number(old['fiscalYear']) + 1);
      for (const form of rolled.forms) {
        expect(form.indicators.every((i) => i.actual === undefined && i.declaredScore === undefined)).toBe(true);
        expect(form.declaredTotal).toBeUndefined();
      }
    },
  );
});
