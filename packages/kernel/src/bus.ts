import { EventEmitter } from 'node:events';

/**
 * Domain events between modules ("note.created", "account.deleted"). Handlers run after the
 * emitting transaction commits; a failing handler is logged and never fails the emitter.
 */
export interface EventBus {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => Promise<void> | void): () => void;
}

export function createMemoryBus(onError: (topic: string, err: unknown) => void): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(1000);
  return {
    async publish(topic, payload) {
      const handlers = emitter.listeners(topic) as ((p: unknown) => Promise<void> | void)[];
      for (const handler of handlers) {
        try {
          await handler(payload);
        } catch (err) {
          onError(topic, err);
        }
      }
    },
    subscribe(topic, handler) {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
  };
}
