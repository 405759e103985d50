import { addDays, type CalendarDate, TAIPEI_OFFSET_MS, taipeiInstant } from '../calendar/taipei-date.ts';
import type { NetworkEvent, NetworkMerchant } from '../contracts.ts';

// Network events for tests, without a server: kept apart from test-support.ts so that the pure
// rule tests (validate*.test.ts) do not load the whole Rewards product. Under mutation testing
// they are re-run for every mutant, and loading the product was most of each run's time.

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
