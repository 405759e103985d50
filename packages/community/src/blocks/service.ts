import {
  type AuthService,
  type Clock,
  type EventBus,
  type Invalidations,
  keysetRows,
  mapRows,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type { AccountDataContributor, BlocksApi, CommunityEvents, Executor } from '../contracts.ts';
import { createRefreshingCache, type RefreshingOptions } from '../refreshing-cache.ts';
import type { BlocksStore } from './store.ts';

export interface BlocksDeps {
  store: BlocksStore;
  auth: AuthService;
  clock: Clock;
  bus: EventBus;
  /** Where this process's block list changes are told to the other processes (Redis when configured). */
  invalidations?: Invalidations;
  /** A background re-read of a block list failed (entries stay until their time to live). */
  onRefreshError?: (err: unknown) => void;
}

// Visibility checks run on every read; a block list changes rarely, so each viewer's set is
// kept, forgotten at once by this process's blocks and unblocks (and, through the invalidation
// channel, by every other process's), and re-read ahead in the background (readers do not wait)
// so a block made behind the cache's back shows within seconds.
const CACHE: RefreshingOptions = {
  entriesMax: 50_000,
  refreshAfterMs: 10_000,
  ttlMs: 60_000,
  refreshBatch: 200,
  refreshDelayMs: 200,
};

export function createBlocksService({
  store,
  auth,
  clock,
  bus,
  invalidations,
  onRefreshError = () => {},
}: BlocksDeps) {
  const cache = createRefreshingCache<Set<string>>(
    CACHE,
    clock,
    // One query per batch of readers (the cache gathers them for a moment).
    async (viewerIds) => {
      const lists = await store.relatedMany(viewerIds);
      return new Map(viewerIds.map((id) => [id, new Set(lists.get(id))]));
    },
    onRefreshError,
    { invalidations, name: 'blocks' },
  );
  const forget = (...ids: string[]) => cache.forget(ids);

  async function resolveTarget(blockerId: string, handle: string) {
    const target = await auth.findByHandle(handle);
    if (!target) throw new NotFoundError('That account');
    if (target.id === blockerId)
      throw new ValidationError(
        'You cannot block yourself.',
        [{ field: 'handle', code: 'is_self', message: 'is you' }],
        'cannot_block_self',
      );
    return target;
  }

  const api: BlocksApi = {
    eitherBlocks: (a, b, db) => store.eitherBlocks(a, b, db),
    blocks: (blockerId, blockedId, db) => store.blocks(blockerId, blockedId, db),
    async hiddenFrom(viewerId, db) {
      // Inside a caller's transaction: read what it sees.
      if (db) return new Set(await store.related(viewerId, db));
      return (await cache.get(viewerId)) ?? new Set();
    },
  };

  const contributor: AccountDataContributor = {
    name: 'blocks',
    write: (accountId, sink) =>
      sink.lines(
        'blocks.jsonl',
        mapRows(keysetRows(store.blockedPages(accountId)), (r) => ({
          blockedAccountId: r.blocked_id,
          createdAt: r.created_at,
        })),
      ),
    erase: async (accountId, db) => {
      await store.eraseAccount(accountId, db);
      forget(accountId);
    },
  };

  return {
    ...api,
    contributor,
    async block(blockerId: string, handle: string) {
      const target = await resolveTarget(blockerId, handle);
      await store.transaction(async (trx) => {
        if (await store.insert(blockerId, target.id, clock.nowMs(), trx)) {
          const event: CommunityEvents['block.created'] = { blockerId, blockedId: target.id };
          await bus.record(trx, 'block.created', event);
        }
      });
      forget(blockerId, target.id);
      // Subscribers (follows dropped both ways, timelines pruned) have run when this answers.
      await bus.deliver();
      return { blocked: true, handle: target.handle };
    },
    async unblock(blockerId: string, handle: string) {
      const target = await resolveTarget(blockerId, handle);
      await store.remove(blockerId, target.id);
      forget(blockerId, target.id);
      return { blocked: false, handle: target.handle };
    },
    async listBlocked(blockerId: string) {
      const rows = await store.listBlockedBy(blockerId);
      const accounts = await auth.findByIds(rows.map((r) => r.blocked_id));
      const handles = new Map(accounts.map((a) => [a.id, a.handle]));
      return rows.map((r) => ({
        accountId: r.blocked_id,
        handle: handles.get(r.blocked_id) ?? '',
        createdAt: r.created_at,
      }));
    },
    /** For mutations needing a fresh answer inside a transaction: `db` bypasses the cache. */
    hiddenFromFresh: (viewerId: string, db?: Executor) =>
      store.related(viewerId, db).then((ids) => new Set(ids)),
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;
