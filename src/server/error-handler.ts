import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { formatPath } from '../domain/findings/finding.js';
import { StoreRangeError } from '../store/fen-codec.js';
import { storeFaultOf } from '../store/faults.js';

const KNOWN_CLIENT_ERRORS: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型（Content-Type）',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大：JSON 请求不超过 1 MB，上传的文件不超过 10 MB',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
};

function validationFindings(error: FastifyError) {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const path = [context, ...issue.instancePath.split('/').filter((p) => p !== '')];
    return {
      severity: 'error',
      code: 'INVALID_REQUEST',
      message: issue.message ?? '无效输入',
      path,
      pathText: formatPath(path),
    };
  });
}

/**
 * One answer for every failure: request validation → 400 with located findings; other client errors → their
 * status with a Chinese message; anything unexpected → 500 with a Chinese message and the details in the log.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const findings = validationFindings(error);
    return reply.code(400).send({ error: 'INVALID', message: `请求有 ${findings.length} 处错误`, findings });
  }
  if (error instanceof StoreRangeError) {
    // Last guard: a value no column can hold was refused before anything was committed.
    return reply.code(400).send({ error: 'INVALID', message: `数据超出可存储的范围，未保存：${error.message}` });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = KNOWN_CLIENT_ERRORS[error.code];
    const message = known ?? (error instanceof SyntaxError ? '请求体不是有效的 JSON' : `请求无效：${error.message}`);
    return reply.code(status).send({ error: 'INVALID', message });
  }
  // Not the request's fault (a client error above has its own status): the database's, when it says so.
  const fault = storeFaultOf(error);
  if (fault !== null) {
    // The database, not the request: 503 (busy → retry soon), logged with the cause so an operator sees it.
    request.log.error({ err: error, storeFault: fault.kind }, 'store fault');
    void reply.header('retry-after', fault.kind === 'busy' ? '5' : '60');
    return reply.code(503).send({ error: 'UNAVAILABLE', message: fault.message });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send({ error: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' });
}
