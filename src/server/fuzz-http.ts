import { connect } from 'node:net';

/**
 * A raw HTTP/1.1 exchange over one TCP connection (`Connection: close`), so hostile tests can send what fetch
 * refuses to: any bytes in the request line and header values, duplicated headers, a body that does not match its
 * type. The answer is read until the server closes the connection.
 */
export type RawRequest = {
  method: string;
  /** The request target as sent (percent-encode it yourself; raw bytes are sent as latin1). */
  path: string;
  /** Header lines in order; a name may repeat. Host, Content-Length and Connection are added unless given. */
  headers: readonly (readonly [string, string])[];
  body?: Buffer | undefined;
};

export type RawAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer; ms: number }
  /** No complete answer before the deadline. */
  | { kind: 'hang'; ms: number; received: number }
  /** The connection ended (or failed) without a complete answer. */
  | { kind: 'dropped'; ms: number; reason: string; received: number };

function requestBytes(port: number, request: RawRequest): Buffer {
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  if (!names.has('host')) lines.push(`Host: 127.0.0.1:${port}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (!names.has('content-length') && !names.has('transfer-encoding') && request.body !== undefined)
    lines.push(`Content-Length: ${request.body.length}`);
  if (!names.has('connection')) lines.push('Connection: close');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return request.body === undefined ? head : Buffer.concat([head, request.body]);
}

/** Decodes a chunked body; undefined while it is incomplete. */
function unchunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n', at);
    if (end < 0) return undefined;
    const size = Number.parseInt(data.subarray(at, end).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = end + 2;
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** The answer in `data`, when all of it has arrived. */
function parseAnswer(data: Buffer, ms: number, ended: boolean, head = false): RawAnswer | undefined {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const [statusLine = '', ...headerLines] = data.subarray(0, split).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (match === null) return undefined;
  const status = Number(match[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  // An interim answer (100 Continue) is followed by the real one.
  if (status === 100) return parseAnswer(data.subarray(split + 4), ms, ended, head);
  const rest = data.subarray(split + 4);
  let body: Buffer | undefined;
  // An answer to HEAD, 204 and 304 have no body whatever their headers say.
  if (head || status === 204 || status === 304) body = Buffer.alloc(0);
  else if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) body = unchunk(rest);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    body = rest.length >= length ? rest.subarray(0, length) : undefined;
  } else body = ended ? rest : undefined;
  return body === undefined ? undefined : { kind: 'answer', status, headers, body, ms };
}

/** Sends one request on a fresh connection and waits (at most `timeoutMs`) for its whole answer. */
export function rawRequest(
  port: number,
  request: RawRequest,
  timeoutMs: number,
  options: { localAddress?: string } = {},
): Promise<RawAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port, ...options });
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const complete = (ended: boolean) =>
      parseAnswer(Buffer.concat(chunks), elapsed(), ended, request.method.toUpperCase() === 'HEAD');
    const timer = setTimeout(() => finish({ kind: 'hang', ms: elapsed(), received }), timeoutMs);
    socket.on('connect', () => {
      socket.write(requestBytes(port, request), () => {
        // Writing the rest can fail once the server has answered and closed: the answer still counts.
      });
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      const answer = complete(false);
      if (answer !== undefined) finish(answer);
    });
    socket.on('end', () => finish(complete(true) ?? { kind: 'dropped', ms: elapsed(), reason: 'closed', received }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(complete(true) ?? { kind: 'dropped', ms: elapsed(), reason: error.code ?? error.message, received });
    });
  });
}
