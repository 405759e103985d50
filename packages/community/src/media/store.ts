import { creationOrderPage } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import type { Executor } from '../contracts.ts';

export interface MediaRow {
  id: string;
  owner_id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  created_at: number;
  /** 1 once a note or profile claimed it; 0 until then (unclaimed uploads are swept). */
  attached: number;
}

export interface MediaTables {
  media: MediaRow;
}

// Ids asked for at once are bounded by callers (18 per note, a page of notes); this caps
// the IN list anyway so a query never grows without limit.
const MAX_IDS_PER_QUERY = 1000;

export function createMediaStore(root: Kysely<MediaTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<MediaTables>;
  return {
    insert: (row: MediaRow, db?: Executor) => q(db).insertInto('media').values(row).execute(),
    async byIds(ids: string[], db?: Executor): Promise<MediaRow[]> {
      if (ids.length === 0) return [];
      const rows: MediaRow[] = [];
      for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
        const slice = ids.slice(i, i + MAX_IDS_PER_QUERY);
        rows.push(...(await q(db).selectFrom('media').selectAll().where('id', 'in', slice).execute()));
      }
      return rows;
    },
    byOwner: (ownerId: string, db?: Executor) =>
      q(db)
        .selectFrom('media')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    /** The owner's images in upload order, after `after` (keyset on the owner index). */
    pageByOwner: (ownerId: string) => (after: MediaRow | undefined, limit: number) =>
      creationOrderPage(
        root.selectFrom('media').selectAll().where('owner_id', '=', ownerId),
        after,
        limit,
      ).execute(),
    deleteByOwner: (ownerId: string, db?: Executor) =>
      q(db).deleteFrom('media').where('owner_id', '=', ownerId).execute(),
    /**
     * Marks the owner's uploads among `ids` as claimed. Inside the claimer's transaction the
     * update holds the rows, so a sweep deleting them either ran before (the claim then finds
     * them gone) or waits and sees them claimed.
     */
    async markAttached(ownerId: string, ids: string[], db?: Executor): Promise<void> {
      for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
        await q(db)
          .updateTable('media')
          .set({ attached: 1 })
          .where('id', 'in', ids.slice(i, i + MAX_IDS_PER_QUERY))
          .where('owner_id', '=', ownerId)
          .where('attached', '=', 0)
          .execute();
      }
    },
    /** The oldest unclaimed uploads made before `beforeMs`, at most `limit`. */
    unattachedBefore: (beforeMs: number, limit: number) =>
      root
        .selectFrom('media')
        .select('id')
        .where('attached', '=', 0)
        .where('created_at', '<', beforeMs)
        .orderBy('created_at')
        .limit(limit)
        .execute(),
    /**
     * Deletes those of `ids` still unclaimed and made before `beforeMs` (asked again: a claim
     * may have come since they were listed); answers the rows it deleted.
     */
    deleteUnattached: (ids: string[], beforeMs: number): Promise<Pick<MediaRow, 'id' | 'mime'>[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : root
            .deleteFrom('media')
            .where('id', 'in', ids)
            .where('attached', '=', 0)
            .where('created_at', '<', beforeMs)
            .returning(['id', 'mime'])
            .execute(),
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
