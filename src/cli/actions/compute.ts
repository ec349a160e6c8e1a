// The body of `jixiao compute`, loaded only when that command runs (commands/compute.ts registers it).
import { figuresToJson } from '../../domain/figures/to-json.js';
import { evaluateForms } from '../../domain/forms/evaluate-forms.js';
import { formsToJson } from '../../domain/forms/to-json.js';
import { figuresUnder } from '../../domain/self-evaluation-table/self-evaluate.js';
import { figuresText } from '../figures-text.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { writeJson } from '../output.js';

export type ComputeOptions = { json?: boolean; pack?: string };

export async function compute(file: string, options: ComputeOptions): Promise<void> {
  const json = options.json === true;
  const loaded = await loadDatasetOrExit(file, json);
  const { dataset } = loaded;
  const pack = await loadPackOrExit(options.pack, loaded, file, json);
  const figures = figuresUnder(dataset, pack);
  if (json) {
    const forms = formsToJson(evaluateForms(dataset, pack, figures).forms, dataset.unit);
    writeJson({ ...figuresToJson(figures, dataset.unit), forms });
  } else
    process.stdout.write(
      `${dataset.department.name} ${dataset.fiscalYear} 年度\n${figuresText(figures, dataset.unit)}\n`,
    );
}
