import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    // JSON arrays: topics as shown, the author's explicit topic list (kept across body edits),
    // and mentioned account ids. Read whole with the note, never queried inside.
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('explicit_topics', 'text', (c) => c.notNull())
    .addColumn('mention_ids', 'text', (c) => c.notNull())
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collect_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notes_author')
    .on('notes')
    .columns(['author_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('notes_status').on('notes').columns(['status', 'created_at', 'id']).execute();

  // No foreign key to media: media is another module's table, and an erased upload must not
  // block anything here; views simply drop images that no longer exist.
  await db.schema
    .createTable('note_media')
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('media_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('note_media_pk', ['note_id', 'position'])
    .execute();
  await db.schema.createIndex('note_media_media').on('note_media').column('media_id').execute();

  await db.schema
    .createTable('note_topics')
    .addColumn('topic_key', 'varchar(160)', (c) => c.notNull())
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('note_topics_pk', ['topic_key', 'note_id'])
    .execute();
  await db.schema
    .createIndex('note_topics_page')
    .on('note_topics')
    .columns(['topic_key', 'created_at', 'note_id'])
    .execute();
  await db.schema.createIndex('note_topics_note').on('note_topics').column('note_id').execute();
}
