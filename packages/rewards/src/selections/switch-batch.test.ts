import { describe, expect, it } from 'vitest';
import type { SwitchWrite } from '../cards/store.ts';
import { createSwitchWriter, SwitchesBusyError } from './switch-batch.ts';

const ask = (card: string, plan = 'digital'): SwitchWrite => ({
  row: { card_id: card, plan_id: plan, taipei_date: '2026-03-10', selected_at: 1 },
  holderAccountId: null,
});

/** An insert the test finishes by hand, recording each batch it was given. */
function heldInsert() {
  const batches: string[][] = [];
  const pending: Array<{ finish: (written: string[]) => void; fail: (error: Error) => void }> = [];
  const insert = (writes: readonly SwitchWrite[]) =>
    new Promise<ReadonlySet<string>>((resolve, reject) => {
      batches.push(writes.map((w) => w.row.card_id));
      pending.push({ finish: (written) => resolve(new Set(written)), fail: reject });
    });
  return { batches, pending, insert };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('switch group commit', () => {
  it('writes at once when idle, and groups the switches that arrive while statements run', async () => {
    const db = heldInsert();
    const write = createSwitchWriter(db.insert, { maxBatch: 3, maxInFlight: 1, maxQueued: 100 });
    const first = write(ask('a'));
    const rest = ['b', 'c', 'd', 'e'].map((card) => write(ask(card)));
    await settle();
    expect(db.batches).toEqual([['a']]);
    db.pending[0]?.finish(['a']);
    expect(await first).toBe(true);
    await settle();
    // At most maxBatch rows per statement; the rest wait for the next one.
    expect(db.batches).toEqual([['a'], ['b', 'c', 'd']]);
    db.pending[1]?.finish(['b', 'd']);
    await settle();
    expect(db.batches[2]).toEqual(['e']);
    db.pending[2]?.finish([]);
    // Each switch learns whether its own row was written.
    expect(await Promise.all(rest)).toEqual([true, false, true, false]);
  });

  it('never puts two switches of one card in the same statement', async () => {
    const db = heldInsert();
    const write = createSwitchWriter(db.insert, { maxBatch: 10, maxInFlight: 1, maxQueued: 100 });
    const outcomes = [write(ask('x')), write(ask('y', 'travel')), write(ask('y', 'dining')), write(ask('z'))];
    await settle();
    db.pending[0]?.finish(['x']);
    await settle();
    expect(db.batches[1]).toEqual(['y', 'z']);
    db.pending[1]?.finish(['y', 'z']);
    await settle();
    expect(db.batches[2]).toEqual(['y']);
    db.pending[2]?.finish([]);
    expect(await Promise.all(outcomes)).toEqual([true, true, false, true]);
  });

  it('a failed statement fails its own switches only', async () => {
    const db = heldInsert();
    const write = createSwitchWriter(db.insert, { maxBatch: 10, maxInFlight: 2, maxQueued: 100 });
    const a = write(ask('a'));
    const b = write(ask('b'));
    await settle();
    expect(db.batches).toEqual([['a'], ['b']]);
    db.pending[0]?.fail(new Error('connection lost'));
    db.pending[1]?.finish(['b']);
    await expect(a).rejects.toThrow('connection lost');
    expect(await b).toBe(true);
  });

  it('refuses with 503 and Retry-After when the queue is full, and takes switches again once it drains', async () => {
    const db = heldInsert();
    const write = createSwitchWriter(db.insert, { maxBatch: 10, maxInFlight: 1, maxQueued: 2 });
    const running = write(ask('a'));
    const queued = [write(ask('b')), write(ask('c'))];
    const refused = write(ask('d'));
    await expect(refused).rejects.toBeInstanceOf(SwitchesBusyError);
    await expect(refused).rejects.toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    db.pending[0]?.finish(['a']);
    await running;
    await settle();
    db.pending[1]?.finish(['b', 'c']);
    expect(await Promise.all(queued)).toEqual([true, true]);
    const later = write(ask('d'));
    await settle();
    db.pending[2]?.finish(['d']);
    expect(await later).toBe(true);
  });
});
