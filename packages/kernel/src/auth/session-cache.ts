import { TtlCache } from '../cache.ts';
import type { Clock } from '../clock.ts';
import type { AuthStore } from './store.ts';
import { hashToken } from './tokens.ts';
import type { Viewer } from './types.ts';

/**
 * Every signed-in request resolves its token; a short cache spares the database that round
 * trip. This process forgets a session at once on log-out, password change, role or language
 * change and deletion, and tells the other processes through the platform's invalidations
 * (`auth/service.ts`); without Redis, another process serving the same site may honour it for
 * up to this long after.
 */
export const SESSION_CACHE_TTL_MS = 10_000;
const SESSION_CACHE_MAX_ENTRIES = 100_000;
// A session in use is re-read in the background once it has been cached this long, plus up to
// 80% more so sessions cached together are not re-read together: its requests never wait for
// an expiry, and a change made by another process shows sooner.
const SESSION_REFRESH_AFTER_MS = SESSION_CACHE_TTL_MS / 2;
// Sessions found due gather this long, then one query re-reads up to a batch of them.
const REFRESH_GATHER_MS = 200;
const REFRESH_BATCH = 500;
const REFRESH_QUEUE_MAX = REFRESH_BATCH * 20;

interface CachedSession {
  viewer: Viewer;
  /** Computed once when the session is first read: re-reads need it, cache hits do not. */
  tokenHash: string;
  expiresAtMs: number;
  refreshAtMs: number;
}

type SessionRow = NonNullable<Awaited<ReturnType<AuthStore['findSessionByTokenHash']>>>;

const viewerOf = (found: SessionRow): Viewer => ({
  accountId: found.accountId,
  handle: found.handle,
  role: found.role,
  language: found.language,
  sessionId: found.sessionId,
});

/**
 * Token → viewer, keyed by the token itself: a hit costs a map lookup and no hashing (the
 * process holds every presented token anyway; only hashes reach the database). Sessions in
 * use are re-read ahead of expiry in batches, one query per batch.
 */
export function createSessionCache(
  store: Pick<AuthStore, 'findSessionByTokenHash' | 'findSessionsByTokenHashes'>,
  clock: Clock,
) {
  const sessions = new TtlCache<string, CachedSession>(
    clock,
    SESSION_CACHE_TTL_MS,
    SESSION_CACHE_MAX_ENTRIES,
  );
  const due = new Map<string, string>();
  let flushing = false;
  // Bumped by every forget: a read that began before it may hold a session since ended, so
  // its result is not cached.
  let forgets = 0;

  /** Caches a row read at epoch `readAt`, or drops the token when the session is gone. */
  function remember(token: string, tokenHash: string, found: SessionRow | undefined, readAt: number) {
    if (!found || found.expires_at <= clock.nowMs()) {
      sessions.delete(token);
      return null;
    }
    const viewer = viewerOf(found);
    const refreshAtMs = clock.nowMs() + SESSION_REFRESH_AFTER_MS * (1 + 0.8 * Math.random());
    if (readAt === forgets)
      sessions.set(token, { viewer, tokenHash, expiresAtMs: found.expires_at, refreshAtMs });
    return viewer;
  }

  async function readOne(token: string): Promise<Viewer | null> {
    const readAt = forgets;
    const tokenHash = hashToken(token);
    return remember(token, tokenHash, await store.findSessionByTokenHash(tokenHash), readAt);
  }

  async function flush(): Promise<void> {
    try {
      while (due.size > 0) {
        const batch = [...due].slice(0, REFRESH_BATCH);
        for (const [token] of batch) due.delete(token);
        const readAt = forgets;
        const found = await store.findSessionsByTokenHashes(batch.map(([, hash]) => hash));
        for (const [token, hash] of batch) remember(token, hash, found.get(hash), readAt);
      }
    } catch {
      // A failed re-read leaves the entries to their time to live; the reader after that
      // reads the session itself and gets the error.
      due.clear();
    } finally {
      flushing = false;
    }
  }

  function refreshSoon(token: string, tokenHash: string) {
    if (due.has(token) || due.size >= REFRESH_QUEUE_MAX) return;
    due.set(token, tokenHash);
    if (flushing) return;
    flushing = true;
    // Unreferenced: a pending re-read never keeps a process alive.
    setTimeout(() => void flush(), REFRESH_GATHER_MS).unref();
  }

  return {
    /** The viewer of `token`: from the cache when it holds one, else read (and cached). */
    authenticate(token: string): Viewer | null | Promise<Viewer | null> {
      const cached = sessions.get(token);
      if (!cached) return readOne(token);
      const nowMs = clock.nowMs();
      if (cached.expiresAtMs <= nowMs) return null;
      if (nowMs >= cached.refreshAtMs) refreshSoon(token, cached.tokenHash);
      return cached.viewer;
    },
    forgetWhere(matches: (viewer: Viewer) => boolean) {
      forgets += 1;
      sessions.deleteWhere((s) => matches(s.viewer));
    },
  };
}
