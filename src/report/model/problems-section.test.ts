import { describe, expect, it } from 'vitest';
import { findBuiltinPack } from '../../domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { SEED_EXAMPLE_PATH } from '../../ingest/seed-example.js';
import { buildReportModel } from './build-report.js';
import { fromSelfEvaluation } from './from-self-evaluation.js';

async function sectionFour(reviews: { key: string; decision: 'accepted' | 'edited' | 'rejected'; text?: string }[]) {
  const read = await readDatasetFile(SEED_EXAMPLE_PATH);
  if (!read.ok) throw new Error('seed unreadable');
  const dataset = { ...read.dataset, narrative: { ...read.dataset.narrative, problemReviews: reviews } };
  const pack = findBuiltinPack('national');
  if (pack === null) throw new Error('no national pack');
  const evaluation = selfEvaluate(dataset, pack);
  const model = buildReportModel({
    dataset,
    figures: evaluation.figures,
    ...fromSelfEvaluation(evaluation, dataset),
  });
  const section = model.sections.find((s) => s.id === 'problems');
  return section?.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])) ?? [];
}

describe('section 四 of the report', () => {
  it('prints only the user’s own paragraphs while no drafted problem is accepted (the seed as filed)', async () => {
    const paragraphs = await sectionFour([]);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/^回顾一年来的工作/);
  });

  it('numbers the department’s problems and the kept drafted ones in one list, each once', async () => {
    const paragraphs = await sectionFour([
      { key: 'DEPARTMENT_EXECUTION_RATE_LOW:$.basicExpenditure:fullYearBudget', decision: 'accepted' },
      {
        key: 'PAYMENT_PROGRESS_BEHIND:$.paymentProgress.points[0]',
        decision: 'edited',
        text: '一季度支付进度仅4.6%。',
      },
    ]);
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe('回顾一年来的工作，我们取得了不错成绩，但是也存在着需改进的问题。');
    expect(paragraphs[1]).toMatch(/^1、编制年初预算时/);
    // The department's own item 2 states the first quarter's 4.6%: the edited drafted problem is not printed again.
    expect(paragraphs[2]).toMatch(/^2、整个项目支付序时进度存在问题，第一季度项目支付序时进度只有4\.6%/);
    expect(paragraphs[3]).toBe(
      '3、部门整体预算执行率（全年预算口径）为84.87%（实际支出840.74万元 ÷ 全年预算990.59万元），低于90%。',
    );
    expect(paragraphs.join('\n')).not.toMatch(/\d、\d、/);
    expect(paragraphs.filter((p) => p.includes('4.6%'))).toHaveLength(1);
  });

  it('prints the department’s paragraphs as written when every kept drafted problem is already there', async () => {
    const paragraphs = await sectionFour([
      {
        key: 'PAYMENT_PROGRESS_BEHIND:$.paymentProgress.points[0]',
        decision: 'edited',
        text: '一季度支付进度仅4.6%。',
      },
    ]);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/^回顾一年来的工作.*1、编制年初预算时.*2、整个项目支付序时进度/);
  });
});
