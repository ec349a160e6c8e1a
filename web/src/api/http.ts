/**
 * HTTP to the Jixiao API: one place that turns a non-2xx answer into an `ApiError` carrying the parsed body
 * (a 400 holds the located findings, a 409 both versions), so pages never parse error text themselves.
 * It also carries the session's CSRF token on every state-changing request, and tells the session store when
 * the server no longer knows the session (401), so the page can ask for a new login without unmounting.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** 401: the session is gone (expired, logged out elsewhere, password changed). */
export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

let csrfToken: string | null = null;

/** The token of the current session (from the session or login answer); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = (url: string) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called on every 401 except the session probe and the login itself, whose 401 is an ordinary answer. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const QUIET_401 = ['/api/auth/session', '/api/auth/login'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as unknown;
  const text = await response.text();
  return text === '' ? null : text;
}

function messageOf(status: number, body: unknown): string {
  if (status === 401 && !hasMessage(body)) return '登录已过期，请重新登录';
  if (hasMessage(body)) return (body as { message: string }).message;
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '未找到（404）';
  if (status >= 500) return `服务器错误（${status}）`;
  return `请求失败（${status}）`;
}

/** Only the Chinese `message` is shown to people; the upper-case `error` code is for programs. */
function hasMessage(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const message = (body as Record<string, unknown>)['message'];
  return typeof message === 'string' && message !== '';
}

function headersFor(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  return headers;
}

export async function request<T>(method: string, url: string, body?: BodyInit | object): Promise<T> {
  const raw = body instanceof Blob || body instanceof ArrayBuffer || body instanceof FormData;
  const init: RequestInit = { method, headers: headersFor(method, body !== undefined && !raw) };
  if (raw) init.body = body;
  else if (body !== undefined) init.body = JSON.stringify(body);
  let response: Response;
  try {
    // Same origin: the session cookie goes with the default credentials mode.
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络或稍后重试');
  }
  if (!response.ok) throw await failureOf(url, response);
  return (await readBody(response)) as T;
}

/** A non-2xx answer as an `ApiError` with the server's Chinese message; a 401 also tells the session store. */
export async function failureOf(url: string, response: Response): Promise<ApiError> {
  const parsed = await readBody(response);
  if (response.status === 401 && !QUIET_401.some((p) => url.startsWith(p)))
    for (const listener of unauthenticatedListeners) listener(url);
  return new ApiError(response.status, parsed, messageOf(response.status, parsed));
}

export const getJson = <T>(url: string) => request<T>('GET', url);

export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
