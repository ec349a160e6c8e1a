import { describe, expect, it } from 'vitest';
import type { DatasetInput } from '../dataset/schema.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { unavailableFigures } from './unavailable.js';

const unavailable = (input: DatasetInput) => [...unavailableFigures(datasetOf(input))].sort();

/** What a report without last year's figures, procurement or 公用经费 budget cannot say. */
const WITHOUT_PRIOR_YEAR = [
  'expenditureChange',
  'expenditureChangeRate',
  'incomeChange',
  'incomeChangeRate',
  'procurementExecutionRate',
  'publicUseControlRate',
  'threePublicBudgetChangeRate',
  'threePublicChange',
  'threePublicChangeRate',
];

describe('figures a dataset does not state (unavailable, never printed as zero)', () => {
  it('names only the comparisons and ratios whose raw facts are missing from a complete report', () => {
    expect(unavailable(minimalDatasetInput())).toEqual(WITHOUT_PRIOR_YEAR);
  });

  it('makes the year-on-year figures available once last year is stated', () => {
    const input: DatasetInput = {
      ...minimalDatasetInput(),
      priorYear: { incomeTotal: '140', expenditureTotal: '150', threePublicActual: '3', threePublicBudget: '4' },
      management: { procurementBudget: '10', procurementActual: '9' },
    };
    expect(unavailable(input)).toEqual(['publicUseControlRate']);
  });

  it('leaves out every 三公经费 figure when the part is missing, and the in-post rate without staffing', () => {
    const input = minimalDatasetInput();
    const basic = input.basicExpenditure;
    if (basic === undefined) throw new Error('the minimal dataset has basic expenditure');
    const withoutThreePublic = { ...basic, threePublic: undefined };
    const department = { ...input.department, staffing: undefined };
    const figures = unavailable({ ...input, department, basicExpenditure: withoutThreePublic });
    expect(figures).toEqual(
      expect.arrayContaining(['threePublicBudget', 'threePublicActual', 'vehicleShare', 'inPostControlRate']),
    );
    expect(figures).not.toContain('personnelShare');
  });

  it('counts the 三公 budget unknown when a vehicle item states no budget and there is no total', () => {
    const input = minimalDatasetInput();
    const basic = input.basicExpenditure;
    if (basic?.threePublic === undefined) throw new Error('the minimal dataset has 三公经费');
    const threePublic = { ...basic.threePublic, vehicleOperation: { actual: '1.5' } };
    const figures = unavailable({ ...input, basicExpenditure: { ...basic, threePublic } });
    expect(figures).toEqual(
      expect.arrayContaining(['threePublicVehicleBudget', 'threePublicBudget', 'threePublicExecutionRate']),
    );
    expect(figures).not.toContain('threePublicActual');
  });
});
