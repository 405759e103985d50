import { setImmediate as yieldToIo } from 'node:timers/promises';
import { type Clock, dialectOf } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import type {
  CardProfile,
  CardProfiles,
  EventIngestor,
  EventOutcome,
  NetworkEvent,
  PreparedEvents,
  ProgramSource,
} from '../contracts.ts';
import { ALL_PARTITIONS, lockPartitions } from '../ledger/lock.ts';
import type { LedgerStore } from '../ledger/store.ts';
import type { Batch, BatchRows, FreshEvent } from './batch.ts';
import { asModules, type PointsTables } from './db.ts';
import { canonicalJson, fingerprintOf, type ParsedEvent, RETURNS } from './event.ts';
import { loadBatch } from './load.ts';
import { problem, rejected } from './outcomes.ts';
import { plannerStatistics } from './planner-statistics.ts';
import { applyReturn } from './returns.ts';
import { applyAuthorizationEvent, applySettlement } from './settle.ts';
import { statisticsKeeper } from './statistics.ts';
import type { LifecycleStore } from './store.ts';
import { checkEvent, type EventProblem } from './validate.ts';
import { type WriterGroup, writerGroups } from './writer-groups.ts';

/**
 * Events per database transaction. Larger batches are applied as consecutive transactions of
 * this size: it bounds memory and lock time, and keeps every set-based read under SQLite's
 * 32,766-variable limit.
 */
export const INGEST_BATCH_MAX = 5_000;
/** Events decided before their rows are handed to the database, so deciding and writing overlap. */
const WRITE_SLICE = 1_000;
const YIELD_EVERY = 200;

export interface IngestorDeps {
  db: Kysely<PointsTables>;
  store: LifecycleStore;
  ledgerStore: LedgerStore;
  profiles: CardProfiles;
  programs: ProgramSource;
  clock: Clock;
  /** A failure of background work (planner statistics): reported, never thrown at a writer. */
  onBackgroundError(err: unknown): void;
}

/**
 * Transactions a large chunk is split into on PostgreSQL, by card partition, applied side by
 * side on as many connections: one PostgreSQL backend applying a chunk left a core of a two-core
 * server idle. SQLite has one writer at a time, so there a chunk stays one transaction.
 */
const POSTGRES_WRITERS = 2;

interface Valid {
  readonly index: number;
  readonly event: ParsedEvent;
  readonly payload: string;
  readonly fingerprint: string;
}

/** What `prepare` found: outcomes of the events refused by validation, the rest with their cards. */
class Prepared implements PreparedEvents {
  applied = false;
  constructor(
    readonly outcomes: EventOutcome[],
    readonly valid: readonly Valid[],
    readonly profiles: ReadonlyMap<string, CardProfile>,
  ) {}
  get count(): number {
    return this.outcomes.length;
  }
}

function validate(events: readonly NetworkEvent[]): { outcomes: EventOutcome[]; valid: Valid[] } {
  const outcomes: EventOutcome[] = new Array(events.length);
  const valid: Valid[] = [];
  events.forEach((raw, index) => {
    const checked = checkEvent(raw);
    if ('problem' in checked) {
      outcomes[index] = rejected(idOf(raw), checked.problem);
      return;
    }
    const payload = canonicalJson(checked.event);
    valid.push({ index, event: checked.event, payload, fingerprint: fingerprintOf(payload) });
  });
  return { outcomes, valid };
}

/**
 * The one way events enter Rewards (the API and the settlement-file import). `prepare` checks
 * the events and reads their cards' profiles, outside any transaction; `apply` splits each chunk
 * of `INGEST_BATCH_MAX` by card partition into groups (`POSTGRES_WRITERS` on PostgreSQL) applied
 * side by side, each in one database transaction holding its partitions' locks: a constant
 * number of set-based reads, the rules in memory, then bulk inserts. A bad event is refused alone; the
 * rest of the batch goes on.
 */
export function createEventIngestor(deps: IngestorDeps): EventIngestor {
  const statistics = statisticsKeeper(plannerStatistics(deps.db, deps.onBackgroundError));
  const writers = dialectOf(deps.db) === 'postgres' ? POSTGRES_WRITERS : 1;
  // What this ingestor prepared: another's batch was checked against another program or clock.
  const mine = new WeakSet<Prepared>();

  async function applyGroup(
    group: WriterGroup<Valid>,
    profiles: ReadonlyMap<string, CardProfile>,
    outcomes: EventOutcome[],
    partitions = group.partitions,
  ): Promise<void> {
    try {
      await deps.db.transaction().execute(async (trx) => {
        await lockPartitions(trx, partitions);
        await applyChunk({ ...deps, db: trx }, group.items, profiles, outcomes);
      });
    } catch (error) {
      if (partitions === ALL_PARTITIONS || !isWriteRace(error)) throw error;
      // Another writer, of other partitions, wrote the same event id for another card (or the
      // same purchase) at the same moment. Holding every lock, the group sees its rows.
      await applyGroup(group, profiles, outcomes, ALL_PARTITIONS);
    }
  }

  async function prepare(events: readonly NetworkEvent[]): Promise<Prepared> {
    const { outcomes, valid } = validate(events);
    // Profiles are read before the transaction, on a connection of their own (SQLite's single
    // connection could not give one while a transaction holds it), and may be read while an
    // earlier batch applies: the ingestor never changes cards, and a plan switch racing a batch
    // changes today's plan only, never a past transaction's.
    const profiles = new Map<string, CardProfile>();
    for (let start = 0; start < valid.length; start += INGEST_BATCH_MAX) {
      const refs = new Set(valid.slice(start, start + INGEST_BATCH_MAX).map((v) => v.event.cardRef));
      for (const [ref, profile] of await deps.profiles.byRefs([...refs])) profiles.set(ref, profile);
    }
    const prepared = new Prepared(outcomes, valid, profiles);
    mine.add(prepared);
    return prepared;
  }

  async function apply(prepared: PreparedEvents): Promise<EventOutcome[]> {
    if (!(prepared instanceof Prepared && mine.has(prepared)))
      throw new Error('apply takes what this ingestor prepared');
    if (prepared.applied) throw new Error('a prepared batch is applied once');
    prepared.applied = true;
    const { outcomes, valid, profiles } = prepared;
    const cardOf = (item: Valid) => profiles.get(item.event.cardRef)?.cardId;
    for (let start = 0; start < valid.length; start += INGEST_BATCH_MAX) {
      const chunk = valid.slice(start, start + INGEST_BATCH_MAX);
      const groups = writerGroups(chunk, cardOf, writers);
      // Every group settles before anything is reported: none may still write after a failure.
      const settled = await Promise.allSettled(groups.map((g) => applyGroup(g, profiles, outcomes)));
      for (const result of settled) if (result.status === 'rejected') throw result.reason;
      statistics.afterBatch(chunk.length);
    }
    return outcomes;
  }

  return {
    prepare,
    apply,
    ingest: async (events) => apply(await prepare(events)),
    idle: () => statistics.idle(),
  };
}

/** PostgreSQL's unique violation and deadlock: what two writers of different partitions can meet. */
function isWriteRace(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '23505' || code === '40P01';
}

/** The id to answer with even when the event is malformed. */
function idOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : '';
}

async function applyChunk(
  deps: IngestorDeps,
  chunk: readonly Valid[],
  profiles: ReadonlyMap<string, CardProfile>,
  outcomes: EventOutcome[],
): Promise<void> {
  const { db, store } = deps;
  const seen = new Map(
    (
      await store.seen(
        chunk.map((v) => v.event.id),
        asModules(db).lifecycle,
      )
    ).map((row) => [row.id, row]),
  );
  const unseen: Valid[] = [];
  for (const item of chunk) {
    const stored = seen.get(item.event.id);
    if (!stored) unseen.push(item);
    else outcomes[item.index] = repeatOutcome(item, stored);
  }
  if (unseen.length === 0) return;
  const fresh: FreshEvent[] = [];
  for (const item of unseen) {
    const profile = profiles.get(item.event.cardRef);
    if (profile) fresh.push({ ...item, profile });
    else
      outcomes[item.index] = rejected(
        item.event.id,
        problem('unknown_card', 'No card has that id or token.', '/cardId'),
      );
  }
  if (fresh.length === 0) return;
  const program = deps.programs.current();
  const recordedAt = deps.clock.nowMs();
  const batch = await loadBatch(
    db,
    {
      store,
      ledgerStore: deps.ledgerStore,
      program,
      recordedAt,
      allowNegativeAvailable: program.settings.allowNegativeAvailable,
    },
    fresh,
  );
  // Decide a slice, hand its rows to the connection without waiting, decide the next slice
  // while the database writes: this process and PostgreSQL work at the same time. Yielding
  // now and then lets the driver send the next queued statement as soon as one finishes.
  // A rejection is caught as soon as it happens (a failure left pending during the next slice
  // would be an unhandled rejection); every statement has finished before the transaction ends.
  const failures: unknown[] = [];
  const writes: Promise<void>[] = [];
  for (let start = 0; start < fresh.length && failures.length === 0; start += WRITE_SLICE) {
    const slice = fresh.slice(start, start + WRITE_SLICE);
    for (const [i, item] of slice.entries()) {
      outcomes[item.index] = applyOnce(batch, item);
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
    }
    for (const write of issueWrites(deps, batch.drain())) {
      writes.push(write.then(noop, (error: unknown) => void failures.push(error)));
    }
    await yieldToIo();
  }
  await Promise.all(writes);
  if (failures.length > 0) throw failures[0];
}

function noop(): void {}

function repeatOutcome(
  item: Valid,
  stored: { fingerprint: string; status: string; error: string | null; transaction_id: string | null },
): EventOutcome {
  const id = item.event.id;
  if (stored.fingerprint !== item.fingerprint) return conflict(id);
  // A held return refused when its settlement came is refused again, for the same reason.
  if (stored.status === 'rejected' && stored.error)
    return rejected(id, JSON.parse(stored.error) as EventProblem);
  return {
    eventId: id,
    status: 'duplicate',
    ...(stored.transaction_id ? { transactionId: stored.transaction_id } : {}),
  };
}

function conflict(id: string): EventOutcome {
  return rejected(
    id,
    problem('event_id_conflict', `Event ${id} was received before with other content.`, '/id'),
  );
}

/** Applies an event unless the batch already met its id: then it is a duplicate (or a conflict). */
function applyOnce(batch: Batch, item: FreshEvent): EventOutcome {
  const earlier = batch.inBatch.get(item.event.id);
  if (earlier) {
    if (earlier.fingerprint !== item.fingerprint) return conflict(item.event.id);
    const { outcome } = earlier;
    if (outcome.status === 'rejected') return outcome;
    return {
      eventId: outcome.eventId,
      status: 'duplicate',
      ...(outcome.transactionId ? { transactionId: outcome.transactionId } : {}),
    };
  }
  const outcome = dispatch(batch, item);
  batch.inBatch.set(item.event.id, { fingerprint: item.fingerprint, outcome });
  return outcome;
}

function dispatch(batch: Batch, item: FreshEvent): EventOutcome {
  const { type } = item.event;
  if (type === 'settlement') return applySettlement(batch, item);
  if (RETURNS.includes(type)) return applyReturn(batch, item);
  return applyAuthorizationEvent(batch, item);
}

/**
 * Issues the statements that write `rows`, in order, on the batch's transaction. The connection
 * runs them one after another in that order (a held update after its insert, a queue delete
 * after its insert), so the caller need not wait between them.
 */
function issueWrites(deps: IngestorDeps, rows: BatchRows): Promise<unknown>[] {
  const { store, ledgerStore } = deps;
  const db = asModules(deps.db);
  return [
    store.insertEvents(rows.events, db.lifecycle),
    ...rows.heldUpdates.map((row) => store.settleHeld(row, db.lifecycle)),
    store.upsertTransactions(rows.transactions, db.lifecycle),
    ledgerStore.insertPostings(rows.postings, db.ledger),
    ledgerStore.insertQueue(rows.queueInserts, db.ledger),
    ledgerStore.deleteQueue(rows.queueDeletes, db.ledger),
    store.insertCapUses(rows.capUses, db.lifecycle),
  ];
}
