import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // 1 once a note or a profile has claimed the upload (MediaApi.claimForOwner); an upload
  // starts at 0 and is deleted when still 0 a day later. Rows older than this column are
  // taken as claimed: nothing in this module says whether they were, and keeping a few strays
  // is better than deleting an image someone shows.
  await db.schema
    .alterTable('media')
    .addColumn('attached', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The sweep's only question, answered from a small index however many images are kept.
  await db.schema
    .createIndex('media_unattached')
    .on('media')
    .column('created_at')
    .where(sql<boolean>`attached = 0`)
    .execute();
}
