import { describe, expect, it } from 'vitest';
import { FIRST_REFRESH_EVENTS, statisticsKeeper } from './statistics.ts';

describe('statisticsKeeper', () => {
  it('refreshes once the events pass 5,000, then ten times as many as at the last refresh', async () => {
    const at: number[] = [];
    let seen = 0;
    const keep = statisticsKeeper(async () => {
      at.push(seen);
    });
    for (const batch of [1_000, 3_999, 1, 1_000, 40_000, 9_000, 1_000, 500_000]) {
      seen += batch;
      await keep(batch);
    }
    expect(FIRST_REFRESH_EVENTS).toBe(5_000);
    expect(at).toEqual([5_000, 55_000, 556_000]);
  });
});
