import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // One row per account that edited its profile; a missing row means the defaults, so
  // sign-up never has to know about profiles. No foreign key to media: that table belongs
  // to another module, which checks ownership through MediaApi.claimForOwner instead.
  await db.schema
    .createTable('profiles')
    .addColumn('account_id', 'varchar(36)', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('display_name', 'varchar(64)')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('avatar_media_id', 'varchar(36)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
