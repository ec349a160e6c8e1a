import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, type Figures } from '../domain/figures/compute.js';
import { figuresToJson, type FiguresJson } from '../domain/figures/to-json.js';
import { readDatasetFile } from './read-dataset.js';
import { SEED_EXAMPLE_PATH } from './seed-example.js';

// Golden test: every derived figure the seed report prints, computed from the raw facts of examples/yuhua-2020.yaml.
let json: FiguresJson;
let figures: Figures;

beforeAll(async () => {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  figures = computeFigures(read.dataset);
  json = figuresToJson(figures, read.dataset.unit);
});

describe('the seed (雨花区行政审批服务局 2020) figures', () => {
  it.each([
    ['yearStartBudgetTotal', '901.68'],
    ['basicYearStartBudget', '601.68'],
    ['projectYearStartBudget', '300.00'],
    ['incomeTotal', '929.65'],
    ['incomeBasic', '596.04'],
    ['incomeProject', '333.61'],
    ['expenditureBasic', '596.04'],
    ['expenditureProject', '244.71'],
    ['expenditureTotal', '840.75'],
    ['publicUse', '46.37'],
    ['personnel', '549.69'],
    ['basicLinesTotal', '596.06'],
    ['projectLinesTotal', '244.71'],
    ['yearEndBalance', '88.91'],
    ['projectYearEndBalance', '88.91'],
    ['returnedToTreasuryTotal', '55.29'],
    ['carriedForwardTotal', '88.91'],
    ['projectFullYearBudget', '388.91'],
    ['supplementaryTotal', '88.91'],
    ['threePublicBudget', '0.50'],
    ['threePublicActual', '0.00'],
  ])('derives %s = %s 万元', (key, expected) => {
    expect(json.amounts[key]).toBe(expected);
  });

  it.each([
    ['incomeBasicShare', '64.11'],
    ['incomeProjectShare', '35.89'],
    ['expenditureBasicShare', '70.89'],
    ['expenditureProjectShare', '29.11'],
    ['projectExecutionRate', '81.57'],
    ['projectExecutionRateFullYear', '62.92'],
    ['executionRate', '84.87'],
    ['executionRateYearStart', '93.24'],
    ['threePublicExecutionRate', '0.00'],
  ])('derives %s = %s %%', (key, expected) => {
    expect(json.percents[key]).toBe(expected);
  });

  it('derives each project execution rate as the seed states it (year-start basis)', () => {
    expect(json.projects.map((p) => p.executionRateYearStart)).toEqual([
      '77.49',
      '84.18',
      '100.00',
      '78.85',
      '95.20',
      null,
    ]);
    expect(json.projects.map((p) => p.returnedToTreasury)).toEqual(['5.29', '18.36', '0.00', '31.40', '0.24', '0.00']);
  });

  it('gives the supplementary-only project a full-year rate of 0 and no year-start rate', () => {
    const selfService = json.projects[5];
    expect(selfService).toMatchObject({
      fullYearBudget: '88.91',
      executionRate: '0.00',
      executionRateYearStart: null,
      carriedForward: '88.91',
    });
  });

  it('sets payment progress against the time-proportional schedule', () => {
    expect(json.paymentProgress?.points.map((p) => [p.month, p.progress, p.schedule, p.lag, p.behind])).toEqual([
      [3, '4.60', '25.00', '20.40', true],
      [6, '30.02', '50.00', '19.98', true],
      [9, '45.08', '75.00', '29.92', true],
    ]);
    expect(json.paymentProgress?.points[0]?.cumulativePaid).toBe('13.80');
  });

  it('counts staffing: 13 authorized posts, 13 in post', () => {
    expect(json.staffing).toEqual({ authorizedTotal: 13, inPost: 13, inPostControlRate: '100.00' });
  });

  it('keeps the exact fen behind every printed figure', () => {
    expect(figures.amounts.expenditureTotal.value).toBe(840_750_000n);
    expect(figures.amounts.expenditureTotal.parts).toBe(7);
  });
});
