import type { Kysely } from 'kysely';
import type { Executor } from '../contracts.ts';

export const NOTIFICATION_KINDS = [
  'follow',
  'like',
  'collect',
  'comment',
  'reply',
  'mention',
  'comment_like',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The notifications page's groups, RedNote's three inboxes, and the kinds each holds. */
export const NOTIFICATION_GROUPS = {
  likes: ['like', 'collect', 'comment_like'],
  follows: ['follow'],
  comments: ['comment', 'reply', 'mention'],
} as const satisfies Record<string, readonly NotificationKind[]>;
export type NotificationGroup = keyof typeof NOTIFICATION_GROUPS;

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  note_id: string | null;
  comment_id: string | null;
  /** `kind:actor:note:comment`, unique per recipient: a redelivered event adds no row. */
  dedupe_key: string;
  created_at: number;
  read_at: number | null;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
}

// Rows per INSERT: keeps a mention storm well under SQLite's bound on statement parameters.
const INSERT_CHUNK = 100;

export function createNotificationsStore(root: Kysely<NotificationsTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<NotificationsTables>;
  return {
    async insertMany(rows: NotificationsTable[], db?: Executor): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await q(db)
          .insertInto('notifications')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .onConflict((oc) => oc.columns(['recipient_id', 'dedupe_key']).doNothing())
          .execute();
      }
    },
    /** Newest first, strictly older than `beforeId` (ids sort by creation time). */
    /** Newest first; only `kinds` when given (a group of the notifications page). */
    list: (
      recipientId: string,
      beforeId: string | undefined,
      limit: number,
      kinds?: readonly NotificationKind[],
      db?: Executor,
    ) => {
      let query = q(db)
        .selectFrom('notifications')
        .selectAll()
        .where('recipient_id', '=', recipientId)
        .orderBy('id', 'desc')
        .limit(limit);
      if (beforeId) query = query.where('id', '<', beforeId);
      if (kinds) query = query.where('kind', 'in', kinds);
      return query.execute();
    },
    async countUnread(recipientId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    markRead: (recipientId: string, upToId: string | undefined, nowMs: number, db?: Executor) => {
      let query = q(db)
        .updateTable('notifications')
        .set({ read_at: nowMs })
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null);
      if (upToId) query = query.where('id', '<=', upToId);
      return query.execute();
    },
    deleteForNote: (noteId: string, db?: Executor) =>
      q(db).deleteFrom('notifications').where('note_id', '=', noteId).execute(),
    /** Removes what either account notified the other of (after a block). */
    deleteBetween: (a: string, b: string, db?: Executor) =>
      q(db)
        .deleteFrom('notifications')
        .where((eb) =>
          eb.or([
            eb.and([eb('recipient_id', '=', a), eb('actor_id', '=', b)]),
            eb.and([eb('recipient_id', '=', b), eb('actor_id', '=', a)]),
          ]),
        )
        .execute(),
    /** Every row the account received or caused. */
    eraseAccount: (accountId: string, db?: Executor) =>
      q(db)
        .deleteFrom('notifications')
        .where((eb) => eb.or([eb('recipient_id', '=', accountId), eb('actor_id', '=', accountId)]))
        .execute(),
    /** The recipient's notifications, oldest first, after `afterId` (export pages). */
    pagesFor: (recipientId: string) => (after: { id: string } | undefined, limit: number) =>
      q()
        .selectFrom('notifications')
        .select(['id', 'kind', 'actor_id', 'note_id', 'comment_id', 'created_at', 'read_at'])
        .where('recipient_id', '=', recipientId)
        .$if(after !== undefined, (qb) => qb.where('id', '>', after!.id))
        .orderBy('id', 'asc')
        .limit(limit)
        .execute(),
  };
}

export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
