import { type SelectQueryBuilder, sql } from 'kysely';

/** Where the previous page of a table read in creation order ended. */
export interface CreationCursor {
  created_at: number;
  id: string;
}

/**
 * One page of a table read oldest first: the `limit` rows after `after` in `(created_at, id)`
 * order. A keyset, not an offset, so a page costs the same however deep an export has gone;
 * the row-value comparison is the same SQL on SQLite and PostgreSQL and walks an index on
 * `(owner, created_at, id)`.
 */
export function creationOrderPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  after: CreationCursor | undefined,
  limit: number,
): SelectQueryBuilder<DB, TB, O> {
  const from = after
    ? query.where(sql<boolean>`(created_at, id) > (${after.created_at}, ${after.id})`)
    : query;
  return from.orderBy(sql`created_at`).orderBy(sql`id`).limit(limit);
}
