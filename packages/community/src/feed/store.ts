import type { Kysely } from 'kysely';
import type { Executor } from '../contracts.ts';
import type { Keyset } from './cursor.ts';

export interface TimelineRow {
  account_id: string;
  note_id: string;
  author_id: string;
  created_at: number;
}

export interface FeedTables {
  timeline: TimelineRow;
  discover_snapshots: { id: string; created_at: number; note_ids: string };
}

// 500 rows × 4 columns stays far below both databases' bound on statement parameters.
const INSERT_CHUNK_ROWS = 500;

export function createFeedStore(root: Kysely<FeedTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<FeedTables>;
  return {
    /** Adds timeline rows; rows already there are left alone, so replays change nothing. */
    async insertTimeline(rows: TimelineRow[], db?: Executor): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
        await q(db)
          .insertInto('timeline')
          .values(rows.slice(i, i + INSERT_CHUNK_ROWS))
          .onConflict((oc) => oc.columns(['account_id', 'note_id']).doNothing())
          .execute();
      }
    },

    /** Newest first, strictly after `after` in (created_at, note_id) descending order. */
    timelinePage: (accountId: string, after: Keyset | null, limit: number, db?: Executor) => {
      let query = q(db)
        .selectFrom('timeline')
        .select(['note_id', 'author_id', 'created_at'])
        .where('account_id', '=', accountId);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.atMs),
            eb.and([eb('created_at', '=', after.atMs), eb('note_id', '<', after.id)]),
          ]),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('note_id', 'desc').limit(limit).execute();
    },

    /**
     * Each account's newest `limit` rows, newest first, for many accounts in one query (one
     * `union all` arm each, every arm a read of `timeline_read` that stops at `limit`).
     */
    async timelineHeads(
      accountIds: string[],
      limit: number,
      db?: Executor,
    ): Promise<Map<string, TimelineRow[]>> {
      const heads = new Map<string, TimelineRow[]>(accountIds.map((id) => [id, []]));
      const arms = accountIds.map((accountId) =>
        q(db)
          .selectFrom((sub) =>
            sub
              .selectFrom('timeline')
              .select(['account_id', 'note_id', 'author_id', 'created_at'])
              .where('account_id', '=', accountId)
              .orderBy('created_at', 'desc')
              .orderBy('note_id', 'desc')
              .limit(limit)
              .as('head'),
          )
          .selectAll(),
      );
      const [first, ...rest] = arms;
      if (!first) return heads;
      for (const row of await rest.reduce((query, arm) => query.unionAll(arm), first).execute()) {
        heads.get(row.account_id)?.push(row);
      }
      // A union keeps no order across arms; each arm's rows are put back in timeline order.
      for (const rows of heads.values()) {
        rows.sort((a, b) =>
          a.created_at !== b.created_at ? b.created_at - a.created_at : a.note_id < b.note_id ? 1 : -1,
        );
      }
      return heads;
    },

    /** Keeps an account's newest `cap` rows and deletes the rest. */
    async trimTimeline(accountId: string, cap: number, db?: Executor): Promise<void> {
      const edge = await q(db)
        .selectFrom('timeline')
        .select(['created_at', 'note_id'])
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy('note_id', 'desc')
        .offset(cap - 1)
        .limit(1)
        .executeTakeFirst();
      if (!edge) return;
      await q(db)
        .deleteFrom('timeline')
        .where('account_id', '=', accountId)
        .where((eb) =>
          eb.or([
            eb('created_at', '<', edge.created_at),
            eb.and([eb('created_at', '=', edge.created_at), eb('note_id', '<', edge.note_id)]),
          ]),
        )
        .execute();
    },

    removeNote: (noteId: string, db?: Executor) =>
      q(db).deleteFrom('timeline').where('note_id', '=', noteId).execute(),

    removeAuthorFrom: (accountId: string, authorId: string, db?: Executor) =>
      q(db)
        .deleteFrom('timeline')
        .where('author_id', '=', authorId)
        .where('account_id', '=', accountId)
        .execute(),

    removeAccount: (accountId: string, db?: Executor) =>
      q(db)
        .deleteFrom('timeline')
        .where((eb) => eb.or([eb('account_id', '=', accountId), eb('author_id', '=', accountId)]))
        .execute(),

    countTimeline: async (accountId: string, db?: Executor): Promise<number> => {
      const row = await q(db)
        .selectFrom('timeline')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    insertSnapshot: (id: string, createdAtMs: number, noteIds: string[]) =>
      root
        .insertInto('discover_snapshots')
        .values({ id, created_at: createdAtMs, note_ids: JSON.stringify(noteIds) })
        .execute(),

    async findSnapshot(id: string): Promise<{ createdAtMs: number; noteIds: string[] } | undefined> {
      const row = await root
        .selectFrom('discover_snapshots')
        .select(['created_at', 'note_ids'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return { createdAtMs: Number(row.created_at), noteIds: JSON.parse(row.note_ids) as string[] };
    },

    /** The newest stored ranking (any process's), read through `discover_snapshots_created`. */
    async latestSnapshot(): Promise<{ id: string; createdAtMs: number; noteIds: string[] } | undefined> {
      const row = await root
        .selectFrom('discover_snapshots')
        .select(['id', 'created_at', 'note_ids'])
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        createdAtMs: Number(row.created_at),
        noteIds: JSON.parse(row.note_ids) as string[],
      };
    },

    pruneSnapshots: (olderThanMs: number) =>
      root.deleteFrom('discover_snapshots').where('created_at', '<', olderThanMs).execute(),
  };
}

export type FeedStore = ReturnType<typeof createFeedStore>;
