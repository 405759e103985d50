import {
  type AuthService,
  type Clock,
  ForbiddenError,
  type IdGenerator,
  type Language,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type { AuthorView, BlocksApi, Executor, NotesApi, PageRequest, ProfilesApi } from '../../contracts.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { cleanTexts, type TextRule } from '../shared/text.ts';
import { createBoardCovers } from './covers.ts';
import type { CollectionRow, CollectionsStore } from './store.ts';

export interface CollectionsDeps {
  store: CollectionsStore;
  notes: NotesApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  auth: AuthService;
  clock: Clock;
  ids: IdGenerator;
}

export interface CollectionInput {
  name: string;
  description?: string | undefined;
  private?: boolean | undefined;
}

export interface CollectionView {
  id: string;
  owner: AuthorView;
  name: string;
  description: string;
  private: boolean;
  isDefault: boolean;
  noteCount: number;
  createdAt: number;
  updatedAt: number;
}

// Bounds on what one account can build; past them the request is refused, never truncated.
export const COLLECTIONS_PER_ACCOUNT_MAX = 200;
export const NOTES_PER_COLLECTION_MAX = 10_000;
const NAME_RULE: TextRule = { field: '/name', min: 1, max: 30, multiline: false };
const DESCRIPTION_RULE: TextRule = { field: '/description', min: 0, max: 200, multiline: true };

/** The default board's name in the account's language. */
export const DEFAULT_BOARD_NAMES: Record<Language, string> = {
  'zh-TW': '收藏',
  'zh-CN': '收藏',
  en: 'Saved',
};

/** Board rules: who sees, who edits, how big. Collecting itself lives in `collect-service.ts`. */
/** How many of a board's latest notes show on its tile. */
export const BOARD_COVERS = 3;
// Read a few more than shown, so notes the viewer may not see (blocked, deleted) leave no gap.
const COVER_CANDIDATES = BOARD_COVERS * 2;

export function createCollectionsService(deps: CollectionsDeps) {
  const { store, blocks, profiles, clock, ids } = deps;
  const coversOf = createBoardCovers(store, deps.notes, BOARD_COVERS, COVER_CANDIDATES);

  async function present(rows: CollectionRow[]): Promise<CollectionView[]> {
    const owners = await profiles.authorsByIds([...new Set(rows.map((r) => r.owner_id))]);
    return rows.flatMap((r) => {
      const owner = owners.get(r.owner_id);
      if (!owner) return [];
      return [
        {
          id: r.id,
          owner,
          name: r.name,
          description: r.description,
          private: r.is_private === 1,
          isDefault: r.is_default === 1,
          noteCount: Number(r.note_count),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        },
      ];
    });
  }

  /** A board the viewer may see: private boards and boards across a block look missing. */
  async function visible(id: string, viewerId: string | null): Promise<CollectionRow> {
    const row = await store.findById(id);
    if (!row || (row.owner_id !== viewerId && row.is_private === 1))
      throw new NotFoundError('That collection');
    if (viewerId && row.owner_id !== viewerId && (await blocks.eitherBlocks(viewerId, row.owner_id))) {
      throw new NotFoundError('That collection');
    }
    return row;
  }

  /** A board the viewer owns; someone else's visible board is a 403, an invisible one a 404. */
  async function owned(id: string, viewerId: string): Promise<CollectionRow> {
    const row = await visible(id, viewerId);
    if (row.owner_id !== viewerId)
      throw new ForbiddenError('Only the owner can change this collection.', 'not_owner');
    return row;
  }

  async function checkRoom(ownerId: string) {
    if ((await store.countByOwner(ownerId)) >= COLLECTIONS_PER_ACCOUNT_MAX) {
      throw new ValidationError(
        `An account can have at most ${COLLECTIONS_PER_ACCOUNT_MAX} collections.`,
        [],
        'collection_limit',
      );
    }
  }

  /** The account's default board, created on first use; `db` so a collect can run it in its transaction. */
  async function defaultBoard(ownerId: string, language: Language, db?: Executor): Promise<CollectionRow> {
    const existing = await store.findDefault(ownerId, db);
    if (existing) return existing;
    const now = clock.nowMs();
    await store.insertDefaultIfMissing(
      {
        id: ids.next(),
        owner_id: ownerId,
        name: DEFAULT_BOARD_NAMES[language],
        description: '',
        is_private: 0,
        is_default: 1,
        note_count: 0,
        created_at: now,
        updated_at: now,
      },
      db,
    );
    const row = await store.findDefault(ownerId, db);
    if (!row) throw new Error(`default collection of ${ownerId} vanished after insert`);
    return row;
  }

  return {
    present,
    visible,
    owned,
    defaultBoard,

    async create(ownerId: string, input: CollectionInput): Promise<CollectionView> {
      const [name = '', description = ''] = cleanTexts('The collection has problems.', [
        [input.name, NAME_RULE],
        [input.description ?? '', DESCRIPTION_RULE],
      ]);
      await checkRoom(ownerId);
      const now = clock.nowMs();
      const row: CollectionRow = {
        id: ids.next(),
        owner_id: ownerId,
        name,
        description,
        is_private: input.private ? 1 : 0,
        is_default: 0,
        note_count: 0,
        created_at: now,
        updated_at: now,
      };
      await store.insert(row);
      const [view] = await present([row]);
      if (!view) throw new NotFoundError('Your account');
      return view;
    },

    async update(id: string, viewerId: string, input: Partial<CollectionInput>): Promise<CollectionView> {
      const row = await owned(id, viewerId);
      const checks: [string, TextRule][] = [];
      if (input.name !== undefined) checks.push([input.name, NAME_RULE]);
      if (input.description !== undefined) checks.push([input.description, DESCRIPTION_RULE]);
      const texts = cleanTexts('The collection has problems.', checks);
      const patch = {
        ...(input.name !== undefined ? { name: texts.shift() ?? '' } : {}),
        ...(input.description !== undefined ? { description: texts.shift() ?? '' } : {}),
        ...(input.private !== undefined ? { is_private: input.private ? 1 : 0 } : {}),
        updated_at: clock.nowMs(),
      };
      await store.update(id, patch);
      const [view] = await present([{ ...row, ...patch }]);
      if (!view) throw new NotFoundError('That collection');
      return view;
    },

    async get(id: string, viewerId: string | null, page: PageRequest) {
      const row = await visible(id, viewerId);
      const [view] = await present([row]);
      if (!view) throw new NotFoundError('That collection');
      const rows = await store.itemsPage(id, decodeCursor(page.cursor), page.limit);
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ atMs: r.created_at, id: r.note_id }));
      // Hydration drops hidden authors.
      const notes = await deps.notes.hydrate(
        items.map((r) => r.note_id),
        viewerId,
      );
      return { ...view, notes: { items: notes, nextCursor } };
    },

    /** An account's boards, newest first; private ones only for the owner. */
    async listByHandle(handle: string, viewerId: string | null, page: PageRequest) {
      const owner = await deps.auth.findByHandle(handle.trim().toLowerCase());
      if (!owner) throw new NotFoundError('That account');
      const ownerId = owner.id;
      if (viewerId && viewerId !== ownerId && (await blocks.eitherBlocks(viewerId, ownerId))) {
        throw new NotFoundError('That account');
      }
      const rows = await store.pageByOwner(
        ownerId,
        ownerId === viewerId,
        decodeCursor(page.cursor),
        page.limit,
      );
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ atMs: r.created_at, id: r.id }));
      const covers = await coversOf(
        items.map((r) => r.id),
        viewerId,
      );
      const views = await present(items);
      return { items: views.map((v) => ({ ...v, covers: covers.get(v.id) ?? [] })), nextCursor };
    },
  };
}

export type CollectionsService = ReturnType<typeof createCollectionsService>;
