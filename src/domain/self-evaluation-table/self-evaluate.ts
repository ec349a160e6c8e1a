import { runChecks } from '../checks/run-checks.js';
import type { Dataset } from '../dataset/schema.js';
import { computeFigures, type Figures } from '../figures/compute.js';
import { evaluateForms, type FormEvaluation } from '../forms/evaluate-forms.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { detectProblems } from '../problems/detect-problems.js';
import type { Problem } from '../problems/problem.js';
import { reviewProblems, staleReviewFindings, type ReviewedProblem } from '../problems/problem-reviews.js';
import { scheduleFromRule } from '../problems/payment-schedule.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { scoreDataset, type DatasetScore } from '../scoring/score-dataset.js';
import { buildSelfEvaluationTable, type SelfEvaluationTable } from './self-evaluation-table.js';

/** 绩效自评结果: everything `jixiao score`, `check` and the report use for one dataset under one pack. */
export type SelfEvaluation = {
  figures: Figures;
  score: DatasetScore;
  problems: Problem[];
  /** The problems with the user's decisions (section 四 prints the accepted and edited ones). */
  reviewedProblems: ReviewedProblem[];
  table: SelfEvaluationTable;
  /** 自评表 as printed (`dataset.forms`), each scored on its own under the pack's form conventions. */
  forms: FormEvaluation[];
  /** Every finding: the data checks, the scoring findings and stale problem reviews, errors first. */
  findings: Finding[];
};

/** The figures under `pack`: its payment schedule (序时进度) is the one every figure and problem uses. */
export function figuresUnder(dataset: Dataset, pack: RulePack): Figures {
  return computeFigures(dataset, { schedule: scheduleFromRule(pack.problems.paymentSchedule) });
}

/**
 * Scores a dataset, finds its problems, builds its 自评表 and collects every finding, all under `pack` (its
 * weights, formulas and add-ons for the score; its thresholds and payment checkpoints for the problems). Pure.
 * The one entry point for anything that shows findings, so the CLI, the API and the report never disagree.
 */
export function selfEvaluate(dataset: Dataset, pack: RulePack): SelfEvaluation {
  const figures = figuresUnder(dataset, pack);
  const score = scoreDataset(dataset, pack, figures);
  const problems = detectProblems(dataset, figures, pack.problems);
  const reviews = dataset.narrative.problemReviews;
  const forms = evaluateForms(dataset, pack, figures);
  const findings = sortFindings([
    ...runChecks(dataset, figures),
    // The narrative report's own 自评表 is scored only where the document is a report; a form is scored as printed.
    ...(dataset.kind === 'report' ? score.findings : []),
    ...forms.findings,
    ...staleReviewFindings(problems, reviews),
  ]);
  return {
    figures,
    score,
    problems,
    reviewedProblems: reviewProblems(problems, reviews),
    table: buildSelfEvaluationTable(dataset, figures, score),
    forms: forms.forms,
    findings,
  };
}
