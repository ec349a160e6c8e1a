import type { FastifyReply } from 'fastify';
import type { AppError, AppResult } from '../app/context.js';
import type { ZipDownload } from '../app/published-zip.js';
import type { RenderedFile } from '../app/report.js';

export const STATUS: Readonly<Record<AppError['kind'], number>> = {
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  NOT_IMPLEMENTED: 501,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  THROTTLED: 429,
  // Stored content no longer matches its recorded hash: a fault of the server's data, logged, never served.
  INTEGRITY: 500,
  BUSY: 503,
  TOO_LARGE: 413,
};

export function errorPayload(error: AppError) {
  return {
    error: error.kind,
    message: error.message,
    ...(error.kind === 'INVALID' ? { findings: error.findings } : {}),
    ...(error.kind === 'CONFLICT' && error.details !== undefined ? { details: error.details } : {}),
    ...(error.kind === 'THROTTLED' ? { details: { retryAfterSeconds: error.retryAfterSeconds } } : {}),
  };
}

/** A use-case result as JSON: the value with `okStatus`, or the error with its status. */
export function send<T>(reply: FastifyReply, result: AppResult<T>, okStatus = 200) {
  if (result.ok) return reply.code(okStatus).send(result.value);
  if (result.error.kind === 'THROTTLED') void reply.header('retry-after', String(result.error.retryAfterSeconds));
  if (result.error.kind === 'BUSY') void reply.header('retry-after', '10');
  if (result.error.kind === 'INTEGRITY') reply.log.error({ integrity: result.error.message }, 'integrity violation');
  return reply.code(STATUS[result.error.kind]).send(errorPayload(result.error));
}

/** A file download: Content-Disposition carries the Chinese file name (RFC 5987). */
export function sendFile(reply: FastifyReply, result: AppResult<RenderedFile>, inline = false) {
  if (!result.ok) return send(reply, result);
  const { fileName, contentType, body } = result.value;
  const disposition = `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return reply.code(200).header('content-type', contentType).header('content-disposition', disposition).send(body);
}

/** A zip streamed as it is made (no Content-Length): the attachment's Chinese name as in `sendFile`. */
export function sendStream(reply: FastifyReply, result: AppResult<ZipDownload>) {
  if (!result.ok) return send(reply, result);
  const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(result.value.fileName)}`;
  return reply
    .code(200)
    .header('content-type', 'application/zip')
    .header('content-disposition', disposition)
    .send(result.value.stream);
}
