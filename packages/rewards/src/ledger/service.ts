import { type Clock, ConflictError, type FieldIssue, ValidationError } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import { taipeiDate, taipeiStartOfDay } from '../calendar/taipei-date.ts';
import type { ProgramSource } from '../contracts.ts';
import { BANK_LIABILITY, cardAccount, spendPostingId, WHOLE_EVENT_LINE } from './accounts.ts';
import { rebuildCardBalances, verifyCardBalances } from './balances.ts';
import { loadBalances } from './load.ts';
import { lockLedger, lockPartitions, partitionOf } from './lock.ts';
import type { HistoryCursor, LedgerStore } from './store.ts';
import type { PostingRow, RewardsLedgerTables } from './tables.ts';
import { LedgerWorkingSet } from './working-set.ts';

/** Settlements released per database transaction by the release step. */
export const RELEASE_BATCH_MAX = 5_000;

export interface LedgerDeps {
  db: Kysely<RewardsLedgerTables>;
  store: LedgerStore;
  programs: ProgramSource;
  clock: Clock;
}

export interface SpendInput {
  readonly cardId: string;
  readonly points: number;
  /** The caller's id for this spend (an order, a bill offset): a retry with it spends once. */
  readonly reference: string;
}

/** Releases up to `limit` due settlements inside `trx`, which must hold the ledger lock. */
async function releaseIn(
  deps: LedgerDeps,
  trx: Kysely<RewardsLedgerTables>,
  cardId: string | null,
  limit: number,
): Promise<number> {
  const { store, clock } = deps;
  const due = await store.dueReleases(taipeiDate(clock.nowMs()), limit, cardId, trx);
  if (due.length === 0) return 0;
  const loaded = await loadBalances(store, trx, {
    transactionIds: due.map((row) => row.transaction_id),
    cards: due.map((row) => row.card_id),
  });
  const work = new LedgerWorkingSet(loaded, {
    recordedAt: clock.nowMs(),
    allowNegativeAvailable: deps.programs.current().settings.allowNegativeAvailable,
  });
  for (const row of due) {
    const ref = { settlementId: row.settlement_id, cardId: row.card_id, transactionId: row.transaction_id };
    // Dated by the business day, not by when this step ran: the row is the same whenever it runs.
    work.release(ref, taipeiStartOfDay(row.available_on));
  }
  await store.insertPostings(work.postings, trx);
  await store.deleteQueue(
    due.map((row) => row.settlement_id),
    trx,
  );
  return due.length;
}

/** Release rounds until fewer than a full round was due. */
async function releaseAll(deps: LedgerDeps, cardId: string | null): Promise<number> {
  let total = 0;
  for (;;) {
    const released = await deps.db.transaction().execute(async (trx) => {
      await (cardId === null ? lockLedger(trx) : lockPartitions(trx, [partitionOf(cardId)]));
      return releaseIn(deps, trx, cardId, RELEASE_BATCH_MAX);
    });
    total += released;
    if (released < RELEASE_BATCH_MAX) return total;
  }
}

function checkSpend(input: SpendInput): void {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(input.points) || input.points <= 0)
    issues.push({
      field: '/points',
      code: 'too_small',
      params: { min: 1 },
      message: 'must be a whole number of points > 0',
    });
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(input.reference))
    issues.push({
      field: '/reference',
      code: 'not_reference',
      params: { max: 64 },
      message: 'must be 1–64 letters, digits or . _ : -',
    });
  if (issues.length > 0) throw new ValidationError('The spend is malformed.', issues, 'invalid_spend');
}

/**
 * Spends available points (a redemption, a bill offset). Refused when available cannot cover
 * it, so spending never creates a shortfall; only clawbacks of spent points can.
 */
async function spend(deps: LedgerDeps, input: SpendInput): Promise<PostingRow> {
  checkSpend(input);
  const { store, clock } = deps;
  return deps.db.transaction().execute(async (trx) => {
    // Every partition: a spend reference is unique across cards, and two cards' spends could
    // otherwise check the same reference at once.
    await lockLedger(trx);
    await releaseIn(deps, trx, input.cardId, Number.MAX_SAFE_INTEGER);
    const eventId = `spend:${input.reference}`;
    const id = spendPostingId(eventId);
    const [existing] = await store.postingsByIds([id], trx);
    if (existing) {
      if (existing.card_id !== input.cardId || Number(existing.amount) !== input.points) {
        throw new ConflictError('That reference was used for another spend.', 'spend_reference_conflict');
      }
      return existing;
    }
    const { available } = await store.balancesOf(input.cardId, trx);
    if (available < input.points) {
      throw new ConflictError(`Only ${available} points are available.`, 'insufficient_points');
    }
    const row: PostingRow = {
      id,
      event_id: eventId,
      line_no: WHOLE_EVENT_LINE,
      leg: 'spend',
      card_id: input.cardId,
      transaction_id: null,
      settlement_id: null,
      debit_account: cardAccount(input.cardId, 'available'),
      credit_account: BANK_LIABILITY,
      amount: input.points,
      effective_at: clock.nowMs(),
      recorded_at: clock.nowMs(),
    };
    await store.insertPostings([row], trx);
    return row;
  });
}

/** Balances, history, the release step and spending: a card's points outside the event lifecycle. */
export function createLedgerService(deps: LedgerDeps) {
  const { store, clock } = deps;
  /** Releases one card's due points; free (one indexed probe) when nothing is due. */
  async function releaseDueFor(cardId: string): Promise<number> {
    const due = await store.dueReleases(taipeiDate(clock.nowMs()), 1, cardId);
    return due.length === 0 ? 0 : releaseAll(deps, cardId);
  }
  return {
    /**
     * Moves every settlement whose business day has come from pending to available, in rounds
     * of `RELEASE_BATCH_MAX`. Idempotent: a released settlement leaves the queue in the same
     * transaction as its postings, and its posting ids are fixed.
     */
    releaseDue: () => releaseAll(deps, null),
    releaseDueFor,
    /** The card's balances after releasing what is due; `owed` is the shortfall it still has to repay. */
    async balances(cardId: string): Promise<{ pending: number; available: number; owed: number }> {
      await releaseDueFor(cardId);
      const balances = await store.balancesOf(cardId);
      return { pending: balances.pending, available: balances.available, owed: 0 - balances.receivable };
    },
    history: (cardId: string, limit: number, after: HistoryCursor | null): Promise<PostingRow[]> =>
      store.history(cardId, limit, after),
    /** The bank's liability and every card's balances summed: they cancel exactly (a check for operators and tests). */
    booksTotal: () => store.booksTotal(),
    /** Cards whose balance row differs from the sums of their postings: empty when all is well. */
    verifyBalances: () => verifyCardBalances(deps.db, store),
    /** Recomputes every balance row from the postings. */
    rebuildBalances: () => rebuildCardBalances(deps.db, store),
    spend: (input: SpendInput) => spend(deps, input),
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
