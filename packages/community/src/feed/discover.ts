import type { NotesApi, RankedCandidate } from '../contracts.ts';

/** One ranked note of the discover feed. */
export interface DiscoverEntry {
  noteId: string;
  authorId: string;
}

/**
 * Where the discover feed's ranking comes from. The ranking is the same for every viewer
 * (per-viewer rules such as blocks are applied when a page is read), so one snapshot of it
 * serves everyone; a fairness-aware recommender replaces the engagement source by
 * implementing this.
 */
export interface DiscoverSource {
  readonly name: string;
  /** At most `limit` entries, best first, each note once. */
  rank(nowMs: number, limit: number): Promise<DiscoverEntry[]>;
}

export interface EngagementSourceOptions {
  /** Only notes this recent are candidates. */
  windowMs: number;
  /** Candidates read per ranking: bounds the work and the memory of one ranking. */
  candidatesMax: number;
  /** A note's score halves every this many ms. */
  halfLifeMs: number;
  /**
   * An author appears at most once in any run of this many consecutive entries. Wider than
   * a page of 20, so a page keeps 20 distinct authors even when a few of its entries are
   * hidden from the reader (blocks, deletions) and the page is refilled from further on.
   */
  diversityWindow: number;
}

export const DEFAULT_ENGAGEMENT_OPTIONS: EngagementSourceOptions = {
  windowMs: 14 * 86_400_000,
  candidatesMax: 2_000,
  halfLifeMs: 24 * 3_600_000,
  diversityWindow: 25,
};

/**
 * Likes + 2×collects + comments, plus one so a fresh note without engagement still ranks by
 * recency, halved every `halfLifeMs` of age. A collect counts double: saving a note for later
 * is a stronger signal than a tap.
 */
export function engagementScore(c: RankedCandidate, nowMs: number, halfLifeMs: number): number {
  const engagement = c.likeCount + 2 * c.collectCount + c.commentCount;
  const ageMs = Math.max(0, nowMs - c.createdAt);
  return (1 + engagement) * 0.5 ** (ageMs / halfLifeMs);
}

/**
 * Reorders a ranked list so no author appears twice within `window` consecutive entries:
 * each position takes the best-ranked entry whose author is not among the previous
 * `window - 1`. When no entry qualifies (fewer authors than the window), the entry whose
 * author was shown longest ago is placed anyway rather than dropping notes from the feed.
 */
export function diversify<T extends { authorId: string }>(ranked: T[], window: number): T[] {
  const lastAt = new Map<string, number>();
  const result: T[] = [];
  // Entries passed over because their author appeared too recently, kept in rank order.
  const waiting: { rank: number; entry: T }[] = [];
  const eligible = (authorId: string) => {
    const at = lastAt.get(authorId);
    return at === undefined || result.length - at >= window;
  };
  let next = 0;
  while (result.length < ranked.length) {
    while (next < ranked.length && !eligible(ranked[next]!.authorId)) {
      waiting.push({ rank: next, entry: ranked[next]! });
      next += 1;
    }
    const waitIndex = waiting.findIndex((w) => eligible(w.entry.authorId));
    const fresh = next < ranked.length ? next : -1;
    let chosen: T;
    if (waitIndex >= 0 && (fresh < 0 || waiting[waitIndex]!.rank < fresh)) {
      chosen = waiting.splice(waitIndex, 1)[0]!.entry;
    } else if (fresh >= 0) {
      chosen = ranked[fresh]!;
      next += 1;
    } else {
      chosen = waiting.splice(longestAgo(waiting, lastAt), 1)[0]!.entry;
    }
    lastAt.set(chosen.authorId, result.length);
    result.push(chosen);
  }
  return result;
}

/** The waiting entry whose author was shown longest ago (ties: the better ranked). */
function longestAgo<T extends { authorId: string }>(
  waiting: { entry: T }[],
  lastAt: Map<string, number>,
): number {
  let best = 0;
  for (let i = 1; i < waiting.length; i += 1) {
    const at = lastAt.get(waiting[i]!.entry.authorId) ?? -1;
    if (at < (lastAt.get(waiting[best]!.entry.authorId) ?? -1)) best = i;
  }
  return best;
}

/**
 * Lets queued requests run before the next step of a rebuild. On SQLite every statement runs
 * on the event loop, so a rebuild made of short steps with yields in between delays a request
 * by one step at most, never by the whole rebuild.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Best first; ties fall back to recency, then id, so a ranking never depends on the input order. */
function byScore(candidates: RankedCandidate[], nowMs: number, halfLifeMs: number): DiscoverEntry[] {
  return candidates
    .filter((c) => c.status === 'published')
    .map((c) => ({ c, score: engagementScore(c, nowMs, halfLifeMs) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.c.createdAt - a.c.createdAt ||
        (a.c.id < b.c.id ? 1 : a.c.id > b.c.id ? -1 : 0),
    )
    .map(({ c }) => ({ noteId: c.id, authorId: c.authorId }));
}

/** The first discover feed: recent notes ranked by decayed engagement, author-diversified. */
export function createEngagementSource(
  notes: NotesApi,
  options: EngagementSourceOptions = DEFAULT_ENGAGEMENT_OPTIONS,
): DiscoverSource {
  return {
    name: 'engagement',
    async rank(nowMs, limit) {
      // One statement bounded by `candidatesMax`, read through the notes (status, created_at)
      // index; the steps after it each run after a yield (see yieldToEventLoop).
      const candidates = await notes.listRecentPublished(nowMs - options.windowMs, options.candidatesMax);
      await yieldToEventLoop();
      const scored = byScore(candidates, nowMs, options.halfLifeMs);
      await yieldToEventLoop();
      return diversify(scored, options.diversityWindow).slice(0, limit);
    },
  };
}
