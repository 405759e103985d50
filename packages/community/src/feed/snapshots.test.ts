import { ManualClock } from '@plaza/kernel';
import { describe, expect, it, vi } from 'vitest';
import type { DiscoverEntry, DiscoverSource } from './discover.ts';
import { createSnapshots, DEFAULT_SNAPSHOT_OPTIONS, type Snapshot, type SnapshotStore } from './snapshots.ts';

const OPTIONS = DEFAULT_SNAPSHOT_OPTIONS;

/** The discover_snapshots table in memory. */
function memoryStore(rows: Snapshot[] = []): SnapshotStore & { rows: Snapshot[] } {
  return {
    rows,
    insertSnapshot: async (id, createdAtMs, noteIds) => rows.push({ id, createdAtMs, noteIds }),
    findSnapshot: async (id) => rows.find((r) => r.id === id),
    latestSnapshot: async () =>
      rows.reduce<Snapshot | undefined>((a, r) => (a && a.createdAtMs > r.createdAtMs ? a : r), undefined),
    pruneSnapshots: async (olderThanMs) =>
      rows.splice(0, rows.length, ...rows.filter((r) => r.createdAtMs >= olderThanMs)),
  };
}

/**
 * A ranking source whose calls can be held open: ranking number n lists one note `n`, and
 * while `gate` is set, a call resolves only when the test opens it (or fails when it is set
 * to reject).
 */
function controllableSource() {
  let calls = 0;
  let gate: { promise: Promise<void>; open: () => void; fail: (e: Error) => void } | undefined;
  const source: DiscoverSource = {
    name: 'controllable',
    async rank(): Promise<DiscoverEntry[]> {
      calls += 1;
      const n = calls;
      await gate?.promise;
      return [{ noteId: `note-${n}`, authorId: 'a' }];
    },
  };
  return {
    source,
    calls: () => calls,
    hold() {
      let open!: () => void;
      let fail!: (e: Error) => void;
      const promise = new Promise<void>((resolve, reject) => {
        open = resolve;
        fail = reject;
      });
      // Marked handled here: a gate failed before the rebuild reaches it is not an unhandled rejection.
      promise.catch(() => undefined);
      gate = { promise, open, fail };
      return gate;
    },
    release() {
      gate?.open();
      gate = undefined;
    },
  };
}

function setUp(stored: Snapshot[] = []) {
  const clock = new ManualClock();
  const store = memoryStore(stored);
  const ranking = controllableSource();
  const logger = { error: vi.fn() };
  let n = 0;
  const ids = {
    next: () => {
      n += 1;
      return `snap-${n}`;
    },
  };
  const snapshots = createSnapshots(store, ranking.source, clock, ids, OPTIONS, logger);
  return { clock, store, ranking, logger, snapshots };
}

/** True when `promise` settles within a few turns of the event loop (rebuild steps yield with setImmediate). */
async function settlesPromptly(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('discover snapshots', () => {
  it('answers from the current ranking while one rebuild runs for many concurrent readers', async () => {
    const { clock, ranking, snapshots } = setUp();
    const first = await snapshots.current();
    expect(first.noteIds).toEqual(['note-1']);

    clock.advance(OPTIONS.refreshAheadMs);
    const gate = ranking.hold();
    // The rebuild is held open: every reader is answered anyway, from the current ranking.
    const answering = Promise.all(Array.from({ length: 50 }, () => snapshots.current()));
    expect(await settlesPromptly(answering)).toBe(true);
    expect((await answering).every((s) => s.id === first.id)).toBe(true);
    // Once the rebuild has reached the source it is still pending there, and it is the only one.
    expect(await settlesPromptly(snapshots.settled())).toBe(false);
    expect(ranking.calls()).toBe(2);
    clock.advance(1_000);
    const more = await Promise.all(Array.from({ length: 50 }, () => snapshots.current()));
    expect(more.every((s) => s.id === first.id)).toBe(true);
    await settlesPromptly(snapshots.settled());
    expect(ranking.calls()).toBe(2);

    gate.open();
    await snapshots.settled();
    const next = await snapshots.current();
    expect(next.noteIds).toEqual(['note-2']);
    expect(next.createdAtMs).toBe(first.createdAtMs + OPTIONS.refreshAheadMs);
    expect(ranking.calls()).toBe(2);
  });

  it('makes readers wait for the rebuild only once the ranking is older than refreshMs', async () => {
    const { clock, ranking, snapshots } = setUp();
    await snapshots.current();
    clock.advance(OPTIONS.refreshMs);
    ranking.hold();
    const waiting = Array.from({ length: 20 }, () => snapshots.current());
    expect(await settlesPromptly(Promise.race(waiting))).toBe(false);
    ranking.release();
    const answers = await Promise.all(waiting);
    expect(new Set(answers.map((s) => s.noteIds[0]))).toEqual(new Set(['note-2']));
    expect(ranking.calls()).toBe(2);
  });

  it('logs a failed rebuild, keeps serving the old ranking and retries after retryMs', async () => {
    const { clock, ranking, logger, snapshots } = setUp();
    const first = await snapshots.current();
    // Due for a rebuild, just short of the age where readers would wait for one.
    clock.advance(OPTIONS.refreshMs - 1_000);
    ranking.hold().fail(new Error('database gone'));
    expect((await snapshots.current()).id).toBe(first.id);
    await snapshots.settled();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(ranking.calls()).toBe(2);

    // Past refreshMs, within the retry pause: the old ranking, and no new attempt yet.
    clock.advance(1_000);
    expect((await snapshots.current()).id).toBe(first.id);
    await snapshots.settled();
    expect(ranking.calls()).toBe(2);

    clock.advance(OPTIONS.retryMs);
    ranking.release();
    expect((await snapshots.current()).noteIds).toEqual(['note-3']);
  });

  it('fails a reader only when no ranking young enough is left', async () => {
    const { clock, ranking, snapshots } = setUp();
    await snapshots.current();
    clock.advance(OPTIONS.staleMaxMs);
    ranking.hold().fail(new Error('database gone'));
    await expect(snapshots.current()).rejects.toThrow('database gone');
  });

  it('starts from the newest stored ranking when it is recent, else builds one', async () => {
    const clock = new ManualClock();
    const recent = { id: 'stored', createdAtMs: clock.nowMs() - OPTIONS.refreshMs + 1, noteIds: ['x'] };
    const adopted = setUp([recent]);
    adopted.clock.set(clock.nowMs());
    expect((await adopted.snapshots.current()).id).toBe('stored');
    expect(adopted.ranking.calls()).toBe(0);
    // Old enough to be due: the next reader still gets it, and a rebuild starts.
    expect((await adopted.snapshots.current()).id).toBe('stored');
    await adopted.snapshots.settled();
    expect(adopted.ranking.calls()).toBe(1);

    const old = setUp([{ ...recent, createdAtMs: clock.nowMs() - OPTIONS.refreshMs }]);
    old.clock.set(clock.nowMs());
    expect((await old.snapshots.current()).noteIds).toEqual(['note-1']);
  });

  it('adopts a fresh ranking another process stored instead of ranking again', async () => {
    const { clock, store, ranking, snapshots } = setUp();
    await snapshots.current();
    clock.advance(OPTIONS.refreshAheadMs);
    store.rows.push({ id: 'other-process', createdAtMs: clock.nowMs() - 1_000, noteIds: ['y'] });
    await snapshots.current();
    await snapshots.settled();
    expect((await snapshots.current()).id).toBe('other-process');
    expect(ranking.calls()).toBe(1);
  });
});
