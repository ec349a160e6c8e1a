import { stringify } from 'yaml';
import { DOCUMENT_KIND_LABELS } from '../domain/dataset/form-table.js';
import { parseDataset } from '../domain/dataset/parse.js';
import type { ReportExtraction } from '../domain/extraction/extract-report.js';
import { extractReport } from '../domain/extraction/extract-report.js';
import {
  placeText,
  type ExtractedFigure,
  type FigureSource,
  type UnplacedFigure,
} from '../domain/extraction/source.js';
import { countBySeverity, formatPath, sortFindings, type Finding, type Severity } from '../domain/findings/finding.js';
import { packForDataset, nationalPack } from '../domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../domain/self-evaluation-table/self-evaluate.js';
import { readReport } from '../ingest/report-reader/read-report.js';
import { invalid, ok, type AppResult } from './context.js';

/** 核对结论: rounding differences and real errors apart, so a reader sees at once which slips matter. */
export type AuditVerdict = 'error' | 'rounding' | 'warning' | 'info';

export type AuditFinding = {
  severity: Severity;
  verdict: AuditVerdict;
  code: string;
  message: string;
  pathText: string;
  /** As printed: declared (the report's figure), computed (what it should be), difference. */
  figures?: Readonly<Record<string, string>>;
  /** Where the figure is in the report, and the words quoted, when the finding is about a figure read from it. */
  place?: string;
  quote?: string;
};

export type AuditFigure = { pathText: string; label: string; value: string; place: string; quote: string };
export type AuditUnplaced = { label: string; value: string; reason: string; place: string; quote: string };

/** 报告核对结果: the same for the CLI (`jixiao audit --json`) and the API (`POST /api/audit-report`). */
export type AuditReport = {
  ok: true;
  format: string;
  kind: string;
  unit: string;
  fiscalYear: number | null;
  department: string | null;
  sections: string[];
  counts: Record<Severity, number>;
  findings: AuditFinding[];
  figures: AuditFigure[];
  unplaced: AuditUnplaced[];
  /** The draft dataset (the normal format), ready to import or to save as YAML. */
  draft: Record<string, unknown>;
};

/** A form's scope is stored as `project` / `department`; people read the form's name. */
function displayValue(figure: ExtractedFigure): string {
  if (figure.path.at(-1) !== 'scope') return figure.value;
  if (figure.value === 'project') return DOCUMENT_KIND_LABELS.projectForm;
  return figure.value === 'department' ? DOCUMENT_KIND_LABELS.departmentForm : figure.value;
}

const sourceParts = (source: FigureSource) => ({ place: placeText(source), quote: source.quote });

/** The figure a finding is about: the one at its path, else the first under it, else the nearest above it. */
function figureFor(figures: readonly ExtractedFigure[], pathText: string): ExtractedFigure | undefined {
  const text = (f: ExtractedFigure) => formatPath(f.path);
  return (
    figures.find((f) => text(f) === pathText) ??
    figures.find((f) => text(f).startsWith(`${pathText}.`) || text(f).startsWith(`${pathText}[`)) ??
    [...figures].sort((a, b) => text(b).length - text(a).length).find((f) => pathText.startsWith(text(f)))
  );
}

function verdictOf(finding: Finding): AuditVerdict {
  if (finding.severity === 'error') return 'error';
  if (finding.severity === 'warning') return 'warning';
  return finding.message.includes('舍入') ? 'rounding' : 'info';
}

function auditFinding(finding: Finding, figures: readonly ExtractedFigure[]): AuditFinding {
  const pathText = formatPath(finding.path);
  const figure = figureFor(figures, pathText);
  return {
    severity: finding.severity,
    verdict: verdictOf(finding),
    code: finding.code,
    message: finding.message,
    pathText,
    ...(finding.figures === undefined ? {} : { figures: finding.figures }),
    ...(figure === undefined ? {} : sourceParts(figure.source)),
  };
}

/**
 * The ordinary checks on the draft (`selfEvaluate`, the one entry point): data checks, forms, problems. Scoring
 * findings about the department's indicators are left out when the report gave none (they would only say the draft
 * has no indicators, which the unplaced list already shows).
 */
function draftFindings(extraction: ReportExtraction): Finding[] {
  const parsed = parseDataset(extraction.draft);
  if (!parsed.ok) return parsed.errors;
  const dataset = parsed.dataset;
  const evaluation = selfEvaluate(dataset, packForDataset(dataset.rulePack) ?? nationalPack());
  const aboutIndicators = (f: Finding) => f.code === 'LEVEL_WEIGHTS_MISMATCH' || f.path[0] === 'indicators';
  const skipped = new Set<Finding>(
    dataset.indicators.length === 0 ? evaluation.score.findings.filter(aboutIndicators) : [],
  );
  return evaluation.findings.filter((f) => !skipped.has(f));
}

/** Reads a report file (text, HTML, DOCX, XLSX, PDF), extracts its figures into a draft dataset and checks it. */
export async function auditReport(bytes: Uint8Array, fileName = ''): Promise<AppResult<AuditReport>> {
  const read = await readReport(bytes, fileName);
  if (!read.ok)
    return invalid(read.message, [
      { severity: 'error', code: read.code, message: read.message, path: [], pathText: '$' },
    ]);
  const extraction = extractReport(read.document);
  const findings = sortFindings([...extraction.findings, ...extraction.errors, ...draftFindings(extraction)]);
  const department = extraction.draft['department'] as { name?: string } | undefined;
  const year = extraction.draft['fiscalYear'];
  return ok({
    ok: true,
    format: read.document.format,
    kind: extraction.kind,
    unit: extraction.unit,
    fiscalYear: typeof year === 'number' ? year : null,
    department: department?.name ?? null,
    sections: extraction.sections.map((s) => s.title),
    counts: countBySeverity(findings),
    findings: findings.map((f) => auditFinding(f, extraction.figures)),
    figures: extraction.figures.map((f) => ({
      pathText: formatPath(f.path),
      label: f.label,
      value: displayValue(f),
      ...sourceParts(f.source),
    })),
    unplaced: extraction.unplaced.map((u: UnplacedFigure) => ({
      label: u.label,
      value: u.value,
      reason: u.reason,
      ...sourceParts(u.source),
    })),
    draft: extraction.draft,
  });
}

/** The draft as YAML, headed by where it came from and what is still to be done. */
export function draftYaml(report: AuditReport, fileName: string): string {
  const header = [
    `# 由 jixiao audit 从 ${fileName} 识别生成的数据集草稿，请逐项核对后再使用。`,
    `# 识别数字 ${report.figures.length} 个；未归位 ${report.unplaced.length} 项（见 jixiao audit 输出）。`,
  ];
  return `${header.join('\n')}\n${stringify(report.draft)}`;
}
