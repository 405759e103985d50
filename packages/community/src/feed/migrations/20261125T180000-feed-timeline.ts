import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // The precomputed home timeline (fan-out on write). No foreign key to notes: they belong to
  // the notes module, whose events keep these rows in step. Accounts are the kernel's, so an
  // erased account takes its rows with it even if an event is lost.
  await db.schema
    .createTable('timeline')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('timeline_pk', ['account_id', 'note_id'])
    .execute();
  await db.schema
    .createIndex('timeline_read')
    .on('timeline')
    .columns(['account_id', 'created_at desc', 'note_id desc'])
    .execute();
  await db.schema.createIndex('timeline_note').on('timeline').column('note_id').execute();
  await db.schema
    .createIndex('timeline_author')
    .on('timeline')
    .columns(['author_id', 'account_id'])
    .execute();

  // Discover rankings, kept so a reader's pages come from one ranking even while it drifts,
  // and shared by every process behind a load balancer.
  await db.schema
    .createTable('discover_snapshots')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('note_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('discover_snapshots_created')
    .on('discover_snapshots')
    .column('created_at')
    .execute();
}
