import type { ErrorCode, FieldError, Problem } from '../../../src/shared/errors';

/**
 * The one HTTP client of the web app: JSON in and out, the session's CSRF token on every
 * mutation, and application/problem+json turned into a typed ApiError. No toasts, no redirects:
 * the screen that made the call decides what to show.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network.offline' | 'response.invalid';
  /** Field name (path without "/body/", dots between parts, e.g. "items.0.requiredLevel") → message. */
  readonly fieldErrors: Record<string, string>;
  readonly requestId?: string;

  constructor(status: number, code: ApiError['code'], detail: string, fieldErrors: Record<string, string> = {}, requestId?: string) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;

/** Set from the session (login or GET /api/auth/session); cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** "/body/items/0/level" → "items.0.level"; "/query/q" → "q". */
export function fieldKey(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (['body', 'query', 'querystring', 'params', 'headers'].includes(parts[0] ?? '')) parts.shift();
  return parts.join('.');
}

function toFieldErrors(errors: FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const key = fieldKey(e.path);
    if (!(key in out)) out[key] = e.message;
  }
  return out;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  url: string,
  body?: unknown,
  init: { signal?: AbortSignal; /** Extra headers, e.g. the survey's `x-survey-token`. */ headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...init.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network.offline', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    if (type.includes('json')) {
      const problem = (await response.json().catch(() => null)) as Partial<Problem> | null;
      if (problem && typeof problem.code === 'string') {
        throw new ApiError(response.status, problem.code, problem.detail ?? '', toFieldErrors(problem.errors), problem.requestId);
      }
    }
    throw new ApiError(response.status, response.status >= 500 ? 'server.internal' : 'resource.not_found', response.statusText);
  }
  if (!type.includes('json')) throw new ApiError(response.status, 'response.invalid', 'The server sent something that is not JSON.');
  return (await response.json()) as T;
}

export const http = {
  get: <T>(url: string, init?: { signal?: AbortSignal }) => request<T>('GET', url, undefined, init),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds "/api/x?a=1&b=2", leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
