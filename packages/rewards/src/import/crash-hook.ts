import { ValidationError } from '@plaza/kernel';

/** The variable that arms the hook; unset in every real run. */
export const CRASH_AFTER_BATCHES_ENV = 'PLAZA_IMPORT_CRASH_AFTER_BATCHES';

/**
 * For the crash test: `PLAZA_IMPORT_CRASH_AFTER_BATCHES=N` makes the import SIGKILL its own
 * process right after the Nth batch of this run committed and before that batch's checkpoint
 * is written, the worst moment to die (the ledger holds the batch, the checkpoint does not), at
 * an exact place instead of wherever a watcher's poll happened to land. Null when unset.
 */
export function crashAfterBatches(env: NodeJS.ProcessEnv): number | null {
  const raw = env[CRASH_AFTER_BATCHES_ENV];
  if (raw === undefined || raw === '') return null;
  const batches = Number(raw);
  if (!Number.isSafeInteger(batches) || batches < 1)
    throw new ValidationError(
      `${CRASH_AFTER_BATCHES_ENV} must be a whole number ≥ 1.`,
      [
        {
          field: CRASH_AFTER_BATCHES_ENV,
          code: 'too_small',
          params: { min: 1 },
          message: 'a whole number ≥ 1',
        },
      ],
      'invalid_crash_hook',
    );
  return batches;
}

/** Dies like `kill -9` would: no handlers, no flushing. */
export function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('SIGKILL did not end the process');
}
