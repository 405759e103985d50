import { ManualClock } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { createStateCache, DEFAULT_STATE_CACHE } from './states.ts';
import type { NoteState } from './store.ts';

const state = (id: string, likes: number): NoteState => ({
  id,
  author_id: 'a',
  status: 'published',
  like_count: likes,
  collect_count: 0,
  comment_count: 0,
  created_at: 1,
  updated_at: 1,
});

/** Lets the background re-read, scheduled with setImmediate, run to its end. */
const backgroundDone = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('note state cache', () => {
  it('keeps the object it holds when a re-read finds nothing changed, and takes the new one otherwise', async () => {
    const rows = new Map([
      ['n1', state('n1', 1)],
      ['n2', state('n2', 1)],
    ]);
    const clock = new ManualClock();
    const cache = createStateCache({
      store: {
        statesByIds: async (ids) => ids.flatMap((id) => (rows.has(id) ? [{ ...rows.get(id)! }] : [])),
      },
      clock,
      // Re-read on the next turn of the event loop, not after the production gathering delay.
      options: { ...DEFAULT_STATE_CACHE, refreshDelayMs: 0 },
    });
    const first = await cache.read(['n1', 'n2', 'gone']);
    expect([...first.keys()]).toEqual(['n1', 'n2']);
    rows.set('n2', state('n2', 2));
    clock.advance(DEFAULT_STATE_CACHE.refreshAfterMs);
    await cache.read(['n1', 'n2']);
    await backgroundDone();
    const second = await cache.read(['n1', 'n2']);
    expect(second.get('n1')).toBe(first.get('n1'));
    expect(second.get('n2')).toEqual(state('n2', 2));
  });

  it('forgets an erased author’s notes', async () => {
    let reads = 0;
    const cache = createStateCache({
      store: {
        statesByIds: async (ids) => {
          reads += 1;
          return ids.map((id) => state(id, 0));
        },
      },
      clock: new ManualClock(),
    });
    await cache.read(['n1']);
    cache.forgetAuthor('someone else');
    await cache.read(['n1']);
    expect(reads).toBe(1);
    cache.forgetAuthor('a');
    await cache.read(['n1']);
    expect(reads).toBe(2);
  });
});
