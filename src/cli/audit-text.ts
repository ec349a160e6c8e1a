import type { AuditFinding, AuditReport } from '../app/audit-report.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../domain/dataset/form-table.js';

const VERDICTS: Readonly<Record<AuditFinding['verdict'], string>> = {
  error: '错误',
  rounding: '舍入',
  warning: '警告',
  info: '提示',
};

const FORMATS: Readonly<Record<string, string>> = {
  text: '文本',
  html: '网页',
  docx: 'Word',
  xlsx: 'Excel',
  pdf: 'PDF',
};

function findingLines(f: AuditFinding): string[] {
  const head = `[${VERDICTS[f.verdict]}] ${f.code}  ${f.place ?? f.pathText}`;
  const figures =
    f.figures?.['declared'] !== undefined && f.figures['computed'] !== undefined
      ? [
          `    报告所述 ${f.figures['declared']}，应为 ${f.figures['computed']}${f.figures['difference'] === undefined ? '' : `，相差 ${f.figures['difference']}`}`,
        ]
      : [];
  const quote = f.quote === undefined || f.quote === '' ? [] : [`    原文：“${f.quote}”`];
  return [head, `    ${f.message}`, ...figures, ...quote];
}

/** `jixiao audit` as Chinese text: what was read, every finding with its place, what could not be placed. */
export function auditText(report: AuditReport): string {
  const kind = DOCUMENT_KIND_LABELS[report.kind as DocumentKind] ?? report.kind;
  const lines = [
    `文档：${FORMATS[report.format] ?? report.format}，${kind}；${report.department ?? '（未识别部门）'}${report.fiscalYear === null ? '' : ` ${report.fiscalYear} 年度`}；金额单位 ${report.unit}`,
    `章节：${report.sections.length === 0 ? '（未识别）' : report.sections.join(' / ')}`,
    '',
    `识别的数字（${report.figures.length} 个）：`,
    ...report.figures.map((f) => `  ${f.label}：${f.value}    ${f.place}`),
    '',
    `核对发现（${report.findings.length} 条）：`,
    ...report.findings.flatMap(findingLines),
  ];
  if (report.unplaced.length > 0)
    lines.push(
      '',
      `未归位（${report.unplaced.length} 项，未列入草稿）：`,
      ...report.unplaced.map((u) => `  ${u.label} ${u.value}：${u.reason}（${u.place}）`),
    );
  const { error, warning, info } = report.counts;
  const rounding = report.findings.filter((f) => f.verdict === 'rounding').length;
  lines.push(
    '',
    `共 ${report.findings.length} 条：错误 ${error}，警告 ${warning}，提示 ${info}（其中舍入差异 ${rounding}）`,
  );
  return `${lines.join('\n')}\n`;
}
