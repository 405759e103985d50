import { type AuthService, type Clock, type IdGenerator, keysetRows, mapRows } from '@plaza/kernel';
import type {
  AccountDataContributor,
  AuthorView,
  BlocksApi,
  NotesApi,
  NoteView,
  PageRequest,
  ProfilesApi,
} from '../contracts.ts';
import type { NotificationDraft, NotificationSink } from './events.ts';
import {
  NOTIFICATION_GROUPS,
  type NotificationGroup,
  type NotificationKind,
  type NotificationsStore,
  type NotificationsTable,
} from './store.ts';

export interface NotificationsDeps {
  store: NotificationsStore;
  auth: AuthService;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  notes: Pick<NotesApi, 'hydrate'>;
  /** The text of comments by id (social's comments); a deleted one is absent. */
  commentTexts: (commentIds: string[]) => Promise<Map<string, string>>;
  clock: Clock;
  ids: IdGenerator;
}

export interface NoteSummary {
  id: string;
  title: string;
  coverUrl: string | null;
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  actor: AuthorView;
  note: NoteSummary | null;
  commentId: string | null;
  /** The comment's text for comment, reply and mention notices; null when gone or none. */
  commentText: string | null;
  createdAt: number;
  read: boolean;
}

// A notification row shows the start of the comment, as RedNote's inbox does.
const COMMENT_EXCERPT_MAX = 140;

// The smallest image that still reads as a cover in a notification row.
const COVER_VARIANTS = ['thumb', 'large', 'original'];

function summaryOf(note: NoteView): NoteSummary {
  const urls = note.images[0]?.urls ?? {};
  const variant = COVER_VARIANTS.find((v) => urls[v]);
  const coverUrl = variant ? (urls[variant] ?? null) : (Object.values(urls)[0] ?? null);
  return { id: note.id, title: note.title, coverUrl };
}

/** The comment's first characters (whole code points), or null. */
function excerpt(text: string | undefined): string | null {
  if (text === undefined) return null;
  const chars = [...text];
  return chars.length > COMMENT_EXCERPT_MAX ? `${chars.slice(0, COMMENT_EXCERPT_MAX).join('')}…` : text;
}

const dedupeKey = (d: NotificationDraft) => `${d.kind}:${d.actorId}:${d.noteId ?? '-'}:${d.commentId ?? '-'}`;
const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

export function createNotificationsService(deps: NotificationsDeps) {
  const { store, auth, blocks, profiles, notes, commentTexts, clock, ids } = deps;

  /** Applies the rules (no self-notice, none across a block, both accounts still exist) and stores. */
  async function deliver(drafts: NotificationDraft[]): Promise<void> {
    const wanted = drafts.filter((d) => d.recipientId !== d.actorId);
    if (wanted.length === 0) return;
    // An event may arrive after one side deleted its account: skip rather than fail the FK.
    const existing = new Set(
      (await auth.findByIds(unique(wanted.flatMap((d) => [d.recipientId, d.actorId])))).map((a) => a.id),
    );
    const rows: NotificationsTable[] = [];
    for (const d of wanted) {
      if (!existing.has(d.recipientId) || !existing.has(d.actorId)) continue;
      if (await blocks.eitherBlocks(d.recipientId, d.actorId)) continue;
      rows.push({
        id: ids.next(),
        recipient_id: d.recipientId,
        kind: d.kind,
        actor_id: d.actorId,
        note_id: d.noteId,
        comment_id: d.commentId,
        dedupe_key: dedupeKey(d),
        created_at: clock.nowMs(),
        read_at: null,
      });
    }
    await store.insertMany(rows);
  }

  async function noteSummaries(
    noteIds: string[],
    viewerId: string,
    hidden: ReadonlySet<string>,
  ): Promise<Map<string, NoteSummary>> {
    if (noteIds.length === 0) return new Map();
    const views = await notes.hydrate(noteIds, viewerId, { hidden });
    return new Map(views.map((n) => [n.id, summaryOf(n)]));
  }

  /** A page of the recipient's notifications: skeleton, then batch hydration, then block rules. */
  async function list(recipientId: string, page: PageRequest, group?: NotificationGroup) {
    const kinds = group ? NOTIFICATION_GROUPS[group] : undefined;
    const rows = await store.list(recipientId, page.cursor, page.limit + 1, kinds);
    const pageRows = rows.slice(0, page.limit);
    const hidden = await blocks.hiddenFrom(recipientId);
    const visible = pageRows.filter((r) => !hidden.has(r.actor_id));
    const [actors, summaries, texts] = await Promise.all([
      profiles.authorsByIds(unique(visible.map((r) => r.actor_id))),
      noteSummaries(unique(visible.map((r) => r.note_id)), recipientId, hidden),
      commentTexts(unique(visible.map((r) => r.comment_id))),
    ]);
    const items: NotificationItem[] = [];
    for (const r of visible) {
      const actor = actors.get(r.actor_id);
      if (!actor) continue;
      items.push({
        id: r.id,
        kind: r.kind,
        actor,
        note: r.note_id ? (summaries.get(r.note_id) ?? null) : null,
        commentId: r.comment_id,
        commentText: excerpt(r.comment_id ? texts.get(r.comment_id) : undefined),
        createdAt: r.created_at,
        read: r.read_at !== null,
      });
    }
    const nextCursor = rows.length > page.limit ? (pageRows.at(-1)?.id ?? null) : null;
    return { items, nextCursor };
  }

  const sink: NotificationSink = {
    deliver,
    forgetNote: async (noteId) => {
      await store.deleteForNote(noteId);
    },
    forgetBetween: async (a, b) => {
      await store.deleteBetween(a, b);
    },
    forgetAccount: async (accountId) => {
      await store.eraseAccount(accountId);
    },
  };

  const contributor: AccountDataContributor = {
    name: 'notifications',
    write: (accountId, sink) =>
      sink.lines(
        'notifications.jsonl',
        mapRows(keysetRows(store.pagesFor(accountId)), (r) => ({
          id: r.id,
          kind: r.kind,
          actorId: r.actor_id,
          noteId: r.note_id,
          commentId: r.comment_id,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
      ),
    erase: async (accountId, db) => {
      await store.eraseAccount(accountId, db);
    },
  };

  return {
    sink,
    contributor,
    list,
    unreadCount: (recipientId: string) => store.countUnread(recipientId),
    /** Marks the recipient's notifications read, all or those up to and including `upToId`. */
    async markRead(recipientId: string, upToId?: string) {
      await store.markRead(recipientId, upToId, clock.nowMs());
      return { unread: await store.countUnread(recipientId) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
