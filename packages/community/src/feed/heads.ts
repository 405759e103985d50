import type { Clock, Invalidations } from '@plaza/kernel';
import type { Page } from '../contracts.ts';
import { createRefreshingCache, type RefreshingOptions } from '../refreshing-cache.ts';
import { encodeKeyset, type Keyset } from './cursor.ts';
import type { FeedStore, TimelineRow } from './store.ts';

export interface HeadOptions extends RefreshingOptions {
  /** Newest timeline rows kept per account: two pages of the default size. */
  rows: number;
}

// About 70 bytes a row, so 10,000 readers × 40 rows stay near 30 MB. This process forgets an
// account's head whenever its timeline changes here (fan-out, follows, blocks); refreshing
// ahead bounds how long a note fanned out by another process stays unseen by an active reader.
export const DEFAULT_HEADS: HeadOptions = {
  entriesMax: 10_000,
  refreshAfterMs: 10_000,
  ttlMs: 60_000,
  // One query re-reads up to 50 heads.
  refreshBatch: 50,
  refreshDelayMs: 200,
  rows: 40,
};

/** The newest rows of one account's timeline, newest first. */
interface Head {
  noteIds: readonly string[];
  createdAts: readonly number[];
  /** True when these rows are the whole timeline. */
  complete: boolean;
  /** First pages by size, made once per head: readers ask for the same one again and again. */
  firstPages: Map<number, Page<string> | undefined>;
}

const isAfter = (head: Head, i: number, key: Keyset) => {
  const at = head.createdAts[i] as number;
  return at < key.atMs || (at === key.atMs && (head.noteIds[i] as string) < key.id);
};

/**
 * The page of `limit` ids strictly after `after`, when the head alone can answer it: the
 * page ends inside the head, or the head is the whole timeline. The cursor is the keyset
 * of the page's last row, so a page served here and one read from the database continue
 * each other exactly.
 */
function pageFrom(head: Head, after: Keyset | null, limit: number): Page<string> | undefined {
  let start = 0;
  if (after) while (start < head.noteIds.length && !isAfter(head, start, after)) start += 1;
  const end = start + limit;
  if (end > head.noteIds.length && !head.complete) return undefined;
  const items = head.noteIds.slice(start, end);
  const last = Math.min(end, head.noteIds.length) - 1;
  const more = end < head.noteIds.length || !head.complete;
  return {
    items,
    nextCursor:
      more && items.length > 0
        ? encodeKeyset({ atMs: head.createdAts[last] as number, id: head.noteIds[last] as string })
        : null,
  };
}

/**
 * Each reading account's newest timeline rows in memory, so the first pages of a following
 * feed read no timeline rows from the database. Later pages, and pages a head cannot answer
 * alone, read the database as before.
 */
/** `pageFrom` for a first page, kept on the head (frozen: every reader shares it). */
function firstPage(head: Head, limit: number): Page<string> | undefined {
  if (head.firstPages.has(limit)) return head.firstPages.get(limit);
  const page = pageFrom(head, null, limit);
  if (page) {
    Object.freeze(page.items);
    Object.freeze(page);
  }
  // Page sizes are bounded by the route's limit (1–100): at most a hundred entries per head.
  head.firstPages.set(limit, page);
  return page;
}

export function createTimelineHeads(
  store: Pick<FeedStore, 'timelineHeads'>,
  clock: Clock,
  options: HeadOptions = DEFAULT_HEADS,
  onRefreshError: (err: unknown) => void = () => {},
  /** Fan-outs, follows and blocks handled by other processes arrive here at once when given. */
  invalidations?: Invalidations,
) {
  function headOf(rows: TimelineRow[]): Head {
    const kept = rows.slice(0, options.rows);
    return Object.freeze({
      noteIds: Object.freeze(kept.map((r) => r.note_id)),
      createdAts: Object.freeze(kept.map((r) => r.created_at)),
      complete: rows.length <= options.rows,
      firstPages: new Map(),
    });
  }
  // One row more than kept tells whether the head is the whole timeline.
  const loadMany = async (accountIds: string[]) =>
    new Map(
      [...(await store.timelineHeads(accountIds, options.rows + 1))].map(([id, rows]) => [id, headOf(rows)]),
    );
  const cache = createRefreshingCache<Head>(options, clock, loadMany, onRefreshError, {
    invalidations,
    name: 'timeline-heads',
  });

  return {
    /**
     * A page from the account's head, or undefined when the database must answer. A first
     * page loads the head when it is not cached; a later page only uses a cached one.
     */
    async page(accountId: string, after: Keyset | null, limit: number): Promise<Page<string> | undefined> {
      const cached = cache.peek(accountId);
      if (cached !== 'missing' && cached !== undefined)
        return after ? pageFrom(cached, after, limit) : firstPage(cached, limit);
      if (after) return undefined;
      const loaded = await cache.get(accountId);
      return loaded ? firstPage(loaded, limit) : undefined;
    },
    /** After this process changed these accounts' timelines. */
    forget: (accountIds: Iterable<string>) => cache.forget(accountIds),
    get size() {
      return cache.size;
    },
  };
}

export type TimelineHeads = ReturnType<typeof createTimelineHeads>;
