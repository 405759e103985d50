import type { Kysely } from 'kysely';

export interface IdempotencyTables {
  idempotency_keys: {
    account_id: string;
    key: string;
    request_hash: string;
    status_code: number | null;
    content_type: string | null;
    response_body: string | null;
    created_at: number;
    /** When the key was first claimed; kept when a dead process's claim is taken over. */
    first_claimed_at: number | null;
  };
}

export function createIdempotencyStore(db: Kysely<IdempotencyTables>) {
  return {
    find: (accountId: string, key: string) =>
      db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .executeTakeFirst(),
    /** Claims the key; false when someone else holds it already. */
    async claim(accountId: string, key: string, requestHash: string, nowMs: number): Promise<boolean> {
      const result = await db
        .insertInto('idempotency_keys')
        .values({
          account_id: accountId,
          key,
          request_hash: requestHash,
          status_code: null,
          content_type: null,
          response_body: null,
          created_at: nowMs,
          first_claimed_at: nowMs,
        })
        .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /**
     * Takes over a claim whose process died (no answer, claimed at `staleCreatedAt`); false when
     * another retry took it first. The first claim's moment stays.
     */
    async takeOver(accountId: string, key: string, staleCreatedAt: number, nowMs: number): Promise<boolean> {
      const result = await db
        .updateTable('idempotency_keys')
        .set({ created_at: nowMs })
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .where('created_at', '=', staleCreatedAt)
        .where('status_code', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows ?? 0) > 0;
    },
    complete: (
      accountId: string,
      key: string,
      statusCode: number,
      contentType: string | null,
      body: string,
    ) =>
      db
        .updateTable('idempotency_keys')
        .set({ status_code: statusCode, content_type: contentType, response_body: body })
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .execute(),
    release: (accountId: string, key: string) =>
      db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).execute(),
    deleteOlderThan: (cutoffMs: number) =>
      db.deleteFrom('idempotency_keys').where('created_at', '<', cutoffMs).execute(),
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
