import type { EventBus } from '@plaza/kernel';
import type { CommunityEvents } from './contracts.ts';

/** Subscribes a typed handler; payloads on the bus are the `CommunityEvents` shapes. */
export function onEvent<K extends keyof CommunityEvents>(
  bus: EventBus,
  topic: K,
  handler: (event: CommunityEvents[K]) => Promise<void>,
): () => void {
  return bus.subscribe(topic, (payload) => handler(payload as CommunityEvents[K]));
}
