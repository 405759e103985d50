import {
  type Account,
  type AuthService,
  type Clock,
  type EventBus,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type {
  AccountDataContributor,
  BlocksApi,
  CommunityEvents,
  NotesApi,
  SocialApi,
} from '../contracts.ts';
import type { ProfileChanges } from './profile-input.ts';
import type { ProfilesService } from './profiles.ts';
import type { ProfilesStore } from './store.ts';

/** What the accounts module needs from notifications; kept local so neither imports the other. */
export interface UnreadCounter {
  unreadCount(accountId: string): Promise<number>;
}

export interface AccountsDeps {
  store: ProfilesStore;
  auth: AuthService;
  profiles: ProfilesService;
  blocks: BlocksApi;
  social: Pick<SocialApi, 'counts' | 'isFollowing'>;
  notes: Pick<NotesApi, 'countByAuthor' | 'engagementByAuthor'>;
  notifications: UnreadCounter;
  /** Every module's export/erase hooks; read at call time, so modules built later still count. */
  contributors: readonly AccountDataContributor[];
  clock: Clock;
  bus: EventBus;
}

export function createAccountsService(deps: AccountsDeps) {
  const { store, auth, profiles, blocks, social, notes, bus } = deps;

  async function accountOrThrow(accountId: string): Promise<Account> {
    const account = await auth.findById(accountId);
    // The session resolved a moment ago; a miss means the account was deleted in between.
    if (!account) throw new NotFoundError('Your account');
    return account;
  }

  async function countsOf(accountId: string) {
    const [graph, noteCount, received] = await Promise.all([
      social.counts(accountId),
      notes.countByAuthor(accountId),
      notes.engagementByAuthor(accountId),
    ]);
    return {
      followerCount: graph.followers,
      followingCount: graph.following,
      noteCount,
      // RedNote's "likes and collects" on a profile: what the account's notes received.
      likesAndCollects: received.likes + received.collects,
    };
  }

  async function me(accountId: string) {
    const account = await accountOrThrow(accountId);
    const [profile, counts, unreadNotifications] = await Promise.all([
      profiles.view(account),
      countsOf(accountId),
      deps.notifications.unreadCount(accountId),
    ]);
    return {
      ...account,
      displayName: profile.displayName,
      bio: profile.bio,
      avatarUrl: profile.avatarUrl,
      ...counts,
      unreadNotifications,
    };
  }

  async function viewerRelation(viewerId: string, targetId: string) {
    const [following, followsYou] = await Promise.all([
      social.isFollowing(viewerId, targetId),
      social.isFollowing(targetId, viewerId),
    ]);
    // A block in either direction has already answered 404, so the viewer blocks nobody shown here.
    return { following, followsYou, blocking: false };
  }

  return {
    me,

    /** Checks and applies profile changes, then answers the new /me. */
    async updateMe(accountId: string, changes: ProfileChanges) {
      const event: CommunityEvents['profile.updated'] = { accountId };
      const changed = await profiles.update(accountId, changes, (trx) =>
        bus.record(trx, 'profile.updated', event),
      );
      // After the commit, so search shows the new name when the answer arrives.
      if (changed) await bus.deliver();
      return me(accountId);
    },

    /** A public profile; 404 when either account blocks the other, as if it did not exist. */
    async publicProfile(handle: string, viewerId: string | null) {
      const account = await auth.findByHandle(handle);
      if (!account || (viewerId && (await blocks.eitherBlocks(viewerId, account.id)))) {
        throw new NotFoundError('That account');
      }
      const [profile, counts, viewer] = await Promise.all([
        profiles.view(account),
        countsOf(account.id),
        viewerId ? viewerRelation(viewerId, account.id) : null,
      ]);
      return {
        id: account.id,
        handle: account.handle,
        displayName: profile.displayName,
        bio: profile.bio,
        avatarUrl: profile.avatarUrl,
        language: account.language,
        createdAt: account.createdAt,
        ...counts,
        viewer,
      };
    },

    /**
     * Re-authenticates, then erases the account in one transaction: every module's data, the
     * profile, and last the kernel account row (sessions and anything else keyed to it cascade).
     * `account.deleted` is recorded in that transaction and delivered before the SQLite
     * checkpoint: its outbox row carries the account id, so it must be gone before the
     * checkpoint folds the write-ahead log (and with it every trace of the account) away.
     */
    async deleteAccount(accountId: string, password: string): Promise<void> {
      if (!(await auth.passwordMatches(accountId, password))) {
        throw new ValidationError(
          'The password is wrong.',
          [{ field: '/password', code: 'wrong_password', message: 'is wrong' }],
          'wrong_password',
        );
      }
      const event: CommunityEvents['account.deleted'] = { accountId };
      await store.transaction(async (trx) => {
        for (const contributor of deps.contributors) await contributor.erase(accountId, trx);
        await profiles.contributor.erase(accountId, trx);
        await auth.deleteAccount(accountId, trx);
        await bus.record(trx, 'account.deleted', event);
      });
      await bus.deliver();
      await store.compactAfterErase();
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
