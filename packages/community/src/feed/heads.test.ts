import { ManualClock } from '@plaza/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeyset, encodeKeyset, type Keyset } from './cursor.ts';
import { createTimelineHeads, DEFAULT_HEADS } from './heads.ts';
import type { TimelineRow } from './store.ts';

const ACCOUNT = '01900000-0000-7000-8000-000000000001';
const noteId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The timeline table of one account in memory, with the store's ordering and keyset rules. */
function memoryTimeline(rows: TimelineRow[]) {
  const sorted = [...rows].sort((a, b) =>
    b.created_at !== a.created_at ? b.created_at - a.created_at : b.note_id < a.note_id ? -1 : 1,
  );
  const queries: (Keyset | null)[] = [];
  const page = (accountId: string, after: Keyset | null, limit: number) =>
    sorted
      .filter((r) => r.account_id === accountId)
      .filter(
        (r) => !after || r.created_at < after.atMs || (r.created_at === after.atMs && r.note_id < after.id),
      )
      .slice(0, limit);
  return {
    queries,
    async timelinePage(accountId: string, after: Keyset | null, limit: number) {
      queries.push(after);
      return page(accountId, after, limit);
    },
    async timelineHeads(accountIds: string[], limit: number) {
      queries.push(null);
      return new Map(accountIds.map((id) => [id, page(id, null, limit)]));
    },
  };
}

/** Walks a timeline page by page the way the feed does: the head first, the table when it cannot answer. */
async function walk(
  heads: ReturnType<typeof createTimelineHeads> | undefined,
  table: ReturnType<typeof memoryTimeline>,
  limits: number[],
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i += 1) {
    const limit = limits[i % limits.length] as number;
    const after = decodeKeyset(cursor);
    const page = (await heads?.page(ACCOUNT, after, limit)) ?? (await tablePage(table, after, limit));
    ids.push(...page.items);
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the walk did not end');
}

async function tablePage(table: ReturnType<typeof memoryTimeline>, after: Keyset | null, limit: number) {
  const rows = await table.timelinePage(ACCOUNT, after, limit + 1);
  const items = rows.slice(0, limit).map((r) => r.note_id);
  const last = rows[limit - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeKeyset({ atMs: last.created_at, id: last.note_id }) : null,
  };
}

const rowsArbitrary = fc
  .array(fc.record({ n: fc.integer({ min: 0, max: 10_000 }), at: fc.integer({ min: 1, max: 30 }) }), {
    maxLength: 70,
    // Longer than the head (10 rows) as often as shorter.
    size: 'max',
  })
  .map((rows) => {
    const unique = new Map(rows.map((r) => [r.n, r.at]));
    return [...unique].map(
      ([n, at]): TimelineRow => ({
        account_id: ACCOUNT,
        note_id: noteId(n),
        author_id: ACCOUNT,
        created_at: at,
      }),
    );
  });

describe('timeline heads', () => {
  it('pages exactly as the table does, for any timeline and page sizes (ties in time included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary,
        // Sizes that end a page exactly at the head's end (10 rows) included on purpose.
        fc.array(fc.oneof(fc.constantFrom(2, 5, 10), fc.integer({ min: 1, max: 45 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (rows, limits) => {
          const table = memoryTimeline(rows);
          const heads = createTimelineHeads(table, new ManualClock(), { ...DEFAULT_HEADS, rows: 10 });
          const expected = await walk(undefined, table, limits);
          expect(await walk(heads, table, limits)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the table once for first pages, and not at all for a later page it holds', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i): TimelineRow => ({ account_id: ACCOUNT, note_id: noteId(i), author_id: ACCOUNT, created_at: i }),
    );
    const table = memoryTimeline(rows);
    const heads = createTimelineHeads(table, new ManualClock(), { ...DEFAULT_HEADS, rows: 20 });
    const first = await heads.page(ACCOUNT, null, 10);
    expect(first?.items).toEqual(
      rows
        .slice(20)
        .reverse()
        .map((r) => r.note_id),
    );
    const second = await heads.page(ACCOUNT, decodeKeyset(first?.nextCursor ?? undefined), 10);
    expect(second?.items).toEqual(
      rows
        .slice(10, 20)
        .reverse()
        .map((r) => r.note_id),
    );
    // The head holds 20 of the 30 rows: the third page is the table's.
    expect(await heads.page(ACCOUNT, decodeKeyset(second?.nextCursor ?? undefined), 10)).toBeUndefined();
    expect(await heads.page(ACCOUNT, null, 10)).toEqual(first);
    expect(table.queries).toEqual([null]);
  });

  it('reads the head again after forget, and never loads one for a later page', async () => {
    const table = memoryTimeline([]);
    const heads = createTimelineHeads(table, new ManualClock());
    const later = { atMs: 5, id: noteId(1) };
    expect(await heads.page(ACCOUNT, later, 10)).toBeUndefined();
    expect(table.queries).toEqual([]);
    expect(await heads.page(ACCOUNT, null, 10)).toEqual({ items: [], nextCursor: null });
    heads.forget([ACCOUNT]);
    await heads.page(ACCOUNT, null, 10);
    expect(table.queries).toEqual([null, null]);
  });
});
