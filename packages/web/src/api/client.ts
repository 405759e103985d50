import type { FieldIssue, Problem } from './types.ts';

/** A failed API call, carrying the server's RFC 9457 problem so forms can show field errors. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** The first issue of each field, keyed by field name without the slash (`/title` → `title`). */
  fieldIssues(): Record<string, FieldIssue> {
    const out: Record<string, FieldIssue> = {};
    for (const issue of this.problem.errors ?? []) out[fieldKey(issue)] ??= issue;
    return out;
  }
}

function fieldKey(issue: FieldIssue): string {
  return (
    issue.field
      .replace(/^[a-z]+:/, '')
      .replace(/^\//, '')
      .split('/')[0] ?? ''
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the Plaza API with the session cookie. JSON in, JSON out; 204 answers `undefined`.
 * Throws ApiError with the problem document on any non-2xx.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const response = await fetch(path, init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(asProblem(data, response.status));
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asProblem(data: unknown, status: number): Problem {
  if (data && typeof data === 'object' && 'code' in data) return data as Problem;
  return {
    type: 'about:blank',
    title: 'error',
    status,
    code: status >= 500 ? 'internal_error' : 'bad_request',
    detail: '',
  };
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
