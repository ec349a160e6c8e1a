import { headlineScore } from '../domain/self-evaluation-table/score-subject.js';
import { parseDataset } from '../domain/dataset/parse.js';
import { DEFAULT_PACK_NAME, packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import { countBySeverity } from '../domain/findings/finding.js';
import { formatPercent, percentToWire } from '../domain/money/index.js';
import { formatPoints } from '../domain/scoring/points.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { selfEvaluate, type SelfEvaluation } from '../domain/self-evaluation-table/self-evaluate.js';

/** Why a revision has no figures in the overview: a stable code and a Chinese message. */
export type OverviewFailure = {
  code: 'DOCUMENT_UNREADABLE' | 'RULE_PACK_UNKNOWN' | 'EVALUATION_FAILED' | 'REVISION_MISSING';
  message: string;
};

/** What the overview shows of one revision, all from `selfEvaluate` under the dataset's pack; percents as "84.87". */
export type RevisionOverview =
  | {
      ok: true;
      rulePack: string;
      figures: {
        executionRate: string | null;
        executionRateYearStart: string | null;
        projectExecutionRateYearStart: string | null;
        projectExecutionRateFullYear: string | null;
        /** 支付进度 at each checkpoint against the pack's 序时进度. */
        payments: { month: number; progress: string | null; schedule: string; behind: boolean }[];
      };
      /** Null for a document with no self-evaluation table (a 决算说明 without printed forms): nothing to score. */
      score: { total: string | null; grade: string | null };
      counts: { error: number; warning: number; info: number };
    }
  | { ok: false; failure: OverviewFailure };

function failed(code: OverviewFailure['code'], message: string): RevisionOverview {
  return { ok: false, failure: { code, message } };
}

function parseDocument(text: string) {
  try {
    return parseDataset(JSON.parse(text));
  } catch (error) {
    return { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The overview of a stored revision's document. Pure and deterministic in the document text, which is what
 * makes caching it per (dataset, revision) safe. Never throws: a bad document or an unknown pack is a failure.
 */
export function evaluateRevisionDocument(text: string, revisionNo: number): RevisionOverview {
  const parsed = parseDocument(text);
  if (!parsed.ok) {
    const reason = 'reason' in parsed ? parsed.reason : `${parsed.errors.length} 处错误`;
    return failed('DOCUMENT_UNREADABLE', `第 ${revisionNo} 版的数据无法读取（${reason}）`);
  }
  return overviewOfDataset(parsed.dataset, revisionNo);
}

/**
 * The overview of a parsed revision; `evaluation` when the caller already has `selfEvaluate(dataset, pack)` (a
 * worker computing a revision's answers evaluates once for them and for its overview row).
 */
export function overviewOfDataset(dataset: Dataset, revisionNo: number, evaluation?: SelfEvaluation): RevisionOverview {
  const pack = packForDataset(dataset.rulePack);
  if (pack === null) return failed('RULE_PACK_UNKNOWN', `未知的评分规则包：${dataset.rulePack ?? ''}`);
  try {
    const { figures, score, forms, findings } = evaluation ?? selfEvaluate(dataset, pack);
    const headline = headlineScore(dataset, score, forms);
    return {
      ok: true,
      rulePack: dataset.rulePack ?? DEFAULT_PACK_NAME,
      figures: {
        executionRate: percentToWire(figures.percents.executionRate),
        executionRateYearStart: percentToWire(figures.percents.executionRateYearStart),
        projectExecutionRateYearStart: percentToWire(figures.percents.projectExecutionRate),
        projectExecutionRateFullYear: percentToWire(figures.percents.projectExecutionRateFullYear),
        payments: (figures.paymentProgress?.points ?? []).map((p) => ({
          month: p.month,
          progress: percentToWire(p.progress),
          schedule: formatPercent(p.schedule),
          behind: p.behind,
        })),
      },
      score:
        headline === null
          ? { total: null, grade: null }
          : { total: formatPoints(headline.total), grade: headline.grade },
      counts: countBySeverity(findings),
    };
  } catch (error) {
    // A domain fault on one department must not take the whole overview down; the row says so.
    return failed(
      'EVALUATION_FAILED',
      `第 ${revisionNo} 版无法计算：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
