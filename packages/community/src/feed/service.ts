import { type AuthService, NotFoundError } from '@plaza/kernel';
import type { BlocksApi, NoteCard, NoteMeta, NotesApi, NoteView, Page, PageRequest } from '../contracts.ts';
import { topicKey } from '../notes/text.ts';
import {
  decodeKeyset,
  decodeSnapshotPosition,
  encodeKeyset,
  encodeSnapshotPosition,
  type SnapshotPosition,
} from './cursor.ts';
import { fillPage, type PageSource } from './fill-page.ts';
import type { TimelineHeads } from './heads.ts';
import type { Snapshot, Snapshots } from './snapshots.ts';
import type { FeedStore } from './store.ts';

/** Topic facts another module keeps (search counts notes per topic); optional for the feed. */
export interface TopicStats {
  topicInfo(key: string): Promise<{ label: string; noteCount: number } | undefined>;
}

export interface FeedDeps {
  store: FeedStore;
  heads: TimelineHeads;
  notes: NotesApi;
  blocks: BlocksApi;
  auth: AuthService;
  snapshots: Snapshots;
  /** Entries per discover ranking, the bound a snapshot cursor's offset is checked against. */
  discoverEntriesMax: number;
  topicStats?: TopicStats;
}

const NO_ONE = new Set<string>();

export function createFeedService(deps: FeedDeps) {
  const { store, heads, notes, blocks, auth, snapshots } = deps;
  const hiddenFor = (viewerId: string | null) => (viewerId ? blocks.hiddenFrom(viewerId) : NO_ONE);

  /** Hydrates in one batch, then applies the viewer's rules; order is kept. */
  async function visible(ids: string[], viewerId: string | null, hidden: Set<string>): Promise<NoteView[]> {
    if (ids.length === 0) return [];
    // Hydration drops hidden authors with the set looked up once for this request.
    return notes.hydrate(ids, viewerId, { hidden });
  }

  const metaPresenter = (viewerId: string | null, hidden: Set<string>) => (rows: NoteMeta[]) =>
    visible(
      rows.filter((m) => !hidden.has(m.authorId)).map((m) => m.id),
      viewerId,
      hidden,
    );

  /** Timeline ids newest first: the account's cached head when it can answer, else the database. */
  const timelineSource =
    (viewerId: string): PageSource<string> =>
    async (cursor, limit) => {
      const after = decodeKeyset(cursor);
      const cached = await heads.page(viewerId, after, limit);
      if (cached) return cached;
      // One row more than asked proves there is a next page without a count.
      const rows = await store.timelinePage(viewerId, after, limit + 1);
      const taken = rows.slice(0, limit);
      const last = taken.at(-1);
      return {
        items: taken.map((r) => r.note_id),
        nextCursor:
          rows.length > limit && last ? encodeKeyset({ atMs: last.created_at, id: last.note_id }) : null,
      };
    };

  /** Cards of the accounts the viewer follows (and the viewer's own), newest first. */
  async function following(viewerId: string, page: PageRequest): Promise<Page<NoteCard>> {
    const hidden = await hiddenFor(viewerId);
    return fillPage(timelineSource(viewerId), (ids) => notes.cards(ids, viewerId, { hidden }), page);
  }

  /** Slices a frozen ranking; the cursor carries the snapshot and the entries consumed. */
  function snapshotSource(snapshot: Snapshot): PageSource<string> {
    return async (cursor, limit) => {
      const { offset } = decodeSnapshotPosition(cursor, deps.discoverEntriesMax) ?? { offset: 0 };
      const items = snapshot.noteIds.slice(offset, offset + limit);
      const end = offset + items.length;
      return {
        items,
        nextCursor:
          end < snapshot.noteIds.length
            ? encodeSnapshotPosition({ snapshotId: snapshot.id, offset: end })
            : null,
      };
    };
  }

  async function discover(viewerId: string | null, page: PageRequest): Promise<Page<NoteCard>> {
    const asked = decodeSnapshotPosition(page.cursor, deps.discoverEntriesMax);
    const kept = asked ? await snapshots.byId(asked.snapshotId) : undefined;
    // A cursor whose snapshot has expired starts over at the top of the current ranking.
    const snapshot = kept ?? (await snapshots.current());
    const start: SnapshotPosition = { snapshotId: snapshot.id, offset: kept && asked ? asked.offset : 0 };
    const hidden = await hiddenFor(viewerId);
    return fillPage(snapshotSource(snapshot), (ids) => notes.cards(ids, viewerId, { hidden }), {
      cursor: encodeSnapshotPosition(start),
      limit: page.limit,
    });
  }

  async function topic(name: string, viewerId: string | null, page: PageRequest) {
    const key = topicKey(name);
    if (key === '') throw new NotFoundError('That topic');
    const hidden = await hiddenFor(viewerId);
    const [info, result] = await Promise.all([
      deps.topicStats?.topicInfo(key),
      fillPage(
        (cursor, limit) => notes.listByTopic(key, { cursor, limit }),
        metaPresenter(viewerId, hidden),
        page,
      ),
    ]);
    return {
      topic: info?.label ?? name.trim().replace(/^#+/, ''),
      ...(info ? { noteCount: info.noteCount } : {}),
      ...result,
    };
  }

  /** An account's notes; drafts only for the owner; a block either way reads as "not found". */
  async function profileNotes(handle: string, viewerId: string | null, page: PageRequest) {
    const owner = await auth.findByHandle(handle);
    if (!owner) throw new NotFoundError('That account');
    const isOwner = owner.id === viewerId;
    if (viewerId && !isOwner && (await blocks.eitherBlocks(viewerId, owner.id))) {
      throw new NotFoundError('That account');
    }
    return fillPage(
      (cursor, limit) => notes.listByAuthor(owner.id, { cursor, limit }, isOwner),
      metaPresenter(viewerId, NO_ONE),
      page,
    );
  }

  return {
    following,
    discover,
    topic,
    profileNotes,
    /** Timeline rows of an account, for tests and operators checking the cap. */
    timelineSize: (accountId: string) => store.countTimeline(accountId),
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
