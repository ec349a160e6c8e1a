import { parseDataset } from '../dataset/parse.js';
import type { Dataset, DatasetInput } from '../dataset/schema.js';

/** A small valid dataset (raw input form) for tests: one project, two basic lines, all sections present. */
export function minimalDatasetInput(): DatasetInput {
  return {
    fiscalYear: 2021,
    unit: '万元',
    department: {
      name: '测试局',
      functions: ['负责测试工作。'],
      budgetScope: { units: ['测试局本级'] },
      staffing: { authorizedPosts: [{ kind: '行政编制', count: 10 }], inPost: 9 },
    },
    income: { sources: [{ source: '财政拨款', basic: '100', project: '45' }] },
    basicExpenditure: {
      yearStartBudget: '100',
      actual: '100',
      lines: [
        { code: '30101', amount: '80' },
        { code: '30201', amount: '20' },
      ],
      threePublic: {
        overseasTravel: { budget: '0', actual: '0' },
        vehicleOperation: { budget: '2', actual: '1.5' },
        reception: { budget: '1', actual: '0.5' },
      },
    },
    projects: [{ name: '测试项目', yearStartBudget: '50', actual: '45', returnedToTreasury: '5', carriedForward: '0' }],
    narrative: {
      achievements: [{ heading: '完成情况', paragraphs: ['完成了测试。'] }],
      problems: ['无。'],
      measures: ['继续。'],
      resultsUse: ['公开。'],
    },
  };
}

/** Parses a raw dataset in a test, failing loudly if it is invalid. */
export function datasetOf(input: DatasetInput): Dataset {
  const parsed = parseDataset(input);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n'));
  return parsed.dataset;
}
