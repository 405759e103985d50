import { describe, expect, it } from 'vitest';
import {
  CHECK_EVERY_EVENTS,
  MIN_CHANGED_ROWS,
  staleTables,
  statisticsKeeper,
  type TableChanges,
} from './statistics.ts';

describe('staleTables', () => {
  it('names the tables changed by more rows than they had at their last ANALYZE', () => {
    const tables: TableChanges[] = [
      { table: 'never_analyzed', changed: 5_000, rows: -1 },
      { table: 'doubled', changed: 200_001, rows: 200_000 },
      { table: 'grew_by_half', changed: 100_000, rows: 200_000 },
      { table: 'exactly_doubled', changed: 200_000, rows: 200_000 },
      { table: 'small_change', changed: MIN_CHANGED_ROWS - 1, rows: 0 },
      { table: 'just_enough', changed: MIN_CHANGED_ROWS, rows: MIN_CHANGED_ROWS - 1 },
      { table: 'fresh', changed: 0, rows: 1_000_000 },
    ];
    expect(staleTables(tables)).toEqual(['never_analyzed', 'doubled', 'just_enough']);
  });

  it('analyzes a table growing from empty to a million rows about ten times', () => {
    let rows = -1;
    let changed = 0;
    let analyzed = 0;
    for (let total = 0; total < 1_000_000; total += CHECK_EVERY_EVENTS) {
      changed += CHECK_EVERY_EVENTS;
      if (staleTables([{ table: 't', changed, rows }]).length > 0) {
        analyzed += 1;
        rows = total + CHECK_EVERY_EVENTS;
        changed = 0;
      }
    }
    expect(analyzed).toBeGreaterThanOrEqual(7);
    expect(analyzed).toBeLessThanOrEqual(10);
  });
});

describe('statisticsKeeper', () => {
  function recorder(changes: () => TableChanges[]) {
    const analyzed: string[][] = [];
    const errors: unknown[] = [];
    let release: () => void = () => {};
    let gate = Promise.resolve();
    const keeper = statisticsKeeper({
      changes: async () => changes(),
      analyze: async (tables) => {
        analyzed.push([...tables]);
        await gate;
      },
      onError: (err) => errors.push(err),
    });
    const hold = () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    };
    return { keeper, analyzed, errors, hold, release: () => release() };
  }

  it('checks once every CHECK_EVERY_EVENTS events and analyzes only the stale tables', async () => {
    const { keeper, analyzed } = recorder(() => [
      { table: 'a', changed: 6_000, rows: 0 },
      { table: 'b', changed: 10, rows: 1_000 },
    ]);
    keeper.afterBatch(CHECK_EVERY_EVENTS - 1);
    await keeper.idle();
    expect(analyzed).toEqual([]);
    keeper.afterBatch(1);
    await keeper.idle();
    expect(analyzed).toEqual([['a']]);
  });

  it('analyzes nothing when no table is stale: an ANALYZE naming no table would analyze them all', async () => {
    let checks = 0;
    const { keeper, analyzed } = recorder(() => {
      checks += 1;
      return [{ table: 'a', changed: 10, rows: 1_000 }];
    });
    keeper.afterBatch(CHECK_EVERY_EVENTS);
    await keeper.idle();
    expect(checks).toBe(1);
    expect(analyzed).toEqual([]);
  });

  it('checks again after the next CHECK_EVERY_EVENTS events once a check has finished', async () => {
    const { keeper, analyzed } = recorder(() => [{ table: 'a', changed: 9_000, rows: 0 }]);
    keeper.afterBatch(CHECK_EVERY_EVENTS);
    await keeper.idle();
    keeper.afterBatch(CHECK_EVERY_EVENTS);
    await keeper.idle();
    expect(analyzed).toEqual([['a'], ['a']]);
  });

  it('runs one refresh at a time, in the background, and idle waits for it', async () => {
    const { keeper, analyzed, hold, release } = recorder(() => [{ table: 'a', changed: 9_000, rows: 0 }]);
    hold();
    keeper.afterBatch(CHECK_EVERY_EVENTS);
    let idle = false;
    const waiting = keeper.idle().then(() => {
      idle = true;
    });
    // A batch committed while the ANALYZE runs does not start another one.
    keeper.afterBatch(CHECK_EVERY_EVENTS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(analyzed).toEqual([['a']]);
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(idle).toBe(true);
  });

  it('reports a failure instead of throwing it at the writer', async () => {
    const { keeper, errors } = recorder(() => {
      throw new Error('statistics unavailable');
    });
    expect(() => keeper.afterBatch(CHECK_EVERY_EVENTS)).not.toThrow();
    await keeper.idle();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('statistics unavailable');
  });
});
