import { PlazaError } from '@plaza/kernel';
import { MAX_SWITCHES_PER_STATEMENT, type SwitchWrite } from '../cards/store.ts';

/** Switches waiting to be written; beyond it a switch is answered 503 with Retry-After. */
export const MAX_QUEUED_SWITCHES = 5_000;

export interface SwitchBatchLimits {
  /** Rows per statement (and per commit). */
  readonly maxBatch: number;
  /** Statements in flight at once: below the pool size, so reads still find a connection. */
  readonly maxInFlight: number;
  readonly maxQueued: number;
}

export const DEFAULT_SWITCH_BATCH_LIMITS: SwitchBatchLimits = {
  maxBatch: MAX_SWITCHES_PER_STATEMENT,
  maxInFlight: 4,
  maxQueued: MAX_QUEUED_SWITCHES,
};

export class SwitchesBusyError extends PlazaError {
  override name = 'SwitchesBusyError';
  constructor() {
    super(
      'switches_busy',
      'Too many plan changes are waiting to be written; try again in a second.',
      503,
      [],
      {
        'retry-after': '1',
      },
    );
  }
}

interface Waiting {
  readonly write: SwitchWrite;
  resolve(written: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit for plan switches. A commit costs a disk flush, so one statement per switch
 * caps switches at the pool size divided by the flush time. A switch is written at once while
 * fewer than `maxInFlight` statements run; the ones that arrive meanwhile wait and go together
 * in the next statement, so under load many cardholders share one commit and nobody waits on a
 * timer when the system is quiet. A batch holds one switch per card (a second waits for the next
 * batch), so each row's outcome is its request's. A failed statement fails its own switches only.
 */
export function createSwitchWriter(
  insert: (writes: readonly SwitchWrite[]) => Promise<ReadonlySet<string>>,
  limits: SwitchBatchLimits = DEFAULT_SWITCH_BATCH_LIMITS,
): (write: SwitchWrite) => Promise<boolean> {
  let queue: Waiting[] = [];
  let inFlight = 0;

  /** The next batch: the oldest waiting switches, one per card; the rest keep their order. */
  function takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const cards = new Set<string>();
    for (const waiting of queue) {
      const card = waiting.write.row.card_id;
      if (batch.length < limits.maxBatch && !cards.has(card)) {
        cards.add(card);
        batch.push(waiting);
      } else rest.push(waiting);
    }
    queue = rest;
    return batch;
  }

  function pump(): void {
    while (inFlight < limits.maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      inFlight += 1;
      insert(batch.map((w) => w.write))
        .then(
          (written) => {
            for (const w of batch) w.resolve(written.has(w.write.row.card_id));
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  return (write) =>
    new Promise<boolean>((resolve, reject) => {
      if (queue.length >= limits.maxQueued) throw new SwitchesBusyError();
      queue.push({ write, resolve, reject });
      pump();
    });
}
