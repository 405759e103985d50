import type { Dropped, Invalidations } from '@plaza/kernel';

type Drop = (keys: Dropped) => void;

/**
 * Two platforms in one process (the server's and the seeder's) each keep their own caches. A
 * pair of views over the process's `base` invalidations lets each tell the other what it
 * changed, the way separate processes tell each other through Redis: what one side publishes
 * reaches the other side's subscribers at once (and the other processes, through `base`).
 * `close` of a view closes nothing: `base` belongs to the serving platform.
 */
export function linkInvalidations(base: Invalidations): [Invalidations, Invalidations] {
  const local: [Map<string, Set<Drop>>, Map<string, Set<Drop>>] = [new Map(), new Map()];
  const view = (mine: Map<string, Set<Drop>>, theirs: Map<string, Set<Drop>>): Invalidations => ({
    publish(name, keys) {
      const list = [...keys];
      base.publish(name, list);
      for (const drop of theirs.get(name) ?? []) drop(list);
    },
    subscribe(name, drop) {
      const set = mine.get(name) ?? new Set<Drop>();
      set.add(drop);
      mine.set(name, set);
      const fromOthers = base.subscribe(name, drop);
      return () => {
        set.delete(drop);
        fromOthers();
      };
    },
    close: async () => {},
  });
  return [view(local[0], local[1]), view(local[1], local[0])];
}
