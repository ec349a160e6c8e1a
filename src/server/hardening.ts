import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatPath } from '../domain/findings/finding.js';

/**
 * Headers every answer carries: no MIME sniffing, no framing by other sites (the editor previews reports in a same-origin frame), no referrer leaks, and a content
 * security policy that lets the web app load only its own scripts (Ant Design injects styles, ECharts draws on
 * canvas from data: and blob: URLs). The API documentation browser needs inline scripts of its own.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'self'";
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'SAMEORIGIN');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * Characters no text column (PostgreSQL) can store and no report can print: NUL and the other C0 controls, and a
 * lone UTF-16 surrogate (it cannot be encoded as UTF-8: it would be stored as U+FFFD, silently changed).
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Located = { path: (string | number)[] };

function findUnstorable(value: unknown, path: (string | number)[], found: Located[], depth = 0): void {
  if (found.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push({ path });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorable(v, [...path, i], found, depth + 1));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (UNSTORABLE.test(k)) found.push({ path: [...path, k] });
      findUnstorable(v, [...path, k], found, depth + 1);
    }
  }
}

/**
 * A NUL (or another control character) anywhere in a JSON body, the query or the path is refused with 400 and its
 * location before any use case runs: PostgreSQL would refuse it with an error (a 500), SQLite would store it.
 * Uploaded files are checked by the dataset schema, which names the field.
 */
export function refuseUnstorableCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const found: Located[] = [];
    findUnstorable(request.params, ['params'], found);
    findUnstorable(request.query, ['query'], found);
    if (typeof request.body === 'object') findUnstorable(request.body, ['body'], found);
    if (found.length === 0) return;
    const findings = found.map(({ path }) => ({
      severity: 'error',
      code: 'CONTROL_CHARACTER',
      message: '含有无法保存的字符（如 NUL 等控制字符或不成对的代理字符）',
      path,
      pathText: formatPath(path),
    }));
    await reply.code(400).send({ error: 'INVALID', message: `请求有 ${findings.length} 处无法保存的字符`, findings });
  });
}

/**
 * `Expect: 100-continue`: a body announced as larger than the largest any route takes is answered 413 at once,
 * before the client sends it (Node would otherwise send 100 Continue, and fastify cut the connection mid-body).
 */
export function answerExpectContinue(app: FastifyInstance, largestBody: number): void {
  // Any other expectation is answered 417 like Node does, but with the same JSON body as every other refusal.
  app.server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(417, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    response.end(JSON.stringify({ error: 'INVALID', message: '不支持请求头 Expect 的取值（只支持 100-continue）' }));
  });
  app.server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    const length = Number(request.headers['content-length'] ?? '0');
    if (Number.isFinite(length) && length > largestBody) {
      response.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      response.end(
        JSON.stringify({ error: 'INVALID', message: '请求体过大：JSON 请求不超过 1 MB，上传的文件不超过 10 MB' }),
      );
      return;
    }
    response.writeContinue();
    app.server.emit('request', request, response);
  });
}
