import type { EventBus, Logger } from '@plaza/kernel';

type Handler = (payload: unknown) => Promise<void> | void;

/**
 * The seeder's event bus: events go to the seeder's own subscribers, in the order recorded,
 * and never into the shared `outbox` table. Through the outbox, the serving platform's sweep
 * would run demo events with its own subscribers under the real clock (notifications and
 * search documents stamped "now" instead of back then), and nothing would stop the seeder's
 * subscribers from taking a real user's event. What the durable outbox buys, delivery after
 * a crash, the seeder gets another way: an interrupted seed is erased and run again
 * (`resume.ts`). A change whose transaction rolls back still has its event delivered; the
 * seeder stops at the first failed request, so that event's effects are erased with the rest.
 */
export function createMemoryBus(logger: Logger): EventBus {
  const handlers = new Map<string, Set<Handler>>();
  const queue: { topic: string; payload: unknown }[] = [];

  async function deliver(): Promise<void> {
    // Each caller drains what is queued itself, so a subscriber that publishes (and delivers)
    // from inside a delivery never waits for the pass it is part of.
    let failure: unknown;
    for (let event = queue.shift(); event; event = queue.shift()) {
      for (const handler of handlers.get(event.topic) ?? []) {
        try {
          await handler(event.payload);
        } catch (err) {
          logger.error({ err, topic: event.topic }, 'seeding: event handler failed');
          failure ??= err;
        }
      }
    }
    if (failure !== undefined) throw failure;
  }

  // Copied as the outbox would store it, so a subscriber never sees the caller's object.
  const enqueue = (topic: string, payload: unknown) =>
    queue.push({ topic, payload: JSON.parse(JSON.stringify(payload)) });

  return {
    async record(_db, topic, payload) {
      enqueue(topic, payload);
    },
    deliver,
    async publish(topic, payload) {
      enqueue(topic, payload);
      await deliver();
    },
    subscribe(topic, handler) {
      const set = handlers.get(topic) ?? new Set<Handler>();
      set.add(handler);
      handlers.set(topic, set);
      return () => set.delete(handler);
    },
  };
}
