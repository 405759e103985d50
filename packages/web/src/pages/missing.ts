import { ApiError } from '../api/client.ts';

/**
 * True when the thing an address names does not exist for the reader: the server said 404 (or
 * 403 for a private board), or the address itself is malformed — a 400 about the path's
 * parameters only (`params:/id` for `/notes/not-an-id`), which no retry can fix.
 */
export function isMissing(error: unknown, statuses: readonly number[] = [404]): boolean {
  if (!(error instanceof ApiError)) return false;
  if (statuses.includes(error.status)) return true;
  const issues = error.problem.errors ?? [];
  return error.status === 400 && issues.length > 0 && issues.every((i) => i.field.startsWith('params:'));
}
