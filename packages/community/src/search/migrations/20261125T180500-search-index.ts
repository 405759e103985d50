import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';

/**
 * The search index: one row per document (a note, an account or a topic) holding its
 * pre-tokenized text, plus the full-text structure of each database over those tokens —
 * FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  // Byte-order comparison of ref ids on PostgreSQL, as SQLite does, so a keyset over them
  // orders identically whatever the server's locale.
  const refType = postgres ? sql`varchar(200) collate "C"` : sql`varchar(200)`;
  let table = db.schema
    .createTable('search_documents')
    .addColumn('doc_key', postgres ? 'bigserial' : 'integer', (c) => {
      const key = c.primaryKey();
      return postgres ? key : key.autoIncrement();
    })
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('ref_id', refType, (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_ref', ['kind', 'ref_id']);
  if (postgres) {
    // The tokens are the lexemes, taken as they are: no parser or dictionary of the server
    // re-splits or re-folds them, so both databases hold the same terms.
    table = table.addColumn('tsv', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`array_to_tsvector(string_to_array(tokens, ' '))`).stored().notNull(),
    );
  }
  await table.execute();
  await db.schema
    .createIndex('search_documents_order')
    .on('search_documents')
    .columns(['kind', 'sort_count desc', 'created_at desc', 'ref_id desc'])
    .execute();
  await db.schema
    .createIndex('search_documents_author')
    .on('search_documents')
    .columns(['author_id', 'kind'])
    .execute();

  if (postgres) {
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  } else {
    // The ascii tokenizer splits on ASCII punctuation and spaces only and leaves every other
    // character alone, so the space-joined tokens come back exactly. Contentless: the text
    // lives in search_documents. secure-delete wipes a deleted document's terms at once,
    // because an erased account's words must not stay readable in the index.
    await sql`create virtual table search_fts using fts5(tokens, tokenize = 'ascii', content = '', contentless_delete = 1)`.execute(
      db,
    );
    await sql`insert into search_fts (search_fts, rank) values ('secure-delete', 1)`.execute(db);
  }

  await db.schema
    .createTable('search_note_topics')
    .addColumn('note_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('topic_key', refType, (c) => c.notNull())
    .addPrimaryKeyConstraint('search_note_topics_pk', ['note_id', 'topic_key'])
    .execute();
  await db.schema
    .createIndex('search_note_topics_topic')
    .on('search_note_topics')
    .column('topic_key')
    .execute();
}
