/**
 * HTTP to the Jixiao API: one place that turns a non-2xx answer into an `ApiError` carrying the parsed body
 * (a 400 holds the located findings, a 409 both versions), so pages never parse error text themselves.
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

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as unknown;
  const text = await response.text();
  return text === '' ? null : text;
}

function messageOf(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error']) {
      const value = record[key];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  if (status === 404) return '未找到（404）';
  if (status >= 500) return `服务器错误（${status}）`;
  return `请求失败（${status}）`;
}

export async function request<T>(method: string, url: string, body?: BodyInit | object): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body instanceof Blob || body instanceof ArrayBuffer || body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, null, '无法连接服务器，请检查网络或稍后重试');
  }
  const parsed = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, parsed, messageOf(response.status, parsed));
  return parsed as T;
}

export const getJson = <T>(url: string) => request<T>('GET', url);

export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
