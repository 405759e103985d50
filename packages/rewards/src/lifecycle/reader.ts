import type { NetworkEventType } from '../contracts.ts';
import type { EarningLine } from '../earning/types.ts';
import type { PostingLeg } from '../ledger/accounts.ts';
import type { LedgerStore } from '../ledger/store.ts';
import { type ParsedEvent, parseStored } from './event.ts';
import type { LifecycleStore, TransactionCursor } from './store.ts';
import { type PointsSummary, pointsOf, summarize, type TransactionSummary } from './summary.ts';
import type { EventRow, TransactionRow } from './tables.ts';

export interface TransactionEventView {
  readonly id: string;
  readonly type: NetworkEventType;
  readonly amount: number;
  readonly currency: string;
  /** When it took effect: settlement and return clearing time, else the transaction time. */
  readonly at: number;
  readonly points: number | null;
}

export interface TransactionView extends TransactionSummary {
  readonly id: string;
  readonly cardId: string;
  readonly events: TransactionEventView[];
}

export interface StoredLine {
  readonly eventId: string;
  readonly eventType: NetworkEventType;
  /** 1-based, as the line's postings name it. */
  readonly lineNo: number;
  readonly at: number;
  readonly line: EarningLine;
}

interface Hydrated {
  readonly row: TransactionRow;
  readonly events: readonly { row: EventRow; event: ParsedEvent }[];
  readonly postings: readonly { leg: PostingLeg; amount: number }[];
}

function atOf(type: string, event: ParsedEvent): number {
  return type === 'settlement' || type === 'refund' || type === 'chargeback'
    ? (event.settledAt ?? event.transactionAt)
    : event.transactionAt;
}

function byTime(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function view(h: Hydrated): TransactionView {
  const facts = h.events.map(({ row, event }) => ({ type: row.type as NetworkEventType, event }));
  const events = h.events
    .map(({ row, event }) => ({
      id: row.id,
      type: row.type as NetworkEventType,
      amount: event.amount,
      currency: event.currency,
      at: atOf(row.type, event),
      points: row.points === null ? null : Number(row.points),
    }))
    .sort(byTime);
  return { id: h.row.id, cardId: h.row.card_id, ...summarize(facts, h.postings), events };
}

/** Every stored earning and clawback line of a purchase's events, oldest first. */
function linesOf(h: Hydrated): StoredLine[] {
  const lines: StoredLine[] = [];
  const withLines = [...h.events]
    .map((e) => ({ ...e, at: atOf(e.row.type, e.event), id: e.row.id }))
    .sort(byTime);
  for (const { row: eventRow, at } of withLines) {
    const stored = eventRow.lines === null ? [] : (JSON.parse(eventRow.lines) as EarningLine[]);
    stored.forEach((line, i) => {
      lines.push({
        eventId: eventRow.id,
        eventType: eventRow.type as NetworkEventType,
        lineNo: i + 1,
        at,
        line,
      });
    });
  }
  return lines;
}

/** The read side of the lifecycle: a card's purchases and their points, assembled from events and postings. */
export function createTransactionsReader(store: LifecycleStore, ledgerStore: LedgerStore) {
  /** Skeleton rows → their events and postings in two queries → views. */
  async function hydrate(rows: readonly TransactionRow[]): Promise<Hydrated[]> {
    const ids = rows.map((r) => r.id);
    const [events, postings] = await Promise.all([
      store.eventsOfTransactions(ids),
      ledgerStore.postingsOfTransactions(ids),
    ]);
    const eventsOf = groupBy(events, (e) => e.transaction_id);
    const postingsOf = groupBy(postings, (p) => p.transaction_id);
    return rows.map((row) => ({
      row,
      events: (eventsOf.get(row.id) ?? []).map((e) => ({ row: e, event: parseStored(e.payload) })),
      postings: (postingsOf.get(row.id) ?? []).map((p) => ({ leg: p.leg, amount: Number(p.amount) })),
    }));
  }

  return {
    /** A page of the card's purchases, newest first, and the cursor of the next page. */
    async page(cardId: string, limit: number, after: TransactionCursor | null) {
      const rows = await store.transactionsPage(cardId, limit + 1, after);
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const last = page[page.length - 1];
      return {
        items: (await hydrate(page)).map(view),
        next: more && last ? { transactionAt: Number(last.transaction_at), id: last.id } : null,
      };
    },

    /**
     * A page of the card's purchases, newest first, each with what `points` answers for it:
     * the same three queries per page as `page` (the export reads a card's history this way).
     */
    async pageWithLines(cardId: string, limit: number, after: TransactionCursor | null) {
      const rows = await store.transactionsPage(cardId, limit, after);
      const last = rows[rows.length - 1];
      return {
        items: (await hydrate(rows)).map((h) => ({
          transaction: view(h),
          lines: linesOf(h),
          totals: pointsOf(h.postings),
        })),
        next:
          rows.length === limit && last ? { transactionAt: Number(last.transaction_at), id: last.id } : null,
      };
    },

    /** One purchase of the card with every stored earning and clawback line, oldest first; undefined if not the card's. */
    async points(
      cardId: string,
      transactionId: string,
    ): Promise<{ transaction: TransactionView; lines: StoredLine[]; totals: PointsSummary } | undefined> {
      const row = await store.transactionOf(cardId, transactionId);
      if (!row) return undefined;
      const [hydrated] = await hydrate([row]);
      const transaction = view(hydrated!);
      const lines = linesOf(hydrated!);
      return { transaction, lines, totals: pointsOf(hydrated!.postings) };
    },
  };
}

export type TransactionsReader = ReturnType<typeof createTransactionsReader>;
