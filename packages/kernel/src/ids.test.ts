import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { createIdGenerator, isId } from './ids.ts';

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
