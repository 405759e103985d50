import type { Kysely } from 'kysely';
import { capKey } from '../earning/caps.ts';
import { resolvePlanVersion, selectionDate } from '../earning/selection.ts';
import type { CapUsage } from '../earning/types.ts';
import { loadBalances } from '../ledger/load.ts';
import type { LedgerStore } from '../ledger/store.ts';
import { LedgerWorkingSet } from '../ledger/working-set.ts';
import type { Program } from '../program/types.ts';
import { Batch, type FreshEvent, fromEventRow, type KnownEvent } from './batch.ts';
import { asModules, type PointsTables } from './db.ts';
import { RETURNS } from './event.ts';
import { earningTransaction } from './settle.ts';
import type { LifecycleStore } from './store.ts';

export interface LoadDeps {
  readonly store: LifecycleStore;
  readonly ledgerStore: LedgerStore;
  readonly program: Program;
  readonly recordedAt: number;
  readonly allowNegativeAvailable: boolean;
}

/** The cap keys the batch's settlements can touch; none when the program sets no caps. */
function capKeysOf(fresh: readonly FreshEvent[], program: Program): string[] {
  if (!program.plans.some((plan) => plan.versions.some((v) => v.caps.length > 0))) return [];
  const keys = new Set<string>();
  for (const item of fresh) {
    if (item.event.type !== 'settlement') continue;
    const tx = earningTransaction(item.event);
    const version = resolvePlanVersion(program, item.profile.selections, tx);
    const date = selectionDate(program.settings, tx);
    for (const cap of version?.caps ?? []) keys.add(capKey(cap, version!, date));
  }
  return [...keys];
}

async function capUsageOf(
  trx: Kysely<PointsTables>,
  deps: LoadDeps,
  fresh: readonly FreshEvent[],
): Promise<Map<string, CapUsage>> {
  const keys = capKeysOf(fresh, deps.program);
  if (keys.length === 0) return new Map();
  const cards = fresh.filter((f) => f.event.type === 'settlement').map((f) => f.profile.cardId);
  return deps.store.capUsage([...new Set(cards)], keys, asModules(trx).lifecycle);
}

/**
 * Reads everything the batch's rules need, set-based, whatever the batch's size: the events
 * its events follow, returns held for its settlements, the refunds and pending points of the
 * settlements its returns name, the balances of the cards that may lose points, cap usage.
 */
export async function loadBatch(
  trx: Kysely<PointsTables>,
  deps: LoadDeps,
  fresh: readonly FreshEvent[],
): Promise<Batch> {
  const { store } = deps;
  const db = asModules(trx);
  const originalIds = [
    ...new Set(fresh.flatMap((f) => (f.event.originalEventId ? [f.event.originalEventId] : []))),
  ];
  const settlementIds = fresh.filter((f) => f.event.type === 'settlement').map((f) => f.event.id);
  const [originals, held] = await Promise.all([
    store.eventsByIds(originalIds, db.lifecycle),
    store.heldFor(settlementIds, db.lifecycle),
  ]);
  // One object per event: a held return can also be what another event of the batch names.
  const known = [...new Map([...originals, ...held].map((row) => [row.id, fromEventRow(row)])).values()];
  const returnedIds = new Set(
    fresh.filter((f) => RETURNS.includes(f.event.type)).map((f) => f.event.originalEventId),
  );
  const returned = known.filter((k) => k.type === 'settlement' && returnedIds.has(k.id));
  const transactionIds = returned.map((k) => k.transactionId!);
  const returnCards = fresh.filter((f) => RETURNS.includes(f.event.type)).map((f) => f.profile.cardId);
  const [balances, siblings, queued, capUsage] = await Promise.all([
    loadBalances(deps.ledgerStore, db.ledger, {
      transactionIds,
      cards: [...returnCards, ...held.map((h) => h.card_id)],
    }),
    store.returnsOf(
      returned.map((k) => k.id),
      db.lifecycle,
    ),
    deps.ledgerStore.queueOf(
      returned.map((k) => k.id),
      db.ledger,
    ),
    capUsageOf(trx, deps, fresh),
  ]);
  const ledger = new LedgerWorkingSet(balances, {
    recordedAt: deps.recordedAt,
    allowNegativeAvailable: deps.allowNegativeAvailable,
  });
  const batch = new Batch(deps.program, ledger, deps.recordedAt, capUsage);
  for (const k of known) batch.known.set(k.id, k);
  for (const k of known) if (k.status === 'held') batch.hold(k, k.event.originalEventId!);
  const availableOn = new Map(queued.map((q) => [q.settlement_id, q.available_on]));
  for (const settlement of returned)
    addSettlement(batch, settlement, siblings, availableOn.get(settlement.id));
  return batch;
}

function addSettlement(
  batch: Batch,
  settlement: KnownEvent,
  returns: readonly { original_event_id: string | null; payload: string }[],
  queuedOn: string | undefined,
): void {
  let refundedMinor = 0;
  for (const applied of returns) {
    if (applied.original_event_id !== settlement.id) continue;
    refundedMinor += (JSON.parse(applied.payload) as { amount: number }).amount;
  }
  batch.settlements.set(settlement.id, {
    known: settlement,
    ref: { settlementId: settlement.id, cardId: settlement.cardId, transactionId: settlement.transactionId! },
    // The queue keeps the date computed at settlement; recomputing is for settlements already released.
    availableOn: queuedOn ?? batch.availableOn(settlement.event.settledAt!),
    refundedMinor,
  });
}
