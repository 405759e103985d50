/**
 * A seeded random source, so two runs (and the SQLite and PostgreSQL halves of one run)
 * load the same data set and their figures compare.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /**
   * An index in [0, n) where small indexes are much likelier: `floor(n * u^skew)`. With
   * skew 3 the first 1% of indexes draw about 21% of the picks, a celebrity-shaped curve.
   */
  skewed(n: number, skew: number): number;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (items) => items[int(items.length)]!,
    skewed: (n, skew) => Math.min(n - 1, Math.floor(n * next() ** skew)),
    chance: (p) => next() < p,
  };
}

/** Fisher–Yates shuffle of 0..n-1: popularity ranks spread over accounts of every age. */
export function permutation(n: number, random: Random): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = i;
  for (let i = n - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
