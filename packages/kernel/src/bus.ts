import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { IdGenerator } from './ids.ts';
import type { Logger } from './logger.ts';

// biome-ignore lint/suspicious/noExplicitAny: a transaction over any module's tables is accepted
export type AnyExecutor = Kysely<any>;

/**
 * Domain events between modules ("note.published", "account.deleted"), durable: an event is
 * written to the `outbox` table inside the same transaction as the change it announces, so
 * a change is never committed without its event. `deliver()` then runs the subscribers and
 * deletes the row; a crash before that leaves the row, and the next start (or the periodic
 * sweep) delivers it. Subscribers must therefore be idempotent.
 */
export interface EventBus {
  /** Writes the event in the caller's transaction; nothing runs until `deliver()`. */
  record(db: AnyExecutor, topic: string, payload: unknown): Promise<void>;
  /** Runs subscribers for every due event, oldest first; resolves when they have run. */
  deliver(): Promise<void>;
  /** Records outside any transaction and delivers at once. */
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => Promise<void> | void): () => void;
}

interface OutboxTables {
  outbox: {
    id: string;
    topic: string;
    payload: string;
    created_at: number;
    attempts: number;
    next_attempt_at: number;
    last_error: string | null;
  };
}

export interface OutboxBusDeps {
  db: AnyExecutor;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

/** A failing event is retried with growing pauses, then left for an operator to look at. */
export const OUTBOX_MAX_ATTEMPTS = 8;
const BATCH_SIZE = 200;
// Bounds one delivery pass under a steady inflow; the sweep picks up whatever is left.
const MAX_BATCHES_PER_PASS = 50;
const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 3_600_000);

export function createOutboxBus({ db: root, clock, ids, logger }: OutboxBusDeps): EventBus {
  const db = root as Kysely<OutboxTables>;
  const handlers = new Map<string, Set<(payload: unknown) => Promise<void> | void>>();
  // One delivery pass at a time in this process; a pass delivers everything due, so callers
  // that queue behind it usually find nothing left.
  let running: Promise<void> = Promise.resolve();
  // Marks code running inside a subscriber: an event it publishes is picked up by the pass
  // already running, so waiting for that pass from inside it would wait for itself.
  const insideDelivery = new AsyncLocalStorage<true>();
  // On Node 20 an enabled AsyncLocalStorage makes every promise of the process pay a hook (an
  // async call chain of ~40 promises took twice as long in a micro-benchmark). It is needed
  // only while a pass runs, so it is disabled when the last queued pass ends.
  let passesQueued = 0;
  const passEnded = () => {
    passesQueued -= 1;
    if (passesQueued === 0) insideDelivery.disable();
  };

  async function runHandlers(topic: string, payload: unknown): Promise<void> {
    for (const handler of handlers.get(topic) ?? []) await handler(payload);
  }

  async function deliverDue(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch += 1) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('next_attempt_at', '<=', clock.nowMs())
        .where('attempts', '<', OUTBOX_MAX_ATTEMPTS)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .execute();
      if (rows.length === 0) return;
      for (const row of rows) await deliverOne(row);
    }
  }

  async function deliverOne(row: OutboxTables['outbox']): Promise<void> {
    try {
      await insideDelivery.run(true, () => runHandlers(row.topic, JSON.parse(row.payload)));
      await db.deleteFrom('outbox').where('id', '=', row.id).execute();
    } catch (err) {
      logger.error(
        { err, topic: row.topic, eventId: row.id, attempts: row.attempts + 1 },
        'event handler failed',
      );
      await db
        .updateTable('outbox')
        .set({
          attempts: row.attempts + 1,
          next_attempt_at: clock.nowMs() + retryDelayMs(row.attempts),
          last_error: String(err).slice(0, 2000),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }

  const bus: EventBus = {
    async record(trx, topic, payload) {
      const now = clock.nowMs();
      await (trx as Kysely<OutboxTables>)
        .insertInto('outbox')
        .values({
          id: ids.next(),
          topic,
          payload: JSON.stringify(payload),
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
        })
        .execute();
    },
    deliver() {
      if (insideDelivery.getStore()) return Promise.resolve();
      passesQueued += 1;
      const pass = running.then(deliverDue, deliverDue);
      // Settles either way, so a failed pass is reported to its caller and not again here.
      running = pass.then(passEnded, passEnded);
      return pass;
    },
    async publish(topic, payload) {
      await bus.record(db, topic, payload);
      await bus.deliver();
    },
    subscribe(topic, handler) {
      const set = handlers.get(topic) ?? new Set();
      set.add(handler);
      handlers.set(topic, set);
      return () => set.delete(handler);
    },
  };
  return bus;
}

/** Sweeps the outbox now and then: events left by a crash, or recorded by another process. */
export function scheduleOutboxSweep(bus: EventBus, intervalMs: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    bus.deliver().catch((err: unknown) => logger.error({ err }, 'outbox sweep failed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
