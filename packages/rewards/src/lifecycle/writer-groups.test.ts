import { describe, expect, it } from 'vitest';
import { LEDGER_PARTITIONS, partitionOf } from '../ledger/lock.ts';
import type { ParsedEvent } from './event.ts';
import { SPLIT_MIN_EVENTS, writerGroups } from './writer-groups.ts';

interface Item {
  readonly event: ParsedEvent;
  readonly card: string | undefined;
}

/** Card ids whose partitions fall in writer group `group` of two. */
function cardsOfGroup(group: number, count: number): string[] {
  const cards: string[] = [];
  for (let i = 0; cards.length < count; i += 1) {
    if (partitionOf(`card-${i}`) % 2 === group) cards.push(`card-${i}`);
  }
  return cards;
}

function item(id: string, card: string | undefined, originalEventId: string | null = null): Item {
  return { event: { id, originalEventId } as ParsedEvent, card };
}

const cardOf = (i: Item) => i.card;
const ids = (items: readonly Item[]) => items.map((i) => i.event.id);

describe('writer groups', () => {
  const [a1, a2] = cardsOfGroup(0, 2) as [string, string];
  const [b1] = cardsOfGroup(1, 1) as [string];
  /** A chunk large enough to be split: filler settlements alternating between the two groups. */
  const filler = (n: number) => [...Array(n).keys()].map((i) => item(`f${i}`, i % 2 === 0 ? a2 : b1));

  it('spreads partitions over the card hash: every partition is some card’s', () => {
    const seen = new Set([...Array(2_000).keys()].map((i) => partitionOf(`card-${i}`)));
    expect(seen.size).toBe(LEDGER_PARTITIONS);
    expect(partitionOf('card-7')).toBe(partitionOf('card-7'));
  });

  it('keeps a small chunk in one transaction locking only its cards’ partitions', () => {
    const groups = writerGroups([item('e1', a1), item('e2', b1), item('e3', undefined)], cardOf, 2);
    expect(groups).toHaveLength(1);
    expect(ids(groups[0]!.items)).toEqual(['e1', 'e2', 'e3']);
    expect([...groups[0]!.partitions].sort()).toEqual([partitionOf(a1), partitionOf(b1)].sort());
  });

  it('splits a large chunk by partition, in chunk order, each group locking its own partitions', () => {
    const chunk = filler(SPLIT_MIN_EVENTS);
    const groups = writerGroups(chunk, cardOf, 2);
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.items.length)).toEqual([SPLIT_MIN_EVENTS / 2, SPLIT_MIN_EVENTS / 2]);
    expect(ids(groups[0]!.items)).toEqual(ids(chunk.filter((i) => i.card === a2)));
    expect(groups.map((g) => g.partitions)).toEqual([[partitionOf(a2)], [partitionOf(b1)]]);
    expect(writerGroups(chunk, cardOf, 1)).toHaveLength(1);
  });

  it('keeps events that name each other together, whichever cards they are on', () => {
    for (const linked of [
      [item('x', a1), item('x', b1)], // the same id on two cards
      [item('s', a1), item('r', b1, 's')], // a return of another card's settlement
      [item('r', b1, 's'), item('s', a1)], // …that came first
    ]) {
      const groups = writerGroups([...filler(SPLIT_MIN_EVENTS), ...linked], cardOf, 2);
      expect(groups).toHaveLength(1);
      expect(ids(groups[0]!.items).slice(-2)).toEqual(ids(linked));
    }
  });
});
