import { createLogger, type Dropped, processLocalInvalidations } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { linkInvalidations } from './linked-invalidations.ts';
import { createMemoryBus } from './memory-bus.ts';

describe("the seeder's event bus", () => {
  const logger = createLogger('silent');

  it('delivers recorded events in order, only on deliver, as copies', async () => {
    const bus = createMemoryBus(logger);
    const seen: unknown[] = [];
    bus.subscribe('a', (p) => void seen.push(['a', p]));
    bus.subscribe('b', (p) => void seen.push(['b', p]));
    const payload = { n: 1 };
    await bus.record(undefined as never, 'a', payload);
    payload.n = 2;
    await bus.record(undefined as never, 'b', { n: 3 });
    expect(seen).toEqual([]);
    await bus.deliver();
    expect(seen).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 3 }],
    ]);
    await bus.deliver();
    expect(seen).toHaveLength(2);
  });

  it('lets a subscriber publish from inside a delivery without waiting for itself', async () => {
    const bus = createMemoryBus(logger);
    const seen: string[] = [];
    bus.subscribe('first', async () => {
      seen.push('first');
      await bus.publish('second', {});
    });
    bus.subscribe('second', () => void seen.push('second'));
    await bus.publish('first', {});
    expect(seen).toEqual(['first', 'second']);
  });

  it('runs the other subscribers when one fails, then reports the failure', async () => {
    const bus = createMemoryBus(logger);
    const seen: string[] = [];
    bus.subscribe('x', () => {
      throw new Error('broken subscriber');
    });
    bus.subscribe('x', () => void seen.push('x'));
    bus.subscribe('y', () => void seen.push('y'));
    await bus.record(undefined as never, 'x', {});
    await bus.record(undefined as never, 'y', {});
    await expect(bus.deliver()).rejects.toThrow('broken subscriber');
    expect(seen).toEqual(['x', 'y']);
  });
});

describe('invalidations linked between the server and the seeder', () => {
  it("tells the other side's caches what one side changed, never its own", () => {
    const [serving, seeding] = linkInvalidations(processLocalInvalidations());
    const servingDrops: Dropped[] = [];
    const seedingDrops: Dropped[] = [];
    serving.subscribe('author-card', (keys) => void servingDrops.push(keys));
    seeding.subscribe('author-card', (keys) => void seedingDrops.push(keys));
    const stop = serving.subscribe('other', (keys) => void servingDrops.push(keys));
    seeding.publish('author-card', new Set(['a1', 'a2']));
    seeding.publish('other', ['o1']);
    expect(servingDrops).toEqual([['a1', 'a2'], ['o1']]);
    expect(seedingDrops).toEqual([]);
    stop();
    seeding.publish('other', ['o2']);
    serving.publish('author-card', ['a3']);
    expect(servingDrops).toHaveLength(2);
    expect(seedingDrops).toEqual([['a3']]);
  });

  it("forgets one side's subscribers when that side closes, and keeps the other's", async () => {
    const [serving, seeding] = linkInvalidations(processLocalInvalidations());
    const seedingDrops: Dropped[] = [];
    const servingDrops: Dropped[] = [];
    seeding.subscribe('note-state', (keys) => void seedingDrops.push(keys));
    serving.subscribe('note-state', (keys) => void servingDrops.push(keys));
    await seeding.close();
    serving.publish('note-state', ['n1']);
    seeding.publish('note-state', ['n2']);
    expect(seedingDrops).toEqual([]);
    expect(servingDrops).toEqual([['n2']]);
  });
});
