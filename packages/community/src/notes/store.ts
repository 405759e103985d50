import { type CreationCursor, creationOrderPage } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import type { Executor, NoteCounter } from '../contracts.ts';
import type { Keyset } from './cursor.ts';

export type NoteStatus = 'published' | 'draft';

export interface NoteRow {
  id: string;
  author_id: string;
  title: string;
  body: string;
  language: string;
  status: NoteStatus;
  /** JSON arrays, see the migration. */
  topics: string;
  explicit_topics: string;
  mention_ids: string;
  like_count: number;
  collect_count: number;
  comment_count: number;
  created_at: number;
  updated_at: number;
}

export interface NotesTables {
  notes: NoteRow;
  note_media: { note_id: string; position: number; media_id: string };
  note_topics: { topic_key: string; note_id: string; created_at: number };
}

/** The columns that change without an edit (counters, publication), read fresh on every view. */
export type NoteState = Pick<
  NoteRow,
  | 'id'
  | 'author_id'
  | 'status'
  | 'like_count'
  | 'collect_count'
  | 'comment_count'
  | 'created_at'
  | 'updated_at'
>;

const STATE_COLUMNS = [
  'id',
  'author_id',
  'status',
  'like_count',
  'collect_count',
  'comment_count',
  'created_at',
  'updated_at',
] as const;

export type NoteUpdate = Partial<Omit<NoteRow, 'id' | 'author_id'>>;

const COUNTER_COLUMNS: Record<NoteCounter, 'like_count' | 'collect_count' | 'comment_count'> = {
  likeCount: 'like_count',
  collectCount: 'collect_count',
  commentCount: 'comment_count',
};

// Bounds on what one query may ask for; callers page below these.
const MAX_IDS_PER_QUERY = 500;
export const RECENT_LIMIT_MAX = 5000;

export function createNotesStore(root: Kysely<NotesTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<NotesTables>;
  const chunks = (ids: string[]) => {
    const out: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) out.push(ids.slice(i, i + MAX_IDS_PER_QUERY));
    return out;
  };
  return {
    /** False when a note with this id exists already (a retried request that had committed). */
    async insert(row: NoteRow, db?: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('notes')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    update: (id: string, changes: NoteUpdate, db?: Executor) =>
      q(db).updateTable('notes').set(changes).where('id', '=', id).execute(),
    remove: async (ids: string[], db: Executor) => {
      for (const slice of chunks(ids)) {
        await q(db).deleteFrom('note_topics').where('note_id', 'in', slice).execute();
        await q(db).deleteFrom('note_media').where('note_id', 'in', slice).execute();
        await q(db).deleteFrom('notes').where('id', 'in', slice).execute();
      }
    },
    byId: (id: string, db?: Executor) =>
      q(db).selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst(),
    async byIds(ids: string[], db?: Executor): Promise<NoteRow[]> {
      const rows: NoteRow[] = [];
      for (const slice of chunks(ids)) {
        rows.push(...(await q(db).selectFrom('notes').selectAll().where('id', 'in', slice).execute()));
      }
      return rows;
    },
    async statesByIds(ids: string[], db?: Executor): Promise<NoteState[]> {
      const rows: NoteState[] = [];
      for (const slice of chunks(ids)) {
        rows.push(
          ...(await q(db).selectFrom('notes').select(STATE_COLUMNS).where('id', 'in', slice).execute()),
        );
      }
      return rows;
    },
    async mediaLinks(noteIds: string[], db?: Executor) {
      const rows: NotesTables['note_media'][] = [];
      for (const slice of chunks(noteIds)) {
        rows.push(
          ...(await q(db)
            .selectFrom('note_media')
            .selectAll()
            .where('note_id', 'in', slice)
            .orderBy('note_id')
            .orderBy('position')
            .execute()),
        );
      }
      return rows;
    },
    async replaceMedia(noteId: string, mediaIds: string[], db: Executor) {
      await q(db).deleteFrom('note_media').where('note_id', '=', noteId).execute();
      if (mediaIds.length === 0) return;
      const values = mediaIds.map((mediaId, position) => ({ note_id: noteId, position, media_id: mediaId }));
      await q(db).insertInto('note_media').values(values).execute();
    },
    async replaceTopics(noteId: string, keys: string[], createdAt: number, db: Executor) {
      await q(db).deleteFrom('note_topics').where('note_id', '=', noteId).execute();
      if (keys.length === 0) return;
      const values = keys.map((topicKey) => ({
        topic_key: topicKey,
        note_id: noteId,
        created_at: createdAt,
      }));
      await q(db).insertInto('note_topics').values(values).execute();
    },
    /** Newest first, after `after`; answers `limit + 1` rows so the caller knows if more exist. */
    pageByAuthor: (
      authorId: string,
      includeDrafts: boolean,
      after: Keyset | undefined,
      limit: number,
      db?: Executor,
    ) =>
      q(db)
        .selectFrom('notes')
        .selectAll()
        .where('author_id', '=', authorId)
        .$if(!includeDrafts, (qb) => qb.where('status', '=', 'published'))
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('created_at', '<', after!.createdAt),
              eb.and([eb('created_at', '=', after!.createdAt), eb('id', '<', after!.id)]),
            ]),
          ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute(),
    pageByTopic: (topicKey: string, after: Keyset | undefined, limit: number, db?: Executor) =>
      q(db)
        .selectFrom('note_topics as t')
        .innerJoin('notes as n', 'n.id', 't.note_id')
        .selectAll('n')
        .where('t.topic_key', '=', topicKey)
        .where('n.status', '=', 'published')
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('t.created_at', '<', after!.createdAt),
              eb.and([eb('t.created_at', '=', after!.createdAt), eb('t.note_id', '<', after!.id)]),
            ]),
          ),
        )
        .orderBy('t.created_at', 'desc')
        .orderBy('t.note_id', 'desc')
        .limit(limit + 1)
        .execute(),
    recentPublished: (sinceMs: number, limit: number, db?: Executor) =>
      q(db)
        .selectFrom('notes')
        .selectAll()
        .where('status', '=', 'published')
        .where('created_at', '>=', sinceMs)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(limit, RECENT_LIMIT_MAX))
        .execute(),
    async countPublishedByAuthor(authorId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('notes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('author_id', '=', authorId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Likes and collects received over the author's published notes (the profile's total). */
    async engagementByAuthor(authorId: string, db?: Executor): Promise<{ likes: number; collects: number }> {
      const row = await q(db)
        .selectFrom('notes')
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number | string>('like_count'), eb.lit(0)).as('likes'),
          eb.fn.coalesce(eb.fn.sum<number | string>('collect_count'), eb.lit(0)).as('collects'),
        ])
        .where('author_id', '=', authorId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return { likes: Number(row?.likes ?? 0), collects: Number(row?.collects ?? 0) };
    },
    /** Adds `delta`, never going below zero (a duplicate unlike must not make it negative). */
    adjustCounter: (noteId: string, counter: NoteCounter, delta: number, db?: Executor) => {
      const column = sql.ref(COUNTER_COLUMNS[counter]);
      return q(db)
        .updateTable('notes')
        .set(
          COUNTER_COLUMNS[counter],
          sql<number>`case when ${column} + ${delta} < 0 then 0 else ${column} + ${delta} end`,
        )
        .where('id', '=', noteId)
        .execute();
    },
    idsByAuthor: async (authorId: string, db?: Executor) =>
      (await q(db).selectFrom('notes').select('id').where('author_id', '=', authorId).execute()).map(
        (r) => r.id,
      ),
    /** The author's notes (drafts too), oldest first, after `after` (export pages; the author index). */
    exportPagesByAuthor: (authorId: string) => (after: CreationCursor | undefined, limit: number) =>
      creationOrderPage(
        q().selectFrom('notes').selectAll().where('author_id', '=', authorId),
        after,
        limit,
      ).execute(),
  };
}

export type NotesStore = ReturnType<typeof createNotesStore>;
