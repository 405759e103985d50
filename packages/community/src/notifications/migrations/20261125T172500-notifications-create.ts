import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('recipient_id', 'varchar(36)', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('note_id', 'varchar(36)')
    .addColumn('comment_id', 'varchar(36)')
    // kind:actor:note:comment. A plain unique key over the nullable columns would not work:
    // both dialects treat NULLs as distinct, so a redelivered follow would add a second row.
    .addColumn('dedupe_key', 'varchar(160)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('notifications_dedupe', ['recipient_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .columns(['recipient_id', 'read_at'])
    .execute();
  await db.schema.createIndex('notifications_actor').on('notifications').column('actor_id').execute();
  await db.schema.createIndex('notifications_note').on('notifications').column('note_id').execute();
}
