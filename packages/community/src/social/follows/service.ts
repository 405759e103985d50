import {
  type AuthService,
  type Clock,
  type EventBus,
  keysetRows,
  mapRows,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type {
  AccountDataContributor,
  BlocksApi,
  CommunityEvents,
  Executor,
  PageRequest,
  ProfilesApi,
  SocialApi,
} from '../../contracts.ts';
import { refuseAcrossBlock } from '../shared/block-access.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { hiddenForSql } from '../shared/hidden.ts';
import type { FollowDirection, FollowsStore } from './store.ts';

export interface FollowsDeps {
  store: FollowsStore;
  auth: AuthService;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  clock: Clock;
  bus: EventBus;
}

// A bound on the home timeline's fan-in and on what one account can fan out: past it,
// following more is refused rather than degrading everyone's feed.
export const FOLLOWING_MAX = 5_000;

export function createFollowsService({ store, auth, blocks, profiles, clock, bus }: FollowsDeps) {
  const missingAccount = () => new NotFoundError('That account');

  async function resolveTarget(viewerId: string, handle: string) {
    const target = await auth.findByHandle(handle.trim().toLowerCase());
    if (!target) throw missingAccount();
    if (target.id === viewerId) {
      throw new ValidationError(
        'You cannot follow yourself.',
        [{ field: 'handle', code: 'is_self', message: 'is you' }],
        'cannot_follow_self',
      );
    }
    return target;
  }

  /** Records the event in `trx`, the transaction of the follow change it announces. */
  async function record(
    trx: Executor,
    topic: 'follow.created' | 'follow.deleted',
    followerId: string,
    followeeId: string,
  ) {
    const event: CommunityEvents[typeof topic] = { followerId, followeeId };
    await bus.record(trx, topic, event);
  }

  const api: SocialApi = {
    followeeIds: (accountId, db) => store.followeeIds(accountId, db),
    followerIdsBatch: (accountId, afterId, limit, db) =>
      store.followerIdsAfter(accountId, afterId, limit, db),
    isFollowing: (follower, followee, db) => store.exists(follower, followee, db),
    counts: (accountId, db) => store.counts(accountId, db),
  };

  /** Drops follows both ways when one account blocks another; announced like any unfollow. */
  async function onBlock({ blockerId, blockedId }: CommunityEvents['block.created']) {
    await store.transaction(async (trx) => {
      if (await store.remove(blockerId, blockedId, trx))
        await record(trx, 'follow.deleted', blockerId, blockedId);
      if (await store.remove(blockedId, blockerId, trx))
        await record(trx, 'follow.deleted', blockedId, blockerId);
    });
    // Inside the block.created delivery this returns at once; that pass picks these up.
    await bus.deliver();
  }

  const contributor: AccountDataContributor = {
    name: 'social.follows',
    async write(accountId, sink) {
      await sink.lines(
        'following.jsonl',
        mapRows(keysetRows(store.followingPages(accountId)), (r) => ({
          accountId: r.followee_id,
          followedAt: r.created_at,
        })),
      );
      await sink.lines(
        'followers.jsonl',
        mapRows(keysetRows(store.followersPages(accountId)), (r) => ({
          accountId: r.follower_id,
          followedAt: r.created_at,
        })),
      );
    },
    erase: (accountId, db) => store.eraseAccount(accountId, db),
  };

  return {
    ...api,
    contributor,
    onBlock,

    async follow(viewerId: string, handle: string) {
      const target = await resolveTarget(viewerId, handle);
      await refuseAcrossBlock(blocks, viewerId, target.id, missingAccount, 'follow it');
      const { following } = await store.counts(viewerId);
      if (following >= FOLLOWING_MAX && !(await store.exists(viewerId, target.id))) {
        throw new ValidationError(
          `You can follow at most ${FOLLOWING_MAX} accounts.`,
          [
            {
              field: 'handle',
              code: 'following_limit',
              params: { max: FOLLOWING_MAX },
              message: 'would pass the following limit',
            },
          ],
          'following_limit',
        );
      }
      await store.transaction(async (trx) => {
        const added = await store.insert(viewerId, target.id, clock.nowMs(), trx);
        if (added) await record(trx, 'follow.created', viewerId, target.id);
      });
      await bus.deliver();
      return { following: true, followerCount: (await store.counts(target.id)).followers };
    },

    /** Always works on the viewer's own follow; an account that blocks the viewer stays a 404. */
    async unfollow(viewerId: string, handle: string) {
      const target = await resolveTarget(viewerId, handle);
      const removed = await store.transaction(async (trx) => {
        const gone = await store.remove(viewerId, target.id, trx);
        if (gone) await record(trx, 'follow.deleted', viewerId, target.id);
        return gone;
      });
      await bus.deliver();
      // A block drops follows both ways, so this is the path of everyone the target blocks.
      if (!removed && (await blocks.blocks(target.id, viewerId))) throw missingAccount();
      return { following: false, followerCount: (await store.counts(target.id)).followers };
    },

    /** Followers or followees of `handle`, newest first, without accounts hidden from the viewer. */
    async list(handle: string, direction: FollowDirection, page: PageRequest, viewerId: string | null) {
      const owner = await auth.findByHandle(handle.trim().toLowerCase());
      const hidden = viewerId ? await blocks.hiddenFrom(viewerId) : new Set<string>();
      if (!owner || hidden.has(owner.id)) throw new NotFoundError('That account');
      const after = decodeCursor(page.cursor);
      const rows = await store.page(owner.id, direction, after, page.limit, hiddenForSql(hidden));
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        atMs: r.created_at,
        id: r.account_id,
      }));
      const authors = await profiles.authorsByIds(items.map((r) => r.account_id));
      return {
        items: items.flatMap((r) => {
          const author = hidden.has(r.account_id) ? undefined : authors.get(r.account_id);
          return author ? [{ ...author, followedAt: r.created_at }] : [];
        }),
        nextCursor,
      };
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
