import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError, AppResult } from '../app/context.js';
import type { RenderedFile } from '../app/report.js';

export const STATUS: Readonly<Record<AppError['kind'], number>> = {
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  NOT_IMPLEMENTED: 501,
};

export function errorPayload(error: AppError) {
  return {
    error: error.kind,
    message: error.message,
    ...(error.kind === 'INVALID' ? { findings: error.findings } : {}),
    ...(error.kind === 'CONFLICT' && error.details !== undefined ? { details: error.details } : {}),
  };
}

/** A use-case result as JSON: the value with `okStatus`, or the error with its status. */
export function send<T>(reply: FastifyReply, result: AppResult<T>, okStatus = 200) {
  if (result.ok) return reply.code(okStatus).send(result.value);
  return reply.code(STATUS[result.error.kind]).send(errorPayload(result.error));
}

/** A file download: Content-Disposition carries the Chinese file name (RFC 5987). */
export function sendFile(reply: FastifyReply, result: AppResult<RenderedFile>, inline = false) {
  if (!result.ok) return send(reply, result);
  const { fileName, contentType, body } = result.value;
  const disposition = `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return reply.code(200).header('content-type', contentType).header('content-disposition', disposition).send(body);
}

/** Who is acting: the body's `author`, else the x-jixiao-user header (URL-encoded), else 匿名用户. */
export function actorOf(request: FastifyRequest, author?: string): string {
  if (author !== undefined && author !== '') return author;
  const header = request.headers['x-jixiao-user'];
  if (typeof header === 'string' && header !== '') {
    try {
      return decodeURIComponent(header);
    } catch {
      return header;
    }
  }
  return '匿名用户';
}
