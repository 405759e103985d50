import type { Kysely } from 'kysely';

export interface MerchantRow {
  id: string;
  name_zh_tw: string;
  name_en: string;
  mcc: number | null;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

export interface RewardsMerchantTables {
  rewards_merchants: MerchantRow;
}

type Db = Kysely<RewardsMerchantTables>;

/** All SQL on the merchant directory. */
export function createMerchantStore(root: Db) {
  return {
    transaction: <T>(fn: (trx: Db) => Promise<T>) => root.transaction().execute(fn),

    /** The rows of the given ids that exist, by id; the caller bounds the list. */
    byIds: (ids: readonly string[], db: Db = root) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('rewards_merchants')
            .selectAll()
            .where('id', 'in', [...ids])
            .orderBy('id')
            .execute(),

    /** Up to `limit` rows after the id `after` (from the start when null), in id order. */
    page: (after: string | null, limit: number, db: Db = root) => {
      let query = db.selectFrom('rewards_merchants').selectAll().orderBy('id').limit(limit);
      if (after !== null) query = query.where('id', '>', after);
      return query.execute();
    },

    /** Inserts the rows whose id is not there yet; rows already there are left as they are. */
    async insertMissing(rows: readonly MerchantRow[], db: Db = root): Promise<number> {
      if (rows.length === 0) return 0;
      const result = await db
        .insertInto('rewards_merchants')
        .values([...rows])
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    /** Creates the row, or renames it keeping its creation time (a concurrent create becomes a rename). */
    upsert: (row: MerchantRow, db: Db) =>
      db
        .insertInto('rewards_merchants')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name_zh_tw: row.name_zh_tw,
            name_en: row.name_en,
            mcc: row.mcc,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute(),
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
