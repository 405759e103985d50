import { ApiError } from '../../api/client.ts';

/** Server field issues keyed by path without the leading slash: `/channels/0/rate` → `channels/0/rate`. */
export type Issues = Record<string, string>;

export function issuesOf(error: unknown): Issues {
  const out: Issues = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.problem.errors ?? []) {
    const key = issue.field.replace(/^[a-z]+:/, '').replace(/^\//, '');
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : issue.message;
  }
  return out;
}

/** Every message at a path or below it, joined: what one block of the form shows. */
export function issuesAt(issues: Issues, prefix: string): string | undefined {
  const messages = Object.entries(issues)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}/`))
    .map(([key, message]) => (key === prefix ? message : `${key.slice(prefix.length + 1)}: ${message}`));
  return messages.length ? messages.join('; ') : undefined;
}
