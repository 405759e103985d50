import { PlazaError } from '@plaza/kernel';

/** Every worker is busy and the waiting line is full; the upload was not processed. */
export class UploadsBusyError extends PlazaError {
  override name = 'UploadsBusyError';
  constructor(retryAfterSeconds: number) {
    super('uploads_busy', 'Too many images are being processed right now; try again shortly.', 503, [], {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

export interface WorkPoolLimits {
  /** Tasks running at once. */
  workers: number;
  /** Tasks that may wait for a worker; one more is refused with UploadsBusyError. */
  queueLimit: number;
  /** Told to refused clients: about how long the line takes to move. */
  retryAfterSeconds?: number;
}

export interface WorkPool {
  /** Runs `task` when a worker is free; throws UploadsBusyError at once when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now (for tests and metrics). */
  load(): { running: number; waiting: number };
}

/**
 * A semaphore with a bounded line. Image work runs on libuv's threads, which password
 * hashing and file I/O share; bounding the uploads in flight keeps those threads and the
 * memory of decoded images bounded too, and a full line answers at once instead of growing.
 */
export function createWorkPool({ workers, queueLimit, retryAfterSeconds = 2 }: WorkPoolLimits): WorkPool {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finishing task hands its worker straight to the first in line, so `running` never dips
  // and a newcomer cannot jump the queue.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(task) {
      if (running < workers) running += 1;
      else if (waiting.length >= queueLimit) throw new UploadsBusyError(retryAfterSeconds);
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
