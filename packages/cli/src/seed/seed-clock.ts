import { type Clock, type ManualClock, systemClock } from '@plaza/kernel';

/**
 * The clock the seeder moves so demo content is spread over time: creators who joined
 * years ago, notes over the past weeks, newcomers in the last two days. Every service reads
 * time through it, so timestamps and time-ordered ids come out as if written back then.
 */
export interface SeedClock extends Clock {
  /**
   * Moves "now" to `ms`. The first move of a seeding may go back years; after that time
   * never runs backwards, so the replayed history stays in order.
   */
  moveTo(ms: number): void;
  /** Back to real time; called when seeding ends, whether it succeeded or not. */
  release(): void;
}

/** Real time plus an offset; the offset is 0 outside seeding. */
export class OffsetClock implements SeedClock {
  private offsetMs = 0;
  private seeding = false;

  constructor(private readonly base: Clock = systemClock) {}

  nowMs(): number {
    return this.base.nowMs() + this.offsetMs;
  }

  moveTo(ms: number): void {
    const target = this.seeding ? Math.max(ms, this.nowMs() + 1) : ms;
    this.seeding = true;
    this.offsetMs = target - this.base.nowMs();
  }

  release(): void {
    this.seeding = false;
    this.offsetMs = 0;
  }
}

/** Drives a test's ManualClock the same way; `release` returns it to where seeding found it. */
export function manualSeedClock(clock: ManualClock): SeedClock {
  const startMs = clock.nowMs();
  let seeding = false;
  return {
    nowMs: () => clock.nowMs(),
    moveTo(ms) {
      clock.set(seeding ? Math.max(ms, clock.nowMs() + 1) : ms);
      seeding = true;
    },
    release() {
      seeding = false;
      clock.set(Math.max(startMs, clock.nowMs()));
    },
  };
}
