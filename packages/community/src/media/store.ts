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
    pageByOwner: (ownerId: string) => (after: MediaRow | undefined, limit: number) => {
      let query = root
        .selectFrom('media')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit);
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.created_at, after.id)),
        );
      return query.execute();
    },
    deleteByOwner: (ownerId: string, db?: Executor) =>
      q(db).deleteFrom('media').where('owner_id', '=', ownerId).execute(),
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
