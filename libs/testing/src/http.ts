export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client for end-to-end tests against the gateway. */
export function httpClient(baseUrl: string) {
  async function call<T>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: body as T };
  }
  return {
    get: <T = unknown>(path: string, options?: { token?: string; headers?: Record<string, string> }) => call<T>('GET', path, options),
    post: <T = unknown>(path: string, body?: unknown, options?: { token?: string; headers?: Record<string, string> }) =>
      call<T>('POST', path, { ...options, body }),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;
