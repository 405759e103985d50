import type { Dropped, Invalidations } from '@plaza/kernel';

type Drop = (keys: Dropped) => void;

/**
 * Two platforms in one process (the server's and the seeder's) each keep their own caches. A
 * pair of views over the process's `base` invalidations lets each tell the other what it
 * changed, the way separate processes tell each other through Redis: what one side publishes
 * reaches the other side's subscribers at once (and the other processes, through `base`).
 * `close` of a view only forgets that side's subscribers: `base` belongs to the serving platform.
 */
export function linkInvalidations(base: Invalidations): [Invalidations, Invalidations] {
  const local: [Map<string, Set<Drop>>, Map<string, Set<Drop>>] = [new Map(), new Map()];
  const view = (mine: Map<string, Set<Drop>>, theirs: Map<string, Set<Drop>>): Invalidations => {
    const fromOthers = new Set<() => void>();
    return {
      publish(name, keys) {
        const list = [...keys];
        base.publish(name, list);
        for (const drop of theirs.get(name) ?? []) drop(list);
      },
      subscribe(name, drop) {
        const set = mine.get(name) ?? new Set<Drop>();
        set.add(drop);
        mine.set(name, set);
        const stop = base.subscribe(name, drop);
        fromOthers.add(stop);
        return () => {
          set.delete(drop);
          stop();
          fromOthers.delete(stop);
        };
      },
      // Forgets this side's subscribers (the seeder's caches, once it is done); `base` stays open.
      async close() {
        mine.clear();
        for (const stop of fromOthers) stop();
        fromOthers.clear();
      },
    };
  };
  return [view(local[0], local[1]), view(local[1], local[0])];
}
