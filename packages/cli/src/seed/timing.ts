import type { Rng } from './random.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Nothing is planned closer to "now" than this, so seeding never runs into real time. */
export const LATEST_GAP_MS = 2 * MINUTE_MS;

/**
 * A moment after `from`, exponentially spread around `meanMs` the way reactions trail a
 * post, squeezed to end before the anchor; undefined when there is no room left.
 */
export function laterThan(rng: Rng, from: number, meanMs: number, anchorMs: number): number | undefined {
  const latest = anchorMs - LATEST_GAP_MS;
  if (latest - from < MINUTE_MS) return undefined;
  const delay = Math.max(MINUTE_MS, -Math.log(1 - rng.next()) * meanMs);
  return Math.round(from + Math.min(delay, (latest - from) * rng.range(0.3, 0.98)));
}
