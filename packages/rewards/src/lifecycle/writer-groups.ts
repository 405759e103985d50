import { LEDGER_PARTITIONS, partitionOf } from '../ledger/lock.ts';
import type { ParsedEvent } from './event.ts';

/** Events of a chunk that one transaction applies, and the ledger partitions of their cards (its locks). */
export interface WriterGroup<Item> {
  readonly items: Item[];
  readonly partitions: readonly number[];
}

/** Below this many events a chunk is one transaction: a second commit would cost more than it saves. */
export const SPLIT_MIN_EVENTS = 1_000;

/**
 * Splits a chunk into at most `writers` groups that can be applied side by side, each by card
 * partition. Events that name each other (the same id, or one's `originalEventId` the other's
 * id) always share a group even when their cards differ, so the group sees what the chunk
 * decided about the other (a repeat, a refund of another card's settlement) exactly as one
 * transaction would. Events keep their chunk order within a group. An event of an unknown card
 * writes nothing and joins whichever group its links give it.
 *
 * Between chunks of different callers applied at the same moment, the locks order only events
 * of the same partition. So a return that names another card's settlement while that settlement
 * is being written by another caller may stay held instead of being refused. Either way it moves
 * no points.
 */
export function writerGroups<Item extends { readonly event: ParsedEvent }>(
  chunk: readonly Item[],
  cardOf: (item: Item) => string | undefined,
  writers: number,
): WriterGroup<Item>[] {
  const count = chunk.length < SPLIT_MIN_EVENTS ? 1 : Math.max(1, Math.min(writers, LEDGER_PARTITIONS));
  const parent = [...Array(count).keys()];
  // At most 16 groups: a root is found by walking up, no path compression needed.
  const root = (g: number): number => (parent[g] === g ? g : root(parent[g]!));
  const groupOfKey = new Map<string, number>();
  const groupOfItem = chunk.map((item) => {
    const card = cardOf(item);
    const group = card === undefined ? 0 : partitionOf(card) % count;
    for (const key of [item.event.id, item.event.originalEventId]) {
      if (key === null) continue;
      const linked = groupOfKey.get(key);
      if (linked === undefined) groupOfKey.set(key, group);
      else parent[root(linked)] = root(group);
    }
    return group;
  });
  const byRoot = new Map<number, { items: Item[]; partitions: Set<number> }>();
  chunk.forEach((item, i) => {
    const r = root(groupOfItem[i]!);
    let group = byRoot.get(r);
    if (!group) {
      group = { items: [], partitions: new Set() };
      byRoot.set(r, group);
    }
    group.items.push(item);
    const card = cardOf(item);
    if (card !== undefined) group.partitions.add(partitionOf(card));
  });
  return [...byRoot.values()].map(({ items, partitions }) => ({ items, partitions: [...partitions] }));
}
