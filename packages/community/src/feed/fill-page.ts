import type { Page, PageRequest } from '../contracts.ts';

/** One page of raw rows (ids, metadata) from a source with its own opaque cursor. */
export type PageSource<R> = (cursor: string | undefined, limit: number) => Promise<Page<R>>;

// Hidden authors, deleted notes and drafts are dropped after the skeleton is read, which can
// leave a page short. A few more reads refill it; past this bound a short page is answered
// with a cursor, so one request never walks a long run of hidden rows.
const ROUNDS_MAX = 4;

/**
 * The read pipeline's loop: skeleton rows from `source`, turned into shown items by
 * `present` (hydrate + rules), until `limit` items or the source ends. The cursor always
 * points after the last row consumed, so dropped rows are never read again and no row is
 * skipped.
 * @example fillPage((c, n) => notes.listByTopic(key, { cursor: c, limit: n }), hydrateVisible, page)
 */
export async function fillPage<R, V>(
  source: PageSource<R>,
  present: (rows: R[]) => Promise<V[]>,
  request: PageRequest,
): Promise<Page<V>> {
  const items: V[] = [];
  let cursor = request.cursor;
  for (let round = 0; round < ROUNDS_MAX; round += 1) {
    const page = await source(cursor, request.limit - items.length);
    items.push(...(await present(page.items)));
    if (page.nextCursor === null) return { items, nextCursor: null };
    cursor = page.nextCursor;
    if (items.length >= request.limit) break;
  }
  return { items, nextCursor: cursor ?? null };
}
