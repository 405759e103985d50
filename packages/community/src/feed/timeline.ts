import type { CommunityEvents, NotesApi, SocialApi } from '../contracts.ts';
import type { FeedStore, TimelineRow } from './store.ts';

export interface TimelineOptions {
  /** Rows kept per account; older ones are trimmed (the feed ends there). */
  capPerAccount: number;
  /** Trim a follower's timeline on about one in this many deliveries (1 = every time). */
  trimEvery: number;
  /** Followers read and written per round of a fan-out. */
  fanOutBatch: number;
  /** Notes of a newly followed account copied into the follower's timeline. */
  backfillNotes: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = {
  capPerAccount: 800,
  trimEvery: 32,
  fanOutBatch: 500,
  backfillNotes: 50,
};

// Trimming costs a walk of up to `capPerAccount` index entries per account, so it is done on
// a deterministic sample of deliveries: an account grows past its cap by about `trimEvery`
// rows at most before a delivery trims it. Hashing (note, account) spreads the trims evenly
// and makes replays behave the same.
function sampled(noteId: string, accountId: string, every: number): boolean {
  if (every <= 1) return true;
  let hash = 0x811c9dc5;
  for (const text of [noteId, accountId]) {
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0) % every === 0;
}

/**
 * Keeps every account's home timeline from domain events (fan-out on write). Every handler
 * is idempotent: inserts ignore existing rows, deletes of missing rows do nothing.
 */
export function createTimelineWriter(
  store: FeedStore,
  notes: NotesApi,
  social: SocialApi,
  options: TimelineOptions = DEFAULT_TIMELINE_OPTIONS,
  /** After these accounts' timelines changed (once the rows are written): caches drop them. */
  onChanged: (accountIds: string[]) => void = () => {},
) {
  async function deliver(event: CommunityEvents['note.published'], accountIds: string[]) {
    const rows: TimelineRow[] = accountIds.map((accountId) => ({
      account_id: accountId,
      note_id: event.noteId,
      author_id: event.authorId,
      created_at: event.createdAt,
    }));
    await store.insertTimeline(rows);
    onChanged(accountIds);
    for (const accountId of accountIds) {
      if (sampled(event.noteId, accountId, options.trimEvery)) {
        await store.trimTimeline(accountId, options.capPerAccount);
      }
    }
  }

  return {
    /** The author's own timeline, then followers in batches, so memory stays bounded. */
    async onNotePublished(event: CommunityEvents['note.published']) {
      await deliver(event, [event.authorId]);
      let afterId: string | null = null;
      for (;;) {
        const batch: string[] = await social.followerIdsBatch(event.authorId, afterId, options.fanOutBatch);
        if (batch.length > 0) await deliver(event, batch);
        const last = batch.at(-1) ?? null;
        if (batch.length < options.fanOutBatch || last === null || last === afterId) return;
        afterId = last;
      }
    },

    onNoteDeleted: async (event: CommunityEvents['note.deleted']) => {
      await store.removeNote(event.noteId);
    },

    /** Copies the followee's recent published notes so the feed is not empty until they post. */
    async onFollowCreated(event: CommunityEvents['follow.created']) {
      const recent = await notes.listByAuthor(event.followeeId, { limit: options.backfillNotes }, false);
      const rows = recent.items
        .filter((n) => n.status === 'published')
        .map((n) => ({
          account_id: event.followerId,
          note_id: n.id,
          author_id: n.authorId,
          created_at: n.createdAt,
        }));
      if (rows.length === 0) return;
      await store.insertTimeline(rows);
      onChanged([event.followerId]);
      await store.trimTimeline(event.followerId, options.capPerAccount);
    },

    onFollowDeleted: async (event: CommunityEvents['follow.deleted']) => {
      await store.removeAuthorFrom(event.followerId, event.followeeId);
      onChanged([event.followerId]);
    },

    /** Either side of a block stops seeing the other, both ways. */
    async onBlockCreated(event: CommunityEvents['block.created']) {
      await store.removeAuthorFrom(event.blockerId, event.blockedId);
      await store.removeAuthorFrom(event.blockedId, event.blockerId);
      onChanged([event.blockerId, event.blockedId]);
    },

    /** Other readers' cached heads may still list the erased account's notes: cards drop them, the notes are gone. */
    onAccountDeleted: async (event: CommunityEvents['account.deleted']) => {
      await store.removeAccount(event.accountId);
      onChanged([event.accountId]);
    },
  };
}

export type TimelineWriter = ReturnType<typeof createTimelineWriter>;
