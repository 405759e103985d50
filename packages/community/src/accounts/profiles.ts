import {
  type AuthService,
  type Clock,
  type Invalidations,
  ValidationError,
  validationCode,
} from '@plaza/kernel';
import type {
  AccountDataContributor,
  AuthorView,
  Executor,
  ImageView,
  MediaApi,
  ProfilesApi,
} from '../contracts.ts';
import { createRefreshingCache, type RefreshingOptions } from '../refreshing-cache.ts';
import { type CheckedChanges, checkProfileChanges, type ProfileChanges } from './profile-input.ts';
import type { ProfilesStore, ProfilesTable } from './store.ts';

export interface ProfilesDeps {
  store: ProfilesStore;
  auth: AuthService;
  media: MediaApi;
  clock: Clock;
  /** Bounds of the author card cache (tests shrink it); defaults otherwise. */
  cardCache?: RefreshingOptions | undefined;
  /** A background re-read of author cards failed (entries stay until their time to live). */
  onRefreshError?: (err: unknown) => void;
  /** Where forgotten author cards are told to the other processes (Redis when configured). */
  invalidations?: Invalidations;
}

// Cards appear next to every note and comment, and change only when their owner edits the
// profile. A card is ~200 bytes; this process forgets one on `profile.updated` and
// `account.deleted` (and tells the other processes through the invalidation channel). Cards being read are re-read ahead in the background, so readers never
// wait for an expiry; the time to live bounds how long another process's edit stays unseen
// by a card nobody read lately.
export const DEFAULT_CARD_CACHE: RefreshingOptions = {
  entriesMax: 20_000,
  refreshAfterMs: 30_000,
  ttlMs: 60_000,
  refreshBatch: 500,
  refreshDelayMs: 200,
};

const sameCard = (a: AuthorView, b: AuthorView) =>
  a.handle === b.handle && a.displayName === b.displayName && a.avatarUrl === b.avatarUrl;

/** A profile as shown, with the defaults filled in for an account that never edited it. */
export interface ProfileView {
  displayName: string;
  bio: string;
  avatarMediaId: string | null;
  avatarUrl: string | null;
}

// Smallest variant first: an avatar is shown small everywhere.
const AVATAR_VARIANTS = ['thumb', 'large', 'original'];

function avatarUrlOf(image: ImageView): string | null {
  for (const variant of AVATAR_VARIANTS) {
    const url = image.urls[variant];
    if (url) return url;
  }
  return Object.values(image.urls)[0] ?? null;
}

function merged(
  accountId: string,
  current: ProfilesTable | undefined,
  changes: CheckedChanges,
  nowMs: number,
) {
  return {
    account_id: accountId,
    display_name: changes.displayName ?? current?.display_name ?? null,
    bio: changes.bio ?? current?.bio ?? '',
    avatar_media_id:
      changes.avatarMediaId !== undefined ? changes.avatarMediaId : (current?.avatar_media_id ?? null),
    updated_at: nowMs,
  };
}

export function createProfilesService({
  store,
  auth,
  media,
  clock,
  cardCache = DEFAULT_CARD_CACHE,
  onRefreshError = () => {},
  invalidations,
}: ProfilesDeps) {
  async function avatarUrls(mediaIds: string[], db?: Executor): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    if (mediaIds.length === 0) return urls;
    for (const [id, image] of await media.imagesByIds([...new Set(mediaIds)], db)) {
      const url = avatarUrlOf(image);
      if (url) urls.set(id, url);
    }
    return urls;
  }

  async function claimAvatar(accountId: string, mediaId: string, trx: Executor): Promise<void> {
    try {
      await media.claimForOwner(accountId, [mediaId], trx);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      throw new ValidationError(
        'The avatar must be one of your own uploads.',
        [{ field: '/avatarMediaId', code: 'not_your_upload', message: 'is not one of your uploads' }],
        err.code,
      );
    }
  }

  /** Cards read from the database, in the order asked; unknown ids are left out. */
  async function loadCards(wanted: string[], db?: Executor): Promise<Map<string, AuthorView>> {
    const [accounts, rows] = await Promise.all([auth.findByIds(wanted, db), store.findMany(wanted, db)]);
    const profiles = new Map(rows.map((r) => [r.account_id, r]));
    const urls = await avatarUrls(
      rows.flatMap((r) => (r.avatar_media_id ? [r.avatar_media_id] : [])),
      db,
    );
    const handles = new Map(accounts.map((a) => [a.id, a.handle]));
    const authors = new Map<string, AuthorView>();
    for (const id of wanted) {
      const handle = handles.get(id);
      if (handle === undefined) continue;
      const profile = profiles.get(id);
      const avatarId = profile?.avatar_media_id;
      authors.set(id, {
        id,
        handle,
        displayName: profile?.display_name ?? handle,
        avatarUrl: avatarId ? (urls.get(avatarId) ?? null) : null,
      });
    }
    return authors;
  }

  // An account left out (a mention of an erased one) is remembered as such, so it is not asked
  // for on every view. A re-read that changed nothing keeps the card object held, so what was
  // made from it (feed cards and their bytes) stays valid.
  const cards = createRefreshingCache<AuthorView>(
    cardCache,
    clock,
    async (ids, previous) => {
      const loaded = await loadCards(ids);
      for (const [id, card] of loaded) {
        const held = previous.get(id);
        loaded.set(id, held && sameCard(held, card) ? held : Object.freeze(card));
      }
      return loaded;
    },
    onRefreshError,
    { invalidations, name: 'author-cards' },
  );

  const api: ProfilesApi = {
    async authorsByIds(ids, db) {
      if (ids.length === 0) return new Map();
      // Inside a caller's transaction: read what it sees, and share none of it.
      if (db) return loadCards([...new Set(ids)], db);
      return cards.getMany(ids);
    },
  };

  const contributor: AccountDataContributor = {
    name: 'profile',
    async write(accountId, sink) {
      const row = await store.find(accountId);
      await sink.json(
        'profile.json',
        row
          ? {
              displayName: row.display_name,
              bio: row.bio,
              avatarMediaId: row.avatar_media_id,
              updatedAt: row.updated_at,
            }
          : null,
      );
    },
    erase: async (accountId, db) => {
      await store.erase(accountId, db);
      // Again on `account.deleted`, after the commit: a read between now and then may refill it.
      cards.forget([accountId]);
    },
  };

  return {
    ...api,
    contributor,

    /** The profile of an account, defaults filled in. */
    async view(account: { id: string; handle: string }, db?: Executor): Promise<ProfileView> {
      const row = await store.find(account.id, db);
      const avatarMediaId = row?.avatar_media_id ?? null;
      const urls = await avatarUrls(avatarMediaId ? [avatarMediaId] : [], db);
      return {
        displayName: row?.display_name ?? account.handle,
        bio: row?.bio ?? '',
        avatarMediaId,
        avatarUrl: avatarMediaId ? (urls.get(avatarMediaId) ?? null) : null,
      };
    },

    /**
     * Applies profile changes in one transaction after checking all of them; on any problem
     * nothing is written. `alsoInTransaction` writes into that transaction too (the caller's
     * event), and only when something changes. Answers whether anything was asked to change.
     */
    async update(
      accountId: string,
      input: ProfileChanges,
      alsoInTransaction: (trx: Executor) => Promise<void>,
    ): Promise<boolean> {
      const { changes, issues } = checkProfileChanges(input);
      if (issues.length > 0)
        throw new ValidationError('The profile has problems.', issues, validationCode(issues));
      const touchesProfile =
        changes.displayName !== undefined || changes.bio !== undefined || changes.avatarMediaId !== undefined;
      if (!touchesProfile && changes.language === undefined) return false;
      await store.transaction(async (trx) => {
        if (changes.avatarMediaId) await claimAvatar(accountId, changes.avatarMediaId, trx);
        if (touchesProfile) {
          const current = await store.find(accountId, trx);
          await store.upsert(merged(accountId, current, changes, clock.nowMs()), trx);
        }
        if (changes.language) await auth.setLanguage(accountId, changes.language, trx);
        await alsoInTransaction(trx);
      });
      cards.forget([accountId]);
      return true;
    },

    /** Drops cached author cards: `profile.updated` or `account.deleted` heard on the bus. */
    forgetCards: (accountIds: string[]) => cards.forget(accountIds),
    cachedCardCount: () => cards.size,
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
