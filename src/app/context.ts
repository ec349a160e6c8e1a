import type { Store } from '../store/connect.js';
import type { HeavyRunner } from './heavy/pool.js';
import type { FieldPath, Finding } from '../domain/findings/finding.js';

/** Where a use case reports what an operator must see but the caller need not (the server's logger). */
export type AppLog = { error: (detail: Record<string, unknown>, message: string) => void };

/** What every use case runs with: the store, a clock (tests fix it) and, optionally, a log. */
export type AppContext = {
  store: Store;
  now: () => Date;
  log?: AppLog;
  /** Where heavy work (reports, workbooks) runs: the server's worker pool; inline when absent (CLI, tests). */
  heavy?: HeavyRunner;
};

/** A finding as use cases return it: with its JSON path as text and, for files, where it was found. */
export type WireFinding = Omit<Finding, 'path'> & {
  path: FieldPath;
  pathText: string;
  location?: string;
  key?: string;
};

/** Why a use case refused; the server maps each kind to one HTTP status, the CLI to one exit code. */
export type AppError =
  | { kind: 'NOT_FOUND'; message: string }
  | { kind: 'INVALID'; message: string; findings: WireFinding[] }
  | { kind: 'CONFLICT'; message: string; details?: Record<string, unknown> }
  | { kind: 'NOT_IMPLEMENTED'; message: string }
  | { kind: 'UNAUTHENTICATED'; message: string }
  | { kind: 'FORBIDDEN'; message: string }
  | { kind: 'THROTTLED'; message: string; retryAfterSeconds: number }
  | { kind: 'INTEGRITY'; message: string }
  /** Heavy work over its time budget, or no room for it now: try again later (503). */
  | { kind: 'BUSY'; message: string }
  /** Heavy work over its memory budget: the content is too large to process (413). */
  | { kind: 'TOO_LARGE'; message: string };

export type AppResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): AppResult<T> {
  return { ok: true, value };
}

export function notFound(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'NOT_FOUND', message } };
}

export function invalid(message: string, findings: WireFinding[]): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'INVALID', message, findings } };
}

export function conflict(message: string, details?: Record<string, unknown>): { ok: false; error: AppError } {
  return {
    ok: false,
    error: details === undefined ? { kind: 'CONFLICT', message } : { kind: 'CONFLICT', message, details },
  };
}

export function notImplemented(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'NOT_IMPLEMENTED', message } };
}

export function unauthenticated(message = '请先登录'): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'UNAUTHENTICATED', message } };
}

export function forbidden(message = '无权执行此操作'): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'FORBIDDEN', message } };
}

/** The time stamp every row written by one use case carries. */
export function timestamp(ctx: AppContext): string {
  return ctx.now().toISOString();
}
