import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
} from '@plaza/kernel/testing';
import { addDays, type CalendarDate, TAIPEI_OFFSET_MS, taipeiInstant } from '../calendar/taipei-date.ts';
import type { EventOutcome, NetworkEvent, NetworkMerchant } from '../contracts.ts';
import { type RewardsServices, rewardsProduct } from '../product.ts';
import type { Program } from '../program/types.ts';

/** Merchants of the program's channels, as the network names them. */
export const MERCHANTS = {
  skm: { id: 'shin-kong-mitsukoshi', name: '新光三越', mcc: '5311', country: 'TW' },
  sogo: { id: 'far-eastern-sogo', name: '遠東SOGO', mcc: '5311', country: 'TW' },
  netflix: { id: 'netflix', name: 'Netflix', mcc: '4899', country: 'TW', presence: 'online' },
  corner: { id: 'corner-shop', name: '巷口雜貨', mcc: '5999', country: 'TW' },
  tokyoShop: { id: 'ginza-shop', name: 'Ginza Shop', mcc: '5999', country: 'JP' },
} satisfies Record<string, NetworkMerchant>;

export const ntd = (twd: number): number => twd * 100;

/** RFC 3339 with the Taipei offset, as a Taiwanese network would write it. */
export function taipeiRfc3339(date: CalendarDate, time = '12:00'): string {
  return `${new Date(taipeiInstant(date, time) + TAIPEI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export interface PurchaseSpec {
  readonly card: string;
  readonly on: CalendarDate;
  readonly at?: string;
  /** Billed TWD in whole NT$. */
  readonly ntd: number;
  readonly merchant?: NetworkMerchant;
  readonly currency?: string;
  readonly amountMinor?: number;
}

export interface SettlementSpec extends PurchaseSpec {
  readonly settledOn?: CalendarDate;
  readonly settledAt?: string;
  readonly installments?: { count: number; index: number };
  /** The authorization it clears. */
  readonly auth?: string;
}

/** Compact builders of network events for tests. */
export const ev = {
  authorization(id: string, p: PurchaseSpec): NetworkEvent {
    return {
      id,
      type: 'authorization',
      cardId: p.card,
      amount: p.amountMinor ?? ntd(p.ntd),
      currency: p.currency ?? 'TWD',
      merchant: p.merchant ?? MERCHANTS.corner,
      transactionAt: taipeiRfc3339(p.on, p.at),
    };
  },
  settlement(id: string, s: SettlementSpec): NetworkEvent {
    return {
      id,
      type: 'settlement',
      cardId: s.card,
      amount: s.amountMinor ?? ntd(s.ntd),
      currency: s.currency ?? 'TWD',
      billedAmountTwd: ntd(s.ntd),
      merchant: s.merchant ?? MERCHANTS.corner,
      transactionAt: taipeiRfc3339(s.on, s.at),
      settledAt: taipeiRfc3339(s.settledOn ?? addDays(s.on, 2), s.settledAt ?? '10:00'),
      ...(s.installments ? { installments: s.installments } : {}),
      ...(s.auth ? { originalEventId: s.auth } : {}),
    };
  },
  /** A refund (or chargeback) of `ntd` (TWD, or `amountMinor` in the settlement's currency), made on `on`. */
  refund(
    id: string,
    r: { card: string; of: string; ntd: number; on: CalendarDate; currency?: string; amountMinor?: number },
    type: 'refund' | 'chargeback' = 'refund',
  ): NetworkEvent {
    return {
      id,
      type,
      cardId: r.card,
      amount: r.amountMinor ?? ntd(r.ntd),
      currency: r.currency ?? 'TWD',
      transactionAt: taipeiRfc3339(r.on, '11:00'),
      settledAt: taipeiRfc3339(r.on, '15:00'),
      originalEventId: r.of,
    };
  },
  follow(
    id: string,
    type: 'incremental_authorization' | 'authorization_reversal' | 'authorization_expiry',
    f: { card: string; of: string; ntd: number; on: CalendarDate },
  ): NetworkEvent {
    return {
      id,
      type,
      cardId: f.card,
      amount: ntd(f.ntd),
      currency: 'TWD',
      transactionAt: taipeiRfc3339(f.on, '13:00'),
      originalEventId: f.of,
    };
  },
};

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
