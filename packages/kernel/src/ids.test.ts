import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { createIdGenerator, derivedId, isId } from './ids.ts';

describe('time-ordered ids', () => {
  it('sort in creation order, within one millisecond and across them', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25));
    const ids = createIdGenerator(clock);
    const made: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      made.push(ids.next());
      if (i % 1000 === 0) clock.advance(1);
    }
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every(isId)).toBe(true);
  });

  it('never go backwards when the clock does', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25));
    const ids = createIdGenerator(clock);
    const first = ids.next();
    clock.advance(-60_000);
    expect(ids.next() > first).toBe(true);
  });
});

describe('derived ids', () => {
  const ms = Date.UTC(2026, 11, 3, 10);
  it('are the same for the same seed, time and label, and differ otherwise', () => {
    const id = derivedId('seed-1', ms, 'note');
    expect(derivedId('seed-1', ms, 'note')).toBe(id);
    expect(derivedId('seed-2', ms, 'note')).not.toBe(id);
    expect(derivedId('seed-1', ms, 'comment')).not.toBe(id);
    expect(isId(id)).toBe(true);
  });

  it('sort by their time like generated ids', () => {
    const later = createIdGenerator(new ManualClock(ms + 1)).next();
    expect(derivedId('seed-1', ms, 'note') < later).toBe(true);
    expect(derivedId('seed-1', ms, 'note').slice(14, 15)).toBe('7');
  });
});
