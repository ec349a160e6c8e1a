import { formatPath, type Finding } from '../domain/findings/finding.js';
import { amountToWire, formatPercent, type MoneyUnit } from '../domain/money/index.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import type { RevisionSummary } from '../store/revisions-repo.js';
import type { WireFinding } from './context.js';
import { STATE_LABELS } from './workflow-labels.js';

/** A finding's stable key (`CODE@$.path`): what a department's explanation of a warning is filed under. */
export const findingKey = (code: string, pathText: string) => `${code}@${pathText}`;

export function findingToWire(finding: Finding, location?: string): WireFinding {
  const pathText = formatPath(finding.path);
  // A reader's finding may carry its own location object (file, line when known): on the wire, location is
  // text or absent, never an object the response schema would refuse (a 500 for an empty upload).
  const wire: WireFinding = { ...finding, pathText, key: findingKey(finding.code, pathText) };
  delete (wire as { location?: unknown }).location;
  if (location !== undefined) wire.location = location;
  return wire;
}

/** A revision summary on the wire: amounts as "901.68" in the revision's unit, the rate as "84.87". */
export function revisionSummaryToWire(revision: RevisionSummary) {
  const unit = revision.unit as MoneyUnit;
  const f = revision.figures;
  return {
    revisionNo: revision.revisionNo,
    basedOn: revision.basedOn,
    author: revision.author,
    createdAt: revision.createdAt,
    summary: revision.summary,
    changeCount: revision.changeCount,
    publishedAt: revision.publishedAt,
    publishedBy: revision.publishedBy,
    unit: revision.unit,
    keyFigures: {
      yearStartBudgetTotal: amountToWire(f.yearStartBudgetTotal, unit),
      fullYearBudgetTotal: amountToWire(f.fullYearBudgetTotal, unit),
      incomeTotal: amountToWire(f.incomeTotal, unit),
      expenditureTotal: amountToWire(f.expenditureTotal, unit),
      executionRate: f.executionRate === null ? null : formatPercent(f.executionRate),
      errorCount: f.errorCount,
      warningCount: f.warningCount,
    },
  };
}

export type RevisionSummaryWire = ReturnType<typeof revisionSummaryToWire>;

export function datasetRecordToWire(record: DatasetRecord) {
  return {
    id: record.id,
    departmentId: record.departmentId,
    departmentCode: record.departmentCode,
    departmentName: record.departmentName,
    fiscalYear: record.fiscalYear,
    createdAt: record.createdAt,
    latestRevision: revisionSummaryToWire(record.latest),
    /** 最新公开版本: the revision of the latest publication (may be older than the working copy); null when none. */
    latestPublishedRevision:
      record.latestPublication === null
        ? null
        : {
            revisionNo: record.latestPublication.revisionNo,
            publishedAt: record.latestPublication.publishedAt,
            publishedBy: record.latestPublication.publishedBy,
          },
    state: record.state,
    stateLabel: STATE_LABELS[record.state],
    stateRevision: record.stateRevision,
  };
}

export type DatasetWire = ReturnType<typeof datasetRecordToWire>;
