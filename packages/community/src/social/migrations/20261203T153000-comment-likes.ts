import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // One row per (comment, account): liking twice is the same like. A deleted comment or account
  // takes its likes with it.
  await db.schema
    .createTable('social_comment_likes')
    .addColumn('comment_id', 'varchar(36)', (c) =>
      c.notNull().references('social_comments.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_comment_likes_pk', ['comment_id', 'account_id'])
    .execute();
  await db.schema
    .createIndex('social_comment_likes_account')
    .on('social_comment_likes')
    .columns(['account_id', 'comment_id'])
    .execute();
  // Counted on write, so "most liked" pages by an indexed column instead of counting per read.
  await db.schema
    .alterTable('social_comments')
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('social_comments_note_liked')
    .on('social_comments')
    .columns(['note_id', 'like_count', 'created_at', 'id'])
    .execute();
}
