import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
} from '@plaza/kernel/testing';
import { type CalendarDate, taipeiInstant } from '../calendar/taipei-date.ts';
import type { EventOutcome, NetworkEvent } from '../contracts.ts';
import { type RewardsServices, rewardsProduct } from '../product.ts';
import type { Program } from '../program/types.ts';

export {
  ev,
  MERCHANTS,
  ntd,
  type PurchaseSpec,
  type SettlementSpec,
  taipeiRfc3339,
} from './test-events.ts';

/** What `inject` answers, as the tests read it. */
export interface Injected {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | number | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and compare them
  json(): any;
}

/** A Rewards server for points tests: an admin, cardholders, cards, plan switches, and the clock. */
export interface PointsBed {
  readonly server: TestServer;
  readonly services: RewardsServices;
  readonly admin: { token: string; id: string };
  at(date: CalendarDate, time?: string): void;
  holder(prefix: string): Promise<{ handle: string; token: string; id: string }>;
  /** Issues a card on the clock's current date. */
  issue(holderHandle: string, extra?: Record<string, unknown>): Promise<{ id: string; token: string }>;
  /** Switches the primary card's plan on `date` (the clock moves there). */
  switchPlan(cardId: string, planId: string, date: CalendarDate, time?: string): Promise<void>;
  ingest(...events: NetworkEvent[]): Promise<EventOutcome[]>;
  post(payload: unknown, token?: string): Promise<Injected>;
  get(url: string, token: string): Promise<Injected>;
}

export async function startPointsBed(target: TestDatabase, program?: Program): Promise<PointsBed> {
  let services: RewardsServices | undefined;
  const server = await createTestServer(
    target,
    [
      rewardsProduct({
        ...(program ? { program } : {}),
        programRefreshMs: 0,
        onReady: (s) => (services = s),
      }),
    ],
    // Tests move the clock across years; sessions must outlive that.
    { PLAZA_SESSION_TTL_DAYS: '3650' },
  );
  if (!services) throw new Error('rewards did not start');
  server.clock.set(taipeiInstant('2024-01-02', '09:00'));
  const admin = await signUpForTest(server.app, 'points_admin');
  await server.platform.auth.setRole(admin.id, 'admin');
  let seq = 0;
  const ready = services;
  const bed: PointsBed = {
    server,
    services: ready,
    admin,
    at: (date, time = '09:00') => server.clock.set(taipeiInstant(date, time)),
    async holder(prefix) {
      seq += 1;
      const handle = `${prefix}_${seq}`;
      return { handle, ...(await signUpForTest(server.app, handle)) };
    },
    async issue(holderHandle, extra = {}) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/rewards/v1/admin/cards',
        headers: bearer(admin.token),
        payload: { holderHandle, last4: '4242', level: 2, birthMonth: null, ...extra },
      });
      if (response.statusCode !== 201) throw new Error(`issuing a card failed: ${response.body}`);
      return response.json() as { id: string; token: string };
    },
    async switchPlan(cardId, planId, date, time = '09:00') {
      bed.at(date, time);
      await ready.selections.switchPlan(cardId, planId, server.clock.nowMs());
    },
    ingest: (...events) => ready.ingestor.ingest(events),
    post: (payload, token = admin.token) =>
      server.app.inject({
        method: 'POST',
        url: '/api/rewards/v1/events',
        headers: bearer(token),
        payload: payload as object,
      }),
    get: (url, token) => server.app.inject({ method: 'GET', url, headers: bearer(token) }),
  };
  return bed;
}

/** A new holder's card on the dining plan from `since` (issued and switched at 08:00 that day). */
export async function diningCard(
  bed: PointsBed,
  prefix: string,
  since: CalendarDate = '2024-02-01',
): Promise<{ id: string; token: string }> {
  const holder = await bed.holder(prefix);
  bed.at(since, '08:00');
  const card = await bed.issue(holder.handle);
  await bed.switchPlan(card.id, 'dining', since);
  return card;
}
