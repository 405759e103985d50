import { type Kysely, sql } from 'kysely';

const account = 'varchar(36)';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function createFollows(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_follows')
    .addColumn('follower_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('followee_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_follows_pk', ['follower_id', 'followee_id'])
    .execute();
  // Fan-out walks followers by id; profile lists page by time in both directions.
  await db.schema
    .createIndex('social_follows_followee')
    .on('social_follows')
    .columns(['followee_id', 'follower_id'])
    .execute();
  await db.schema
    .createIndex('social_follows_followee_time')
    .on('social_follows')
    .columns(['followee_id', 'created_at', 'follower_id'])
    .execute();
  await db.schema
    .createIndex('social_follows_follower_time')
    .on('social_follows')
    .columns(['follower_id', 'created_at', 'followee_id'])
    .execute();
  // Counted on write so a profile with a million followers is not a million-row count.
  await db.schema
    .createTable('social_follow_counts')
    .addColumn('account_id', account, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('followers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('following', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function createLikes(db: Kysely<any>): Promise<void> {
  // Note ids carry no foreign key: notes belong to another module, which announces deletions.
  await db.schema
    .createTable('social_likes')
    .addColumn('account_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_likes_pk', ['account_id', 'note_id'])
    .execute();
  await db.schema.createIndex('social_likes_note').on('social_likes').columns(['note_id']).execute();
  await db.schema
    .createIndex('social_likes_account_time')
    .on('social_likes')
    .columns(['account_id', 'created_at', 'note_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function createCollections(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_collections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'varchar(800)', (c) => c.notNull())
    .addColumn('is_private', 'integer', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('note_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('social_collections_owner')
    .on('social_collections')
    .columns(['owner_id', 'created_at', 'id'])
    .execute();
  // At most one default board per account, even when two first collects race.
  await db.schema
    .createIndex('social_collections_default')
    .on('social_collections')
    .column('owner_id')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();
  await db.schema
    .createTable('social_collection_items')
    .addColumn('collection_id', 'varchar(36)', (c) =>
      c.notNull().references('social_collections.id').onDelete('cascade'),
    )
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('account_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_collection_items_pk', ['collection_id', 'note_id'])
    .execute();
  await db.schema
    .createIndex('social_collection_items_time')
    .on('social_collection_items')
    .columns(['collection_id', 'created_at', 'note_id'])
    .execute();
  await db.schema
    .createIndex('social_collection_items_account')
    .on('social_collection_items')
    .columns(['account_id', 'note_id'])
    .execute();
  await db.schema
    .createIndex('social_collection_items_note')
    .on('social_collection_items')
    .columns(['note_id'])
    .execute();
  // One row per (account, note) however many boards hold it: what collectCount counts.
  await db.schema
    .createTable('social_collects')
    .addColumn('account_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('boards', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_collects_pk', ['account_id', 'note_id'])
    .execute();
  await db.schema.createIndex('social_collects_note').on('social_collects').columns(['note_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function createComments(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('author_id', account, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // Null for a top-level comment; replies of any depth hang from their top-level comment.
    .addColumn('root_id', 'varchar(36)', (c) => c.references('social_comments.id').onDelete('cascade'))
    .addColumn('reply_to_account_id', account, (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('social_comments_note')
    .on('social_comments')
    .columns(['note_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('social_comments_root')
    .on('social_comments')
    .columns(['root_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('social_comments_author')
    .on('social_comments')
    .columns(['author_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await createFollows(db);
  await createLikes(db);
  await createCollections(db);
  await createComments(db);
}
