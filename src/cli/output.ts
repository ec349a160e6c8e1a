import type { Writable } from 'node:stream';
import { formatPercent, type Percent } from '../domain/money/index.js';
import type { LocatedFinding, SourceLocation } from '../ingest/read-dataset.js';
import { formatPath, type Finding, type Severity } from '../domain/findings/finding.js';

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

export function locationText(location: SourceLocation | undefined): string {
  if (location === undefined) return '';
  return location.line === undefined ? location.file : `${location.file}:${location.line}:${location.column ?? 1}`;
}

/** One finding as two lines: "[错误] CODE  file:line  $.path" and its message. */
export function findingText(finding: LocatedFinding): string {
  const where = [locationText(finding.location), formatPath(finding.path)].filter((s) => s !== '').join('  ');
  return `[${SEVERITY_LABEL[finding.severity]}] ${finding.code}  ${where}\n    ${finding.message}`;
}

export function findingsSummary(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `共 ${findings.length} 条：错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}`;
}

/** Pads Chinese text by display width (CJK characters count as 2 columns). */
export function padDisplay(text: string, width: number): string {
  const displayWidth = [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - displayWidth));
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A rate in a CLI table: "84.18%", or "—" when it is undefined (zero denominator). */
export function percentCell(value: Percent | null): string {
  return value === null ? '—' : `${formatPercent(value)}%`;
}

/**
 * Keeps a stream whose reader went away (EPIPE: `jixiao check FILE | head -1`) from failing the run: its later
 * writes are dropped, so the command finishes with its own exit code. Without a listener Node reports the stream's
 * 'error' as an uncaught "write EPIPE" with a stack trace. Any other write error goes to `onOtherError` with its code.
 */
export function quietOnClosedPipe(stream: Writable, onOtherError: (code: string) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') {
      onOtherError(error.code ?? error.message);
      return;
    }
    const dropped = (...args: unknown[]): boolean => {
      const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (callback !== undefined) process.nextTick(callback);
      return true;
    };
    stream.write = dropped as Writable['write'];
  });
}

/** Writes a whole file's bytes to standard output and waits until they are handed on (large PDFs included). */
export function writeBytesToStdout(bytes: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(bytes, () => resolve());
  });
}
