/** 严重程度: an error blocks submission; a warning must be explained; info is for the record. */
export type Severity = 'error' | 'warning' | 'info';

/** A JSON path into the dataset, as keys and array indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * 审核发现: one thing a check found. `code` is stable English (for programs); `message` is Chinese
 * (for people) and names the figures involved and their difference.
 */
export type Finding = {
  severity: Severity;
  code: string;
  message: string;
  path: FieldPath;
  /** The figures the message names, as printed (e.g. { declared: '596.04', computed: '596.06', difference: '0.02' }). */
  figures?: Readonly<Record<string, string>>;
};

/** `$.projects[0].actual` */
export function formatPath(path: FieldPath): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), '$');
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
