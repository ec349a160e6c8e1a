import type { Dataset } from '../dataset/schema.js';
import { computeFigures, type Figures } from '../figures/compute.js';
import { detectProblems } from '../problems/detect-problems.js';
import type { Problem } from '../problems/problem.js';
import { reviewProblems, type ReviewedProblem } from '../problems/problem-reviews.js';
import { scheduleFromRule } from '../problems/payment-schedule.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { scoreDataset, type DatasetScore } from '../scoring/score-dataset.js';
import { buildSelfEvaluationTable, type SelfEvaluationTable } from './self-evaluation-table.js';

/** 绩效自评结果: everything `jixiao score` prints and the report renders for one dataset under one pack. */
export type SelfEvaluation = {
  figures: Figures;
  score: DatasetScore;
  problems: Problem[];
  /** The problems with the user's decisions (section 四 prints the accepted and edited ones). */
  reviewedProblems: ReviewedProblem[];
  table: SelfEvaluationTable;
};

/**
 * Scores a dataset, finds its problems and builds its 自评表, all under `pack` (its weights, formulas and
 * add-ons for the score; its thresholds and payment checkpoints for the problems). Pure.
 */
export function selfEvaluate(dataset: Dataset, pack: RulePack): SelfEvaluation {
  const figures = computeFigures(dataset, { schedule: scheduleFromRule(pack.problems.paymentSchedule) });
  const score = scoreDataset(dataset, pack, figures);
  const problems = detectProblems(dataset, figures, pack.problems);
  const reviewedProblems = reviewProblems(problems, dataset.narrative.problemReviews);
  return { figures, score, problems, reviewedProblems, table: buildSelfEvaluationTable(dataset, figures, score) };
}
